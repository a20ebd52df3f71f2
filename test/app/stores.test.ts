import { DEMO } from '../../devcloud/seed';
import { DEFAULT_FILTERS, useChallengeStore } from '../../src/stores/useChallengeStore';
import { useAchievementStore } from '../../src/stores/useAchievementStore';
import { useInboxStore } from '../../src/stores/useInboxStore';
import { useTeamStore } from '../../src/stores/useTeamStore';
import { isOrganizer, useUserStore } from '../../src/stores/useUserStore';
import { startBackend, type Backend } from './backend';

describe('stores over the service layer', () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await startBackend();
  });

  it('loads the signed-in user with roles resolved to org names', async () => {
    backend.signInAs(DEMO.organizer);
    await useUserStore.getState().load();
    const { me, error } = useUserStore.getState();
    expect(error).toBeNull();
    expect(me).toMatchObject({ realName: '王敏', roles: [{ role: 'organizer', scopeName: '共青团某省委员会' }] });
    expect(isOrganizer(me)).toBe(true);
  });

  it('keeps a failed profile update out of the store and returns the reason', async () => {
    backend.signInAs(DEMO.leaderA);
    await useUserStore.getState().load();
    const failed = await useUserStore.getState().updateProfile({ phone: '12345' });
    expect(failed).toMatchObject({ code: 'INVALID_INPUT' });
    expect(useUserStore.getState().me?.phone).toBe('13800000003');
    expect(await useUserStore.getState().updateProfile({ phone: '13912345678' })).toBeNull();
    expect(useUserStore.getState().me?.phone).toBe('13912345678');
  });

  it('lists my teams and caches a team detail', async () => {
    backend.signInAs(DEMO.memberA);
    await useTeamStore.getState().loadMine();
    expect(useTeamStore.getState().mine?.map((t) => [t.name, t.myRole])).toEqual([['车规级芯片青年突击队', 'member']]);
    expect(await useTeamStore.getState().loadDetail(DEMO.teamA)).toBeNull();
    expect(useTeamStore.getState().details[DEMO.teamA].members).toHaveLength(2);
    expect(await useTeamStore.getState().loadDetail('no-such-team')).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages the inbox and marks everything read', async () => {
    backend.signInAs(DEMO.applicant);
    backend.signInAs(DEMO.organizer);
    const review = await backend.cloud.call(
      'team',
      { action: 'review', teamId: DEMO.teamPending, decision: 'reject', reason: '请补充考核指标' },
      DEMO.organizer,
    );
    expect(review.ok).toBe(true);
    backend.signInAs(DEMO.applicant);
    await useInboxStore.getState().loadFirst();
    expect(useInboxStore.getState()).toMatchObject({ unread: 1, loaded: true, nextCursor: null });
    expect(useInboxStore.getState().items[0].title).toContain('备案审核未通过');
    expect(await useInboxStore.getState().markAllRead()).toBeNull();
    expect(useInboxStore.getState().unread).toBe(0);
    expect(useInboxStore.getState().items.every((item) => item.read)).toBe(true);
  });

  it('filters the board and keeps only the answer to the latest filter', async () => {
    backend.signInAs(DEMO.newcomer);
    useChallengeStore.setState({ filters: DEFAULT_FILTERS });
    await useChallengeStore.getState().loadFirst();
    expect(useChallengeStore.getState().items.map((item) => item.title)).toEqual(['车规级 MCU 功能安全验证平台']);
    // Two filter changes in quick succession: the earlier answer must not overwrite the later one.
    const first = useChallengeStore.getState().setFilters({ status: 'closed' });
    const second = useChallengeStore.getState().setFilters({ keyword: '不存在的榜单' });
    await Promise.all([first, second]);
    expect(useChallengeStore.getState()).toMatchObject({ items: [], nextCursor: null, loaded: true });
    await useChallengeStore.getState().setFilters({ keyword: '' });
    expect(useChallengeStore.getState().items.map((item) => [item.title, item.status])).toEqual([
      ['国产算力大模型推理时延优化', 'completed'],
    ]);
  });

  it('loads the feed with 典型案例 pinned on the first page and keeps only the latest filter', async () => {
    backend.signInAs(DEMO.newcomer);
    await useAchievementStore.getState().loadFirst();
    const { first, items } = useAchievementStore.getState();
    expect(first?.featured.map((item) => item.id)).toEqual([DEMO.achievementPatent]);
    expect(items.map((item) => item.id)).toEqual([DEMO.achievementPaper]);
    const slow = useAchievementStore.getState().setFilters({ type: 'patent' });
    await useAchievementStore.getState().setFilters({ type: 'paper' });
    await slow;
    expect(useAchievementStore.getState().filters.type).toBe('paper');
    expect(useAchievementStore.getState().first?.featured).toEqual([]);
    expect(useAchievementStore.getState().items.every((item) => item.type === 'paper')).toBe(true);
  });

  it('drops a late answer to an inbox reload that a newer reload superseded', async () => {
    const fresh = await startBackend();
    const review = await fresh.cloud.call(
      'team',
      { action: 'review', teamId: DEMO.teamPending, decision: 'reject', reason: '请补充考核指标' },
      DEMO.organizer,
    );
    expect(review.ok).toBe(true);
    fresh.signInAs(DEMO.applicant);
    const slow = fresh.holdNext('message.inbox');
    const superseded = useInboxStore.getState().loadFirst();
    await slow.answered; // worked out while the message was still unread
    expect(await useInboxStore.getState().markAllRead()).toBeNull();
    await useInboxStore.getState().loadFirst();
    slow.release();
    await superseded;
    expect(useInboxStore.getState()).toMatchObject({ unread: 0, loading: false, loaded: true });
    expect(useInboxStore.getState().items.map((item) => item.read)).toEqual([true]);
  });
});
