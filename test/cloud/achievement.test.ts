import type { ActionInput } from '../../core/api';
import { DAY_MS } from '../../core/time';
import type { Achievement } from '../../core/types';
import { DEMO, makeWorld, type World } from '../helpers/world';

type SaveIn = ActionInput<'achievement', 'save'>;

function post(overrides: Partial<SaveIn> = {}): SaveIn {
  return {
    teamId: DEMO.teamA,
    type: 'patent',
    title: '一种 MCU 锁步核比对电路',
    summary: '锁步核输出逐拍比对，检测到差异后 2 个周期内进入安全状态。',
    evidence: { kind: 'patent', ref: 'CN202610123453.6' },
    contributorIds: [DEMO.leaderA, DEMO.memberA],
    submit: true,
    requestId: `ach-req-${Math.random().toString(36).slice(2, 12)}`,
    ...overrides,
  };
}

async function stored(world: World, id: string): Promise<Achievement> {
  const { data } = await world.db.collection('achievements').doc(id).get();
  return data as unknown as Achievement;
}

const feedIds = async (world: World, openid: string = DEMO.newcomer) =>
  (await world.expectOk('achievement', openid, 'feed', {})).items.map((item) => item.id);

describe('成果: post, confirm by someone outside the team, feed', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('counts a leader’s achievement only after the organizer confirms it, and tells the team', async () => {
    const posted = await world.expectOk(
      'achievement',
      DEMO.leaderA,
      'save',
      post({ evidence: { kind: 'patent', ref: 'CN202610123451.7' } }),
    );
    expect(posted).toMatchObject({ status: 'submitted', viewer: { isTeam: true, canEdit: true, canConfirm: false } });
    expect(await feedIds(world)).not.toContain(posted.id);
    expect(await world.invoke('achievement', DEMO.newcomer, 'detail', { achievementId: posted.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    const before = await world.expectOk('achievement', DEMO.newcomer, 'teamAchievements', { teamId: DEMO.teamA });
    expect(before).toMatchObject({ confirmed: 1, unconfirmed: { submitted: 2 } });
    expect(before.items.map((item) => item.status)).toEqual(['confirmed']);

    const queue = await world.expectOk('achievement', DEMO.organizer, 'pending', {});
    expect(queue.items.map((item) => item.id)).toEqual([DEMO.achievementPending, posted.id]);
    const confirmed = await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: posted.id });
    expect(confirmed).toMatchObject({ status: 'confirmed', confirmation: { byName: '王敏' }, viewer: { canFeature: true } });
    expect((await feedIds(world))[0]).toBe(posted.id);
    expect(await world.expectOk('achievement', DEMO.newcomer, 'teamAchievements', { teamId: DEMO.teamA })).toMatchObject({
      confirmed: 2,
      confirmedByType: { patent: 2 },
      unconfirmed: { submitted: 1 },
    });
    for (const userId of [DEMO.leaderA, DEMO.memberA]) {
      const inbox = await world.expectOk('message', userId, 'inbox', {});
      expect(inbox.items[0].title).toBe('成果「一种 MCU 锁步核比对电路」已确认');
    }
    expect(await world.invoke('achievement', DEMO.organizer, 'confirm', { achievementId: posted.id })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
  });

  it('lets a member draft for the leader to submit; a returned one is edited and resubmitted', async () => {
    const draft = await world.expectOk('achievement', DEMO.memberA, 'save', post({ submit: false }));
    expect(draft).toMatchObject({ status: 'draft', authorName: '张晓', viewer: { canEdit: true, canSubmit: false } });
    expect(await world.invoke('achievement', DEMO.memberA, 'save', post({ submit: true }))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '只有队长可以提交确认；队员可以先存草稿，由队长提交',
    });
    expect(await world.invoke('achievement', DEMO.memberA, 'submit', { teamId: DEMO.teamA, achievementId: draft.id })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await world.expectOk('achievement', DEMO.leaderA, 'submit', { teamId: DEMO.teamA, achievementId: draft.id });
    // Once submitted, the member's draft is the leader's to change.
    expect(await world.invoke('achievement', DEMO.memberA, 'save', post({ achievementId: draft.id, submit: false }))).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });

    const returned = await world.expectOk('achievement', DEMO.organizer, 'return', {
      achievementId: draft.id,
      reason: '请补充专利受理通知书',
    });
    expect(returned).toMatchObject({ status: 'returned' });
    const seenByTeam = await world.expectOk('achievement', DEMO.leaderA, 'detail', { achievementId: draft.id });
    expect(seenByTeam).toMatchObject({ returned: { reason: '请补充专利受理通知书', byName: '王敏' }, viewer: { canSubmit: true } });
    expect((await world.expectOk('message', DEMO.memberA, 'inbox', {})).items[0].body).toContain('请补充专利受理通知书');

    const resubmitted = await world.expectOk(
      'achievement',
      DEMO.leaderA,
      'save',
      post({ achievementId: draft.id, summary: '锁步核输出逐拍比对；附专利受理通知书编号，2 个周期内进入安全状态。' }),
    );
    expect(resubmitted).toMatchObject({ status: 'submitted', returned: null });
    await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: draft.id });
    expect(await feedIds(world)).toContain(draft.id);
  });

  it('sends an edited confirmed achievement back for confirmation, marked 已修改, keeping the confirmed version', async () => {
    const original = await stored(world, DEMO.achievementPatent);
    const edited = await world.expectOk(
      'achievement',
      DEMO.leaderA,
      'save',
      post({
        achievementId: DEMO.achievementPatent,
        title: '一种车规级芯片故障注入验证方法（授权）',
        summary: original.summary,
        evidence: original.evidence,
      }),
    );
    expect(edited).toMatchObject({ status: 'submitted', revised: true, confirmation: null });
    expect(edited.versions).toEqual([
      expect.objectContaining({ title: '一种车规级芯片故障注入验证方法', confirmedByName: '王敏', confirmedAt: original.confirmedAt }),
    ]);
    expect(await feedIds(world)).not.toContain(DEMO.achievementPatent);
    const pinned = (await world.expectOk('achievement', DEMO.newcomer, 'feed', {})).featured.map((item) => item.id);
    expect(pinned).not.toContain(DEMO.achievementPatent);
    world.clock.now += DAY_MS;
    const again = await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: DEMO.achievementPatent });
    expect(again).toMatchObject({ status: 'confirmed', revised: true, confirmedAt: world.clock.now });
  });

  it('refuses risky text with nothing written and holds text marked for review for the organizer', async () => {
    const before = await world.snapshot();
    expect(
      await world.invoke('achievement', DEMO.leaderA, 'save', post({ summary: '这里提到了赌博网站的推广方式和细节。' })),
    ).toMatchObject({
      ok: false,
      code: 'CONTENT_RISKY',
    });
    expect(await world.snapshot()).toEqual(before);
    const held = await world.expectOk('achievement', DEMO.leaderA, 'save', post({ summary: '以下数据来自内部资料，结论仍需复核。' }));
    expect((await stored(world, held.id)).contentFlag).toBe('review');
    const queue = await world.expectOk('achievement', DEMO.organizer, 'pending', {});
    expect(queue.items.find((item) => item.id === held.id)).toMatchObject({ contentFlag: true });
    await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: held.id });
    expect((await stored(world, held.id)).contentFlag).toBeNull();
  });

  it('keeps images pending until the media check answers, and shows only passed ones outside the team', async () => {
    const images = ['bench-photo-1.png', 'risky-photo.png', 'review-photo.png'].map((name) => `local://uploads/${DEMO.memberA}/${name}`);
    const posted = await world.expectOk('achievement', DEMO.leaderA, 'save', post({ images }));
    expect(posted.images.map((image) => image.status)).toEqual(['pending', 'pending', 'pending']);
    expect(await world.db.collection('mediaChecks').count()).toEqual({ total: 3 });
    await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: posted.id });
    expect((await world.expectOk('achievement', DEMO.newcomer, 'detail', { achievementId: posted.id })).images).toEqual([]);

    expect(await world.cloud.deliverMediaChecks()).toBe(3);
    const outside = await world.expectOk('achievement', DEMO.newcomer, 'detail', { achievementId: posted.id });
    expect(outside.images).toEqual([{ fileId: images[0], url: `/storage/uploads/${DEMO.memberA}/bench-photo-1.png`, status: 'pass' }]);
    expect(outside.coverUrl).toBe(`/storage/uploads/${DEMO.memberA}/bench-photo-1.png`);
    const team = await world.expectOk('achievement', DEMO.leaderA, 'detail', { achievementId: posted.id });
    expect(team.images.map((image) => image.status)).toEqual(['pass', 'risky', 'review']);

    // A verdict delivered twice is applied once; an edit keeps the verdicts of images already checked.
    expect(
      await world.raw('achievement', '', {
        action: 'mediaVerdict',
        traceId: (await world.db.collection('mediaChecks').limit(1).get()).data[0]._id,
        suggest: 'risky',
      }),
    ).toMatchObject({
      ok: true,
      data: { applied: false },
    });
    await world.expectOk('achievement', DEMO.leaderA, 'save', post({ achievementId: posted.id, images: [images[0]], submit: false }));
    expect((await stored(world, posted.id)).images).toEqual([{ fileId: images[0], status: 'pass' }]);
    expect(await world.db.collection('mediaChecks').count()).toEqual({ total: 3 });
  });

  it('records that the confirmer was outside the team, and shows it when they join the team later', async () => {
    const posted = await world.expectOk(
      'achievement',
      DEMO.leaderA,
      'save',
      post({ evidence: { kind: 'patent', ref: 'CN202610123451.7' } }),
    );
    const confirmed = await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: posted.id });
    expect(confirmed.confirmation).toMatchObject({ outsideTeam: true, joinedSince: false });
    expect((await stored(world, posted.id)).confirmation).toEqual({ by: DEMO.organizer, at: world.clock.now, outsideTeam: true });

    world.clock.now += DAY_MS;
    await world.expectOk('team', DEMO.organizer, 'join', { inviteCode: DEMO.inviteA });
    for (const viewer of [DEMO.newcomer, DEMO.leaderA, DEMO.organizer]) {
      const detail = await world.expectOk('achievement', viewer, 'detail', { achievementId: posted.id });
      expect(detail.confirmation).toEqual({ byName: '王敏', at: confirmed.confirmation?.at, outsideTeam: true, joinedSince: true });
    }
  });

  it('accepts only files uploaded by the team’s members, and keeps files already on the record', async () => {
    const before = await world.snapshot();
    const outsider = `local://uploads/${DEMO.leaderB}/their-photo.png`;
    expect(await world.invoke('achievement', DEMO.leaderA, 'save', post({ images: [outsider] }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: expect.stringContaining('本队成员上传'),
    });
    const report = { name: '检测报告', fileId: `cloud://env-1.bucket/attachments/${DEMO.leaderB}/report.pdf` };
    expect(await world.invoke('achievement', DEMO.leaderA, 'save', post({ attachments: [report] }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await world.invoke('achievement', DEMO.leaderA, 'save', post({ images: ['local://uploads/photo.png'] }))).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await world.snapshot()).toEqual(before);

    const own = { name: '检测报告', fileId: `cloud://env-1.bucket/attachments/${DEMO.memberA}/report.pdf` };
    const saved = await world.expectOk('achievement', DEMO.leaderA, 'save', post({ attachments: [own], submit: false }));
    // The member who uploaded it leaves; the file stays on the record through later edits.
    await world.expectOk('team', DEMO.memberA, 'leave', { teamId: DEMO.teamA });
    await world.expectOk(
      'achievement',
      DEMO.leaderA,
      'save',
      post({ achievementId: saved.id, attachments: [own], contributorIds: [DEMO.leaderA], submit: false }),
    );
  });

  it('lets the bound issuer confirm a claim-linked achievement, and nobody confirm their own team’s', async () => {
    await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', {
      challengeId: DEMO.challengeRace,
      teamId: DEMO.teamB,
      decision: 'accept',
      reason: '',
    });
    const claimId = `${DEMO.challengeRace}_${DEMO.teamB}`;
    const linked = await world.expectOk(
      'achievement',
      DEMO.leaderB,
      'save',
      post({
        teamId: DEMO.teamB,
        contributorIds: [DEMO.leaderB, DEMO.memberB],
        claimId,
        type: 'software',
        evidence: { kind: 'copyright', ref: '2026SR0123456' },
      }),
    );
    expect(linked.claim).toMatchObject({ challengeTitle: '车规级 MCU 功能安全验证平台' });
    expect((await world.expectOk('achievement', DEMO.issuer, 'pending', {})).items.map((item) => item.id)).toEqual([linked.id]);
    expect(await world.invoke('achievement', DEMO.issuer, 'confirm', { achievementId: DEMO.achievementPending })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    await world.expectOk('achievement', DEMO.issuer, 'confirm', { achievementId: linked.id });

    expect(await world.invoke('achievement', DEMO.leaderA, 'save', post({ contributorIds: [DEMO.leaderB] }))).toMatchObject({
      ok: false,
      message: '贡献者须为本队成员',
    });
    expect(await world.invoke('achievement', DEMO.leaderA, 'save', post({ claimId }))).toMatchObject({
      ok: false,
      message: '所选揭榜不属于本队',
    });

    // An organizer who is also on the team cannot confirm for it.
    await world.db
      .collection('members')
      .doc(`${DEMO.teamA}_${DEMO.organizer}`)
      .set({
        data: { teamId: DEMO.teamA, userId: DEMO.organizer, role: 'member', homeUnit: '', homePartyOrgId: 'org-party-hx', joinedAt: 0 },
      });
    expect(await world.invoke('achievement', DEMO.organizer, 'confirm', { achievementId: DEMO.achievementPending })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: '你是该队成员，不能确认本队的成果',
    });
  });

  it('pins 典型案例 with a factual note and tells the team; only confirmed ones qualify', async () => {
    expect(
      await world.invoke('achievement', DEMO.organizer, 'feature', {
        achievementId: DEMO.achievementPending,
        featured: true,
        note: '标准已发布实施，覆盖三家整车厂。',
      }),
    ).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    expect(
      await world.invoke('achievement', DEMO.organizer, 'feature', { achievementId: DEMO.achievementPatent, featured: true, note: '很好' }),
    ).toMatchObject({
      ok: false,
      message: '设为典型案例请写一段简短、据实的说明（至少 10 个字）',
    });
    await world.expectOk('achievement', DEMO.organizer, 'feature', { achievementId: DEMO.achievementPatent, featured: false, note: '' });
    let feed = await world.expectOk('achievement', DEMO.newcomer, 'feed', {});
    expect(feed.featured).toEqual([]);
    expect(feed.items.map((item) => item.id)).toEqual([DEMO.achievementPaper, DEMO.achievementPatent]);
    const note = '省内首个车规 MCU 故障注入验证方法专利，已用于两款量产芯片。';
    await world.expectOk('achievement', DEMO.organizer, 'feature', { achievementId: DEMO.achievementPatent, featured: true, note });
    feed = await world.expectOk('achievement', DEMO.newcomer, 'feed', {});
    expect(feed.featured).toEqual([expect.objectContaining({ id: DEMO.achievementPatent, featureNote: note })]);
    expect(feed.items.map((item) => item.id)).toEqual([DEMO.achievementPaper]);
    expect((await world.expectOk('message', DEMO.memberA, 'inbox', {})).items[0].title).toBe(
      '成果「一种车规级芯片故障注入验证方法」入选典型案例',
    );
    expect(Object.keys(feed.items[0]).some((key) => /like|view|flower/i.test(key))).toBe(false);
  });

  it('pages the feed by cursor without gaps or repeats, filtered by field and type', async () => {
    const base = await stored(world, DEMO.achievementPaper);
    const many = Array.from({ length: 45 }, (_, i) => ({
      ...base,
      _id: `ach-page-${String(i).padStart(2, '0')}`,
      type: i % 3 ? 'paper' : 'award',
      field: i % 2 ? '人工智能' : '集成电路',
      // Five share one confirmation instant, so the tie on confirmedAt is broken by _id.
      confirmedAt: world.clock.now - (i < 5 ? 1000 : i * 60_000),
    }));
    await (await world.db.store('achievements')).insertAsync(many);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof world.expectOk<'achievement', 'feed'>>> = await world.expectOk(
        'achievement',
        DEMO.newcomer,
        'feed',
        { cursor },
      );
      if (pages > 0) expect(page.featured).toEqual([]);
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(45 + 1);
    const ai = await world.expectOk('achievement', DEMO.newcomer, 'feed', { field: '人工智能', type: 'award' });
    expect(ai.items.length).toBeGreaterThan(0);
    expect(ai.items.every((item) => item.field === '人工智能' && item.type === 'award')).toBe(true);
  });

  it('applies a repeated save once and deletes only drafts', async () => {
    const input = post({ submit: false, requestId: 'ach-once-0001' });
    const answers = await Promise.all([1, 2, 3].map(() => world.invoke('achievement', DEMO.leaderA, 'save', input)));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(await world.db.collection('achievements').where({ requestId: 'ach-once-0001' }).count()).toEqual({ total: 1 });
    expect(await world.db.collection('audit').where({ action: 'save' }).count()).toEqual({ total: 1 });
    expect(
      await world.invoke('achievement', DEMO.leaderA, 'discard', { teamId: DEMO.teamA, achievementId: DEMO.achievementPending }),
    ).toMatchObject({
      ok: false,
      message: '只有草稿可以删除；提交过的成果会保留记录',
    });
    await world.expectOk('achievement', DEMO.leaderA, 'discard', { teamId: DEMO.teamA, achievementId: 'ach-ach-once-0001' });
    expect(await world.db.collection('achievements').where({ requestId: 'ach-once-0001' }).count()).toEqual({ total: 0 });
  });
});
