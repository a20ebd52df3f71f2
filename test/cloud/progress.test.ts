import type { ActionInput } from '../../core/api';
import { CODE_GRACE_MS, CODE_PERIOD_MS, dayKey } from '../../core/progress-rules';
import { DAY_MS, shanghaiDay } from '../../core/time';
import type { ProgressLog } from '../../core/types';
import { EVENT_FIELDS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

type LogIn = ActionInput<'progress', 'log'>;

/** 2026-11-20 at a Shanghai wall-clock time, as epoch ms. */
const shanghai = (day: number, hour: number, minute: number) => Date.UTC(2026, 10, day, hour - 8, minute);

function log(overrides: Partial<LogIn> = {}): LogIn {
  return { teamId: DEMO.teamA, content: '完成故障注入框架原型', requestId: `req-${Math.random().toString(36).slice(2, 12)}`, ...overrides };
}

async function logsOf(world: World, userId: string): Promise<ProgressLog[]> {
  const { data } = await world.db.collection('progress').where({ userId }).orderBy('day', 'asc').get();
  return data as unknown as ProgressLog[];
}

/** Team B's claim on the demo race is selected, so its logs may cite it. */
async function acceptTeamBOnTheRace(world: World) {
  await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', {
    challengeId: DEMO.challengeRace,
    teamId: DEMO.teamB,
    decision: 'accept',
    reason: '',
  });
}

async function auditCount(world: World, action: string) {
  return (await world.db.collection('audit').where({ action }).count()).total;
}

describe('进展打卡: one log per member per team per Shanghai day', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('puts 23:59 and 00:01 Shanghai on different days, and keeps both sides of UTC midnight on one', async () => {
    world.clock.now = shanghai(21, 23, 59);
    const late = await world.expectOk('progress', DEMO.memberA, 'log', log({ content: '晚间完成回归测试' }));
    world.clock.now = shanghai(22, 0, 1);
    const early = await world.expectOk('progress', DEMO.memberA, 'log', log({ content: '凌晨整理测试数据' }));
    expect([late.day, early.day]).toEqual(['2026-11-21', '2026-11-22']);

    // 07:59 and 08:01 Shanghai straddle UTC midnight but are the same Shanghai day: the second edits the first.
    world.clock.now = shanghai(23, 7, 59);
    const before = await world.expectOk('progress', DEMO.memberA, 'log', log({ content: '早上第一版' }));
    world.clock.now = shanghai(23, 8, 1);
    const after = await world.expectOk('progress', DEMO.memberA, 'log', log({ content: '早上第二版' }));
    expect(new Date(before.updatedAt).getUTCDate()).not.toBe(new Date(after.updatedAt).getUTCDate());
    expect(after).toMatchObject({ id: before.id, day: '2026-11-23', content: '早上第二版', edited: true });
    const days = (await logsOf(world, DEMO.memberA)).map((one) => one.day).filter((day) => day >= '2026-11-21');
    expect(days).toEqual(['2026-11-21', '2026-11-22', '2026-11-23']);
  });

  it('applies a retried request once, edits on a new request, and ignores a late retry of an older one', async () => {
    const first = log({ content: '第一次提交', requestId: 'retry-req-0001' });
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => world.invoke('progress', DEMO.memberA, 'log', first)));
    expect(answers.every((answer) => answer.ok)).toBe(true);
    const today = shanghaiDay(world.clock.now);
    let stored = (await logsOf(world, DEMO.memberA)).filter((one) => one.day === today);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ content: '第一次提交', edits: 0 });
    expect(await auditCount(world, 'log')).toBe(1);

    await world.expectOk('progress', DEMO.memberA, 'log', log({ content: '改正后的内容', requestId: 'retry-req-0002' }));
    await world.expectOk('progress', DEMO.memberA, 'log', first);
    stored = (await logsOf(world, DEMO.memberA)).filter((one) => one.day === today);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ content: '改正后的内容', edits: 1, requestIds: ['retry-req-0001', 'retry-req-0002'] });
    expect(await auditCount(world, 'log')).toBe(2);
  });

  it('keeps an offline log on the day it was written, within a week, never in the future', async () => {
    const yesterday = shanghaiDay(world.clock.now - DAY_MS);
    const late = await world.expectOk('progress', DEMO.leaderA, 'log', log({ day: yesterday, content: '昨天离线写下的记录' }));
    expect(late).toMatchObject({ day: yesterday, lateSync: true });
    expect(await world.invoke('progress', DEMO.leaderA, 'log', log({ day: shanghaiDay(world.clock.now + DAY_MS) }))).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
      message: '不能记录未来日期的进展',
    });
    expect(await world.invoke('progress', DEMO.leaderA, 'log', log({ day: shanghaiDay(world.clock.now - 8 * DAY_MS) }))).toMatchObject({
      ok: false,
      message: '只能补记最近 7 天内的进展',
    });
  });

  it('checks evidence references and takes 今日无进展 as an honest entry', async () => {
    const bad = await world.invoke('progress', DEMO.memberA, 'log', log({ evidence: { kind: 'patent', ref: 'CN202610123451.3' } }));
    expect(bad).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('专利申请号格式不正确') });
    expect(
      await world.invoke('progress', DEMO.memberA, 'log', log({ evidence: { kind: 'doi', ref: '10.1109/JSSC.2026.1234567' } })),
    ).toMatchObject({ ok: true, data: { evidence: { kind: 'doi' } } });
    const none = await world.expectOk('progress', DEMO.leaderA, 'log', log({ noProgress: true, content: '' }));
    expect(none).toMatchObject({ noProgress: true, content: '' });
    expect(await world.invoke('progress', DEMO.leaderA, 'log', log({ content: '' }))).toMatchObject({
      ok: false,
      message: '请写下今天的进展（至少 2 个字），或勾选「今日无进展」',
    });
    expect(
      await world.invoke('progress', DEMO.leaderA, 'log', log({ noProgress: true, evidence: { kind: 'report', ref: 'TR-1' } })),
    ).toMatchObject({ ok: false, message: '勾选「今日无进展」时不需要填写凭证' });
  });

  it('cites only a claim the team is racing on, and the weekly summary counts the milestones touched', async () => {
    await acceptTeamBOnTheRace(world);
    const claimId = `${DEMO.challengeRace}_${DEMO.teamB}`;
    const form = await world.expectOk('progress', DEMO.memberB, 'form', { teamId: DEMO.teamB });
    expect(form.claims).toEqual([{ claimId, title: expect.any(String), milestones: expect.any(Array) }]);
    const milestoneId = form.claims[0].milestones[0].id;

    const foreign = await world.invoke('progress', DEMO.memberA, 'log', log({ claimId }));
    expect(foreign).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '所选揭榜不属于本队' });

    const cited = await world.expectOk(
      'progress',
      DEMO.memberB,
      'log',
      log({ teamId: DEMO.teamB, claimId, milestoneId, evidence: { kind: 'report', ref: 'ZS-TR-0042' } }),
    );
    expect(cited).toMatchObject({ claimTitle: form.claims[0].title, milestoneTitle: form.claims[0].milestones[0].title });

    const week = await world.expectOk('progress', DEMO.leaderB, 'weekly', { teamId: DEMO.teamB });
    expect(week.members.find((member) => member.userId === DEMO.memberB)?.days).toEqual([shanghaiDay(world.clock.now)]);
    expect(week.members.find((member) => member.userId === DEMO.leaderB)?.days).toEqual([]);
    expect(week.evidence).toEqual([expect.objectContaining({ kind: 'report', ref: 'ZS-TR-0042' })]);
    expect(week.milestones).toEqual([expect.objectContaining({ milestoneTitle: form.claims[0].milestones[0].title, logs: 1 })]);
    expect(week).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
  });

  it('accepts only photos the member uploaded', async () => {
    const someoneElses = `local://uploads/${DEMO.leaderB}/their-photo.jpg`;
    const refused = await world.invoke('progress', DEMO.memberA, 'log', log({ photos: [someoneElses] }));
    expect(refused).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: '只能使用自己上传的图片，请重新上传后再提交' });
    const own = `local://uploads/${DEMO.memberA}/my-photo.jpg`;
    expect((await world.expectOk('progress', DEMO.memberA, 'log', log({ photos: [own] }))).photoIds).toEqual([own]);
  });

  it("edits today's log that cites a claim after the claim has ended, keeping its citation and photos", async () => {
    await acceptTeamBOnTheRace(world);
    const claimId = `${DEMO.challengeRace}_${DEMO.teamB}`;
    const photo = `local://uploads/${DEMO.memberB}/bench-photo.jpg`;
    const first = await world.expectOk('progress', DEMO.memberB, 'log', log({ teamId: DEMO.teamB, claimId, photos: [photo] }));
    expect(first.photoIds).toEqual([photo]);
    await world.expectOk('challenge', DEMO.organizer, 'close', {
      challengeId: DEMO.challengeRace,
      result: 'failed',
      winners: [],
      summary: '各队均未达到考核指标，记录留存。',
    });
    const form = await world.expectOk('progress', DEMO.memberB, 'form', { teamId: DEMO.teamB });
    expect(form.claims).toEqual([]);
    expect(form.log).toMatchObject({ claimId, photoIds: [photo] });

    const edited = await world.expectOk(
      'progress',
      DEMO.memberB,
      'log',
      log({ teamId: DEMO.teamB, claimId, photos: [photo], content: '补充：结榜前完成的测试' }),
    );
    expect(edited).toMatchObject({ id: first.id, claimId, content: '补充：结榜前完成的测试', edited: true });
    // A log that did not cite it cannot start citing an ended claim.
    const other = await world.invoke('progress', DEMO.leaderB, 'log', log({ teamId: DEMO.teamB, claimId }));
    expect(other).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: '所选揭榜已不在攻关中，请重新选择' });
  });

  it('shows the timeline to members and the organizer, filtered by member and claim, paged without gaps', async () => {
    const logs = await world.db.store('progress');
    const extra = Array.from({ length: 45 }, (_, i) => {
      const day = shanghaiDay(world.clock.now - (i + 3) * DAY_MS);
      return {
        _id: `${DEMO.teamA}_${DEMO.leaderA}_${day}`,
        teamId: DEMO.teamA,
        userId: DEMO.leaderA,
        day,
        dayKey: dayKey(day),
        content: `第 ${i} 条`,
        noProgress: false,
        evidence: { kind: 'none', ref: '' },
        photos: [],
        claimId: null,
        milestoneId: null,
        requestIds: [],
        createdAt: world.clock.now,
        updatedAt: world.clock.now,
        edits: 0,
      };
    });
    await logs.insertAsync(extra);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof world.expectOk<'progress', 'timeline'>>> = await world.expectOk(
        'progress',
        DEMO.organizer,
        'timeline',
        { teamId: DEMO.teamA, cursor },
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(45 + 3);
    const days = seen.map((id) => id.slice(-10));
    expect([...days].sort().reverse()).toEqual(days);

    const onlyMember = await world.expectOk('progress', DEMO.leaderA, 'timeline', { teamId: DEMO.teamA, userId: DEMO.memberA });
    expect(onlyMember.items.map((item) => item.userName)).toEqual(['张晓', '张晓']);
    expect(onlyMember.viewer).toEqual({ isMember: true, isOrganizer: false });
    expect(await world.invoke('progress', DEMO.leaderB, 'timeline', { teamId: DEMO.teamA })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it("draws a member's month from their own logs, with no streak or count", async () => {
    await world.expectOk('progress', DEMO.memberA, 'log', log());
    const month = await world.expectOk('progress', DEMO.memberA, 'calendar', { month: '2026-11' });
    expect(month.days.map((day) => day.day)).toEqual(['2026-11-18', '2026-11-19', '2026-11-20']);
    expect(month.days[0].teams[0]).toMatchObject({ teamName: '车规级芯片青年突击队', noProgress: true });
    expect(Object.keys(month).sort()).toEqual(['days', 'month']);
    expect((await world.expectOk('progress', DEMO.memberA, 'calendar', { month: '2026-10' })).days).toEqual([]);
  });
});

describe('活动签到: rotating code, geofence, one sign-in, 补签', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  async function openEvent(mode: 'qr' | 'geo' | 'qr+geo' = 'qr+geo') {
    world.clock.now = shanghai(25, 13, 50);
    const event = await world.expectOk('progress', DEMO.organizer, 'createEvent', {
      ...EVENT_FIELDS,
      leagueOrgId: 'org-league-prov',
      teamIds: [DEMO.teamA, DEMO.teamB],
      mode,
      requestId: `event-req-${mode.replace('+', '-')}`,
    });
    world.clock.now = shanghai(25, 14, 5);
    return event;
  }

  const here = { lat: 30.2742, lng: 120.1552, accuracy: 20 };

  it('accepts the current code and the previous ones for 20 s, then refuses them', async () => {
    const event = await openEvent('qr');
    const shown = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: event.id });
    expect(shown.code).toMatch(/^\d{6}$/);
    expect(shown.qr.length).toBeGreaterThanOrEqual(21);
    expect(shown.qr.every((row) => row.length === shown.qr.length && /^[01]+$/.test(row))).toBe(true);

    // The code's own slot ends at validUntil; it is still accepted until validUntil + grace.
    world.clock.now = shown.validUntil + CODE_GRACE_MS - 1;
    const next = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: event.id });
    expect(next.code).not.toBe(shown.code);
    expect(await world.invoke('progress', DEMO.memberA, 'signIn', { eventId: event.id, method: 'code', code: shown.code })).toMatchObject({
      ok: true,
      data: { mine: { status: 'signed', method: '输入签到码' } },
    });

    world.clock.now = shown.validUntil + CODE_GRACE_MS;
    expect(await world.invoke('progress', DEMO.leaderA, 'signIn', { eventId: event.id, method: 'scan', code: shown.code })).toMatchObject({
      ok: false,
      code: 'CODE_EXPIRED',
    });
    expect(await world.invoke('progress', DEMO.leaderA, 'signIn', { eventId: event.id, method: 'code', code: '000000' })).toMatchObject({
      ok: false,
      code: 'CODE_EXPIRED',
    });
    expect(CODE_PERIOD_MS).toBe(10_000);
  });

  it('checks the geofence distance and the reported accuracy, and keeps the raw signals', async () => {
    const event = await openEvent('geo');
    const far = await world.invoke('progress', DEMO.memberA, 'signIn', {
      eventId: event.id,
      method: 'location',
      location: { lat: 30.2841, lng: 120.1551, accuracy: 15 },
    });
    expect(far).toMatchObject({ ok: false, code: 'OUT_OF_RANGE', message: expect.stringMatching(/约 11\d\d 米，超出 200 米范围/) });
    const vague = await world.invoke('progress', DEMO.memberA, 'signIn', {
      eventId: event.id,
      method: 'location',
      location: { ...here, accuracy: 150 },
    });
    expect(vague).toMatchObject({ ok: false, code: 'OUT_OF_RANGE', message: expect.stringContaining('定位精度 150 米') });
    expect(await world.invoke('progress', DEMO.memberA, 'signIn', { eventId: event.id, method: 'location' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(await world.db.collection('eventCheckins').where({ eventId: event.id }).count()).toEqual({ total: 0 });

    await world.expectOk('progress', DEMO.memberA, 'signIn', { eventId: event.id, method: 'location', location: here });
    const { data } = await world.db.collection('eventCheckins').doc(`${event.id}_${DEMO.memberA}`).get();
    expect(data).toMatchObject({ status: 'signed', signals: { at: world.clock.now, method: 'location', lat: here.lat, accuracy: 20 } });
    expect((data as unknown as { signals: { distance: number } }).signals.distance).toBeLessThan(20);
  });

  it('needs both signals in qr+geo mode and keeps one sign-in per member under a burst', async () => {
    const event = await openEvent('qr+geo');
    const { code } = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: event.id });
    expect(await world.invoke('progress', DEMO.memberA, 'signIn', { eventId: event.id, method: 'code', code })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    const tries = await Promise.all(
      Array.from({ length: 10 }, () =>
        world.invoke('progress', DEMO.memberA, 'signIn', { eventId: event.id, method: 'scan', code, location: here }),
      ),
    );
    expect(tries.every((answer) => answer.ok)).toBe(true);
    expect(await world.db.collection('eventCheckins').where({ eventId: event.id }).count()).toEqual({ total: 1 });
    expect(await auditCount(world, 'signIn')).toBe(1);
  });

  it('refuses sign-in outside the window and from members of teams not invited', async () => {
    const event = await world.expectOk('progress', DEMO.organizer, 'createEvent', EVENT_FIELDS);
    expect(await world.invoke('progress', DEMO.memberB, 'signIn', { eventId: event.id, method: 'code', code: '123456' })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('签到尚未开始'),
    });
    expect(await world.invoke('progress', DEMO.memberA, 'signIn', { eventId: event.id, method: 'code', code: '123456' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await world.invoke('progress', DEMO.memberA, 'eventDetail', { eventId: event.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('lists those not yet signed in as 未签到 while the event runs, and as 缺席 only once it has ended', async () => {
    const event = await openEvent('qr');
    const { code } = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: event.id });
    await world.expectOk('progress', DEMO.leaderA, 'signIn', { eventId: event.id, method: 'scan', code });
    const live = await world.expectOk('progress', DEMO.organizer, 'attendance', { eventId: event.id });
    expect(live.counts).toMatchObject({ signed: 1, notSignedIn: 3, absent: 0, total: 4 });
    expect(live.rows.find((row) => row.userId === DEMO.memberA)?.status).toBe('notSignedIn');
    world.clock.now = shanghai(25, 18, 0);
    const after = await world.expectOk('progress', DEMO.organizer, 'attendance', { eventId: event.id });
    expect(after.counts).toMatchObject({ signed: 1, notSignedIn: 0, absent: 3, total: 4 });
  });

  it('records an approved make-up as 补签, never as on-site, and tells the member', async () => {
    const event = await openEvent('qr');
    const { code } = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: event.id });
    await world.expectOk('progress', DEMO.leaderA, 'signIn', { eventId: event.id, method: 'scan', code });
    world.clock.now = shanghai(25, 18, 0);
    expect(await world.invoke('progress', DEMO.memberA, 'signIn', { eventId: event.id, method: 'code', code })).toMatchObject({
      ok: false,
      message: '活动已结束，如未签到请申请补签',
    });
    const asked = await world.expectOk('progress', DEMO.memberA, 'requestMakeup', { eventId: event.id, reason: '当天在外地做可靠性试验' });
    expect(asked).toMatchObject({ mine: { status: 'makeupRequested' }, viewer: { canRequestMakeup: false } });
    expect(await world.invoke('progress', DEMO.memberA, 'requestMakeup', { eventId: event.id, reason: '再次申请补签' })).toMatchObject({
      ok: false,
      code: 'DUPLICATE',
    });
    expect(
      await world.invoke('progress', DEMO.organizer, 'reviewMakeup', {
        eventId: event.id,
        userId: DEMO.memberA,
        decision: 'reject',
        note: '',
      }),
    ).toMatchObject({ ok: false, message: '驳回补签请写明原因（至少 2 个字）' });

    const sheet = await world.expectOk('progress', DEMO.organizer, 'reviewMakeup', {
      eventId: event.id,
      userId: DEMO.memberA,
      decision: 'approve',
      note: '',
    });
    expect(sheet.counts).toMatchObject({ signed: 1, makeup: 1, absent: 2, total: 4 });
    expect(sheet.rows.find((row) => row.userId === DEMO.memberA)).toMatchObject({ status: 'makeup', at: null, method: '' });
    const { data } = await world.db.collection('eventCheckins').doc(`${event.id}_${DEMO.memberA}`).get();
    expect(data).toMatchObject({ status: 'makeupApproved', signals: null });
    const inbox = await world.expectOk('message', DEMO.memberA, 'inbox', {});
    expect(inbox.items[0].title).toBe(`「${event.title}」补签已通过`);
    expect(
      await world.invoke('progress', DEMO.organizer, 'reviewMakeup', {
        eventId: event.id,
        userId: DEMO.memberA,
        decision: 'approve',
        note: '',
      }),
    ).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });

    world.clock.now = shanghai(25, 18, 0) + 8 * DAY_MS;
    expect(await world.invoke('progress', DEMO.leaderB, 'requestMakeup', { eventId: event.id, reason: '忘记签到了' })).toMatchObject({
      ok: false,
      message: '活动结束已超过 7 天，不能再申请补签',
    });
  });

  it('lists events for members of the invited teams and for the organizers over them', async () => {
    const event = await openEvent('qr');
    const mine = await world.expectOk('progress', DEMO.memberB, 'events', { scope: 'mine' });
    expect(mine.items.map((item) => item.id)).toContain(event.id);
    expect(mine.items.find((item) => item.id === event.id)).toMatchObject({ phase: 'open', mine: null, teamCount: 2 });
    const managed = await world.expectOk('progress', DEMO.unitOrganizer, 'events', { scope: 'manage' });
    expect(managed.items).toEqual([]);
    const own = await world.expectOk('progress', DEMO.organizer, 'events', { scope: 'manage' });
    expect(own.items.map((item) => item.id)).toEqual([event.id, DEMO.eventOpen, DEMO.eventPast]);
    const again = await world.expectOk('progress', DEMO.organizer, 'createEvent', {
      ...EVENT_FIELDS,
      leagueOrgId: 'org-league-prov',
      teamIds: [DEMO.teamA, DEMO.teamB],
      mode: 'qr',
      requestId: 'event-req-qr',
    });
    expect(again.id).toBe(event.id);
    expect(await world.db.collection('events').count()).toEqual({ total: 3 });
  });
});
