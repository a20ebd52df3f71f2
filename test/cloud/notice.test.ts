import type { ActionInput } from '../../core/api';
import { DAY_MS } from '../../core/time';
import { TEMPLATES } from '../../core/templates';
import type { Notice } from '../../core/types';
import { grantWxConsent } from '../../devcloud/openapi';
import { messageId } from '../../server/runtime/outbox';
import { DEMO, makeWorld, type World } from '../helpers/world';

type PublishIn = ActionInput<'notice', 'publish'>;

function notice(overrides: Partial<PublishIn> = {}): PublishIn {
  return {
    leagueOrgId: 'org-league-prov',
    title: '关于报送季度进展的通知',
    body: '请各队于月底前在小程序中更新本季度的进展记录，并核对揭榜节点。',
    audience: 'allTeams',
    requireAck: true,
    requestId: `nt-req-${Math.random().toString(36).slice(2, 12)}`,
    ...overrides,
  };
}

const receipts = async (world: World, noticeId: string) =>
  (await world.db.collection('noticeReads').where({ noticeId }).orderBy('userId', 'asc').get()).data.map((doc) => doc.userId);
const messagesTo = async (world: World, userId: string, prefix: string) =>
  (await world.expectOk('message', userId, 'inbox', {})).items.filter((item) => item.title.startsWith(prefix)).length;

/** A notice whose publish timed out five minutes ago having written only the notice itself. */
function stalledNotice(world: World, id: string, title: string): Notice {
  return {
    _id: id,
    leagueOrgId: 'org-league-prov',
    authorId: DEMO.organizer,
    title,
    body: '发布时函数超时，只写了通知本身。',
    audience: 'leaders',
    teamIds: [],
    requireAck: false,
    fanout: 'pending',
    recipientCount: 0,
    remindedAt: null,
    remindRounds: 0,
    requestId: `${id}-req`,
    createdAt: world.clock.now - 5 * 60_000,
  };
}

describe('通知: receipts, 已知悉, reminders', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('reaches every member of the org’s teams once, and shows who has read and acknowledged', async () => {
    // Make leader A a member of team B too: still one receipt.
    await world.db
      .collection('members')
      .doc(`${DEMO.teamB}_${DEMO.leaderA}`)
      .set({
        data: { teamId: DEMO.teamB, userId: DEMO.leaderA, role: 'member', homeUnit: '', homePartyOrgId: 'org-party-hx', joinedAt: 0 },
      });
    const published = await world.expectOk('notice', DEMO.organizer, 'publish', notice());
    expect(published.viewer).toEqual({ isRecipient: false, isOrganizer: true, canAck: false });
    expect(await receipts(world, published.id)).toEqual([DEMO.leaderA, DEMO.leaderB, DEMO.memberA, DEMO.memberB].sort());
    for (const userId of [DEMO.leaderA, DEMO.memberB]) expect(await messagesTo(world, userId, '通知：关于报送季度进展的通知')).toBe(1);
    expect(await messagesTo(world, DEMO.newcomer, '通知：')).toBe(0);

    const mine = await world.expectOk('notice', DEMO.memberA, 'list', {});
    expect(mine.items[0]).toMatchObject({ id: published.id, requireAck: true, mine: { readAt: null, ackAt: null } });
    const opened = await world.expectOk('notice', DEMO.memberA, 'detail', { noticeId: published.id });
    expect(opened).toMatchObject({ mine: { readAt: world.clock.now, ackAt: null }, viewer: { canAck: true } });
    const acked = await world.expectOk('notice', DEMO.memberA, 'ack', { noticeId: published.id });
    expect(acked).toMatchObject({ mine: { ackAt: world.clock.now }, viewer: { canAck: false } });
    await world.expectOk('notice', DEMO.leaderB, 'ack', { noticeId: published.id });

    const stats = await world.expectOk('notice', DEMO.organizer, 'stats', { noticeId: published.id });
    expect(stats).toMatchObject({ recipients: 4, read: 2, acknowledged: 2 });
    expect(stats.notAcknowledged.map((person) => person.name).sort()).toEqual(['李航', '刘洋'].sort());
    expect(await world.invoke('notice', DEMO.newcomer, 'detail', { noticeId: published.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await world.invoke('notice', DEMO.newcomer, 'ack', { noticeId: published.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  it('sends leaders-only and chosen-team notices to those only, and refuses teams outside the org', async () => {
    const leaders = await world.expectOk('notice', DEMO.organizer, 'publish', notice({ audience: 'leaders' }));
    expect(await receipts(world, leaders.id)).toEqual([DEMO.leaderA, DEMO.leaderB].sort());
    const chosen = await world.expectOk(
      'notice',
      DEMO.unitOrganizer,
      'publish',
      notice({ leagueOrgId: 'org-league-zs', audience: 'teams', teamIds: [DEMO.teamB] }),
    );
    expect(await receipts(world, chosen.id)).toEqual([DEMO.leaderB, DEMO.memberB].sort());
    expect(
      await world.invoke(
        'notice',
        DEMO.unitOrganizer,
        'publish',
        notice({ leagueOrgId: 'org-league-zs', audience: 'teams', teamIds: [DEMO.teamA] }),
      ),
    ).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '通知对象须为本团组织下已备案的突击队' });
    expect(await world.invoke('notice', DEMO.unitOrganizer, 'publish', notice({ leagueOrgId: 'org-league-prov' }))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await world.invoke('notice', DEMO.organizer, 'publish', notice({ audience: 'teams', teamIds: [] }))).toMatchObject({
      ok: false,
      message: '请至少选择 1 支队伍',
    });
  });

  it('reminds only those who have not acknowledged, at most once a day, and publishes once per request', async () => {
    const input = notice({ requestId: 'nt-once-0001' });
    const [first, again] = await Promise.all([
      world.invoke('notice', DEMO.organizer, 'publish', input),
      world.invoke('notice', DEMO.organizer, 'publish', input),
    ]);
    expect(first.ok && again.ok).toBe(true);
    expect(await world.db.collection('notices').where({ requestId: 'nt-once-0001' }).count()).toEqual({ total: 1 });
    const id = 'nt-nt-once-0001';
    expect(await receipts(world, id)).toHaveLength(4);
    await world.expectOk('notice', DEMO.memberA, 'ack', { noticeId: id });

    const stats = await world.expectOk('notice', DEMO.organizer, 'remind', { noticeId: id });
    expect(stats).toMatchObject({ canRemind: false, remindedAt: world.clock.now });
    expect(await messagesTo(world, DEMO.memberA, '请确认通知：')).toBe(0);
    for (const userId of [DEMO.leaderA, DEMO.leaderB, DEMO.memberB]) expect(await messagesTo(world, userId, '请确认通知：')).toBe(1);
    expect(await world.invoke('notice', DEMO.organizer, 'remind', { noticeId: id })).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    world.clock.now += DAY_MS;
    await world.expectOk('notice', DEMO.organizer, 'remind', { noticeId: id });
    expect(await messagesTo(world, DEMO.leaderB, '请确认通知：')).toBe(2);
    expect(await messagesTo(world, DEMO.leaderB, '提醒：')).toBe(0); // never 「提醒：通知：…」
    expect(await world.invoke('notice', DEMO.unitOrganizer, 'remind', { noticeId: id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('shows the organizer how each recipient’s push ended: sent, in-app only, failed, unknown, still to send', async () => {
    const published = await world.expectOk('notice', DEMO.organizer, 'publish', notice());
    const stats = () => world.expectOk('notice', DEMO.organizer, 'stats', { noticeId: published.id });
    expect((await stats()).push).toEqual({ sent: 0, inAppOnly: 0, failed: 0, unknown: 0, pending: 4 });

    for (const userId of [DEMO.leaderA, DEMO.memberA, DEMO.memberB]) {
      await grantWxConsent(world.db, userId, TEMPLATES.noticePublished.id, world.clock.now);
      await world.expectOk('message', userId, 'recordConsent', { accepted: ['noticePublished'] });
    }
    // Member B's push was being sent when the sender died.
    await world.db
      .collection('outbox')
      .doc(messageId(`notice_${published.id}_${DEMO.memberB}`))
      .update({ data: { status: 'sending', leaseUntil: world.clock.now - 1 } });
    const real = world.cloud.openapi.subscribeMessage.send;
    const send = jest
      .spyOn(world.cloud.openapi.subscribeMessage, 'send')
      .mockImplementation(async (args) =>
        args.touser === DEMO.memberA ? Promise.reject(Object.assign(new Error('40003 invalid openid'), { errCode: 40003 })) : real(args),
      );
    await world.expectOk('dispatch', '', 'run', {});
    send.mockRestore();
    // Leader B never subscribed: in-app only.
    expect((await stats()).push).toEqual({ sent: 1, inAppOnly: 1, failed: 1, unknown: 1, pending: 0 });
    // A reminder's own pushes are not the notice's.
    world.clock.now += 1000;
    expect((await world.expectOk('notice', DEMO.organizer, 'remind', { noticeId: published.id })).push).toEqual({
      sent: 1,
      inAppOnly: 1,
      failed: 1,
      unknown: 1,
      pending: 0,
    });
  });

  it('finishes an interrupted fan-out from dispatch without writing anything twice', async () => {
    const stuck = stalledNotice(world, 'nt-stuck', '中断的通知');
    await (await world.db.store('notices')).insertAsync(stuck);
    await world.expectOk('dispatch', '', 'run', {});
    await world.expectOk('dispatch', '', 'run', {});
    expect(await receipts(world, 'nt-stuck')).toEqual([DEMO.leaderA, DEMO.leaderB].sort());
    expect((await world.db.collection('notices').doc('nt-stuck').get()).data).toMatchObject({ fanout: 'done', recipientCount: 2 });
    expect(await messagesTo(world, DEMO.leaderA, '通知：中断的通知')).toBe(1);
  });

  it('leaves a stalled fan-out to the run that holds its lease, and finishes it once when the lease runs out', async () => {
    const stuck = stalledNotice(world, 'nt-leased', '被接手的通知');
    await (await world.db.store('notices')).insertAsync(stuck);
    // Another run holds the lease: this run leaves the notice alone.
    const lease = { _id: 'noticeFanout_nt-leased', cursor: 'another-run', done: false, at: world.clock.now + 60_000 };
    await (await world.db.store('jobs')).insertAsync(lease);
    await world.expectOk('dispatch', '', 'run', {});
    expect(await receipts(world, 'nt-leased')).toEqual([]);
    // The lease runs out; the next run takes it and finishes, each leader reached once.
    world.clock.now += 2 * 60_000;
    await world.expectOk('dispatch', '', 'run', {});
    expect(await receipts(world, 'nt-leased')).toEqual([DEMO.leaderA, DEMO.leaderB].sort());
    expect(await messagesTo(world, DEMO.leaderA, '通知：被接手的通知')).toBe(1);
    expect((await world.db.collection('notices').doc('nt-leased').get()).data).toMatchObject({ fanout: 'done' });
  });
});
