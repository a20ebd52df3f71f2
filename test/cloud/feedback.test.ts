import type { EventMode } from '../../core/progress-rules';
import { DAY_MS } from '../../core/time';
import type { Letter } from '../../core/types';
import { EVENT_FIELDS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

const Q4 = { from: '2026-10-01', to: '2026-12-31' };
const PROVINCIAL = '共青团某省委员会';
const HERE = { lat: 30.2742, lng: 120.1552, accuracy: 20 };

async function stored(world: World, id: string): Promise<Letter> {
  return (await world.db.collection('letters').doc(id).get()).data as unknown as Letter;
}

/** Member B signs in at the demo world's open event, so team B has an attendance record. */
async function memberBAttends(world: World) {
  const { code } = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: DEMO.eventOpen });
  await world.expectOk('progress', DEMO.memberB, 'signIn', { eventId: DEMO.eventOpen, method: 'code', code });
}

/**
 * Member B signs in at a new event of team B's that checks what `mode` asks for (the clock moves
 * into the event, 2026-11-25 14:05 in Shanghai).
 */
async function memberBSignsInAt(world: World, mode: EventMode, title: string) {
  world.clock.now = Date.UTC(2026, 10, 25, 6, 5);
  const event = await world.expectOk('progress', DEMO.organizer, 'createEvent', {
    ...EVENT_FIELDS,
    leagueOrgId: 'org-league-prov',
    title,
    mode,
    requestId: `letter-event-${mode.replace('+', '-')}`,
  });
  const code = mode === 'geo' ? null : (await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: event.id })).code;
  await world.expectOk('progress', DEMO.memberB, 'signIn', {
    eventId: event.id,
    method: code ? 'code' : 'location',
    code,
    location: mode === 'qr' ? null : HERE,
  });
  return event;
}

/** Team B's candidate records in Q4 of one kind. */
async function candidatesOf(world: World, kind: string) {
  const { items } = await world.expectOk('feedback', DEMO.unitOrganizer, 'candidates', { teamId: DEMO.teamB, ...Q4 });
  return items.filter((item) => item.kind === kind);
}

/** A user becomes the contact of a party organization with a code from an organizer. */
async function bindContact(world: World, userId: string, partyOrgId: string) {
  const { code } = await world.expectOk('feedback', DEMO.organizer, 'contactCode', { partyOrgId });
  return world.expectOk('feedback', userId, 'bindContact', { code });
}

describe('反馈函: confirmed records only, split by party org, 签收, verify, reminders, drafts', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('lists and issues only confirmed records; an unconfirmed or returned one can never get in', async () => {
    await world.expectOk('achievement', DEMO.leaderB, 'save', {
      teamId: DEMO.teamB,
      type: 'paper',
      title: '待确认的推理调度论文',
      summary: '尚未经过确认的成果，不应出现在反馈函里。',
      contributorIds: [DEMO.leaderB],
      submit: true,
      requestId: 'letter-unconfirmed-01',
    });
    const returned = await world.expectOk('achievement', DEMO.leaderB, 'save', {
      teamId: DEMO.teamB,
      type: 'award',
      title: '被退回的获奖记录',
      summary: '被退回的成果，同样不能出现在反馈函里。',
      contributorIds: [DEMO.memberB],
      submit: true,
      requestId: 'letter-returned-0001',
    });
    await world.expectOk('achievement', DEMO.unitOrganizer, 'return', { achievementId: returned.id, reason: '缺少获奖证书' });
    await memberBAttends(world);

    const candidates = await world.expectOk('feedback', DEMO.unitOrganizer, 'candidates', { teamId: DEMO.teamB, ...Q4 });
    // Oldest confirmation first: the passed gate, the won claim, the confirmed paper, today's attendance.
    expect(candidates.items.map((item) => [item.kind, item.title])).toEqual([
      ['gate', '国产算力大模型推理时延优化 · 节点「首字时延达标」通过'],
      ['claim', '国产算力大模型推理时延优化 · 夺榜'],
      ['achievement', '国产算力上的大模型推理算子融合'],
      ['attendance', '青年突击队攻关方法培训'],
    ]);
    expect(candidates.items[2]).toMatchObject({ basis: { kind: 'person', byName: '孙悦' }, memberNames: ['陈思远'] });
    expect(candidates.items[3]).toMatchObject({
      basis: { kind: 'system' },
      memberNames: ['刘洋'],
      detail: expect.stringContaining('现场签到'),
    });
    expect(candidates.recipients.map((recipient) => [recipient.partyOrgName, recipient.memberNames]).sort()).toEqual([
      ['先进材料研究所党委', ['刘洋']],
      ['智算研究院党委', ['陈思远']],
    ]);

    const before = await world.snapshot();
    for (const forged of [`achievement:ach-letter-unconfirmed-01`, `achievement:${returned.id}`, 'gate:no-such-gate']) {
      expect(
        await world.invoke('feedback', DEMO.unitOrganizer, 'issue', {
          teamId: DEMO.teamB,
          ...Q4,
          itemIds: [forged],
          note: '',
          requestId: 'letter-forged-0001',
        }),
      ).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    }
    expect(await world.snapshot()).toEqual(before);
  });

  it('sends each member’s part of a cross-unit team to that member’s own party organization', async () => {
    await memberBAttends(world);
    await bindContact(world, DEMO.newcomer, 'org-party-cl');
    const { items } = await world.expectOk('feedback', DEMO.unitOrganizer, 'candidates', { teamId: DEMO.teamB, ...Q4 });
    const issued = await world.expectOk('feedback', DEMO.unitOrganizer, 'issue', {
      teamId: DEMO.teamB,
      ...Q4,
      itemIds: items.map((item) => item.id),
      note: '本季度该队成果与出勤情况反馈如下。',
      requestId: 'letter-split-0001',
    });
    expect(issued.map((letter) => [letter.partyOrgName, letter.itemCount]).sort()).toEqual([
      ['先进材料研究所党委', 1],
      ['智算研究院党委', 3],
    ]);
    expect(new Set(issued.map((letter) => letter.refCode)).size).toBe(2);
    const toMaterials = issued.find((letter) => letter.partyOrgName === '先进材料研究所党委')!;
    const letter = await stored(world, toMaterials.id);
    expect(letter.items).toEqual([expect.objectContaining({ kind: 'attendance', memberNames: ['刘洋'] })]);
    // The bound contact is told; the other party org has no contact yet, so its letter waits in the list.
    expect((await world.expectOk('message', DEMO.newcomer, 'inbox', {})).items[0].title).toContain('大模型推理加速青年突击队');
    const contactList = await world.expectOk('feedback', DEMO.newcomer, 'letters', {});
    expect(contactList.items.map((item) => item.id)).toEqual([toMaterials.id]);
    expect((await world.expectOk('feedback', DEMO.partyContact, 'letters', {})).items.map((item) => item.id)).toEqual([DEMO.letter]);
    expect(await world.invoke('feedback', DEMO.partyContact, 'letter', { letterId: toMaterials.id })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    // A repeated issue request changes nothing.
    await world.expectOk('feedback', DEMO.unitOrganizer, 'issue', {
      teamId: DEMO.teamB,
      ...Q4,
      itemIds: items.map((item) => item.id),
      note: '',
      requestId: 'letter-split-0001',
    });
    expect(await world.db.collection('letters').where({ requestId: 'letter-split-0001' }).count()).toEqual({ total: 2 });
  });

  it('moves issued → opened → acknowledged for the contact, and the organizer sees it', async () => {
    const opened = await world.expectOk('feedback', DEMO.partyContact, 'letter', { letterId: DEMO.letter });
    expect(opened).toMatchObject({
      status: 'opened',
      viewer: { isContact: true, canAcknowledge: true },
      items: [expect.objectContaining({ basis: { kind: 'person', byName: '王敏', orgName: PROVINCIAL } })],
      orgName: PROVINCIAL,
    });
    const acked = await world.expectOk('feedback', DEMO.partyContact, 'acknowledge', {
      letterId: DEMO.letter,
      reply: '已收到，将在支部会上通报。',
    });
    expect(acked).toMatchObject({
      status: 'acknowledged',
      ack: { byName: '赵立', reply: '已收到，将在支部会上通报。' },
      viewer: { canAcknowledge: false },
    });
    expect(await world.expectOk('feedback', DEMO.organizer, 'letter', { letterId: DEMO.letter })).toMatchObject({
      status: 'acknowledged',
      viewer: { isOrganizer: true, isContact: false },
    });
    expect(await world.invoke('feedback', DEMO.newcomer, 'letter', { letterId: DEMO.letter })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
    expect(await world.invoke('feedback', DEMO.newcomer, 'acknowledge', { letterId: DEMO.letter, reply: '' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });

  it('verifies a letter by its code against the records now: 一致, 已变更, 已撤销', async () => {
    expect(await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: DEMO.letterCode })).toMatchObject({
      allSame: true,
      items: [expect.objectContaining({ verdict: 'same' })],
      partyOrgName: '华芯微电子党委',
    });
    const patent = (await world.db.collection('achievements').doc(DEMO.achievementPatent).get()).data;
    await world.expectOk('achievement', DEMO.leaderA, 'save', {
      teamId: DEMO.teamA,
      achievementId: DEMO.achievementPatent,
      type: 'patent',
      title: '一种车规级芯片故障注入验证方法（已授权）',
      summary: String(patent.summary),
      evidence: { kind: 'patent', ref: 'CN202610123451.7' },
      contributorIds: [DEMO.leaderA, DEMO.memberA],
      submit: true,
      requestId: 'letter-edit-patent-01',
    });
    expect(await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: DEMO.letterCode })).toMatchObject({
      allSame: false,
      items: [expect.objectContaining({ verdict: 'changed', current: '成果已修改，正在重新确认' })],
    });

    await memberBAttends(world);
    const { items } = await world.expectOk('feedback', DEMO.unitOrganizer, 'candidates', { teamId: DEMO.teamB, ...Q4 });
    const [letter] = await world.expectOk('feedback', DEMO.unitOrganizer, 'issue', {
      teamId: DEMO.teamB,
      ...Q4,
      itemIds: items.filter((item) => item.kind === 'attendance').map((item) => item.id),
      note: '',
      requestId: 'letter-revoke-0001',
    });
    await world.db.collection('eventCheckins').doc(`${DEMO.eventOpen}_${DEMO.memberB}`).remove();
    expect(await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: letter.refCode! })).toMatchObject({
      items: [expect.objectContaining({ verdict: 'revoked' })],
    });
    expect(await world.invoke('feedback', DEMO.newcomer, 'verify', { refCode: 'ZZZZZZZZZZ' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('reminds the contact and flags the letter once when it is unacknowledged after 7 days', async () => {
    // The demo letter went out two days ago: day 6 after issue, nothing; day 8, one reminder.
    world.clock.now += 4 * DAY_MS;
    expect((await world.expectOk('dispatch', '', 'run', {})).lettersReminded).toBe(0);
    world.clock.now += 2 * DAY_MS;
    expect((await world.expectOk('dispatch', '', 'run', {})).lettersReminded).toBe(1);
    expect((await world.expectOk('dispatch', '', 'run', {})).lettersReminded).toBe(0);
    const reminders = (await world.expectOk('message', DEMO.partyContact, 'inbox', {})).items.filter((item) =>
      item.title.startsWith('提醒签收'),
    );
    expect(reminders).toHaveLength(1);
    expect(await stored(world, DEMO.letter)).toMatchObject({ flagged: true });
    const manage = await world.expectOk('feedback', DEMO.organizer, 'letters', { scope: 'manage' });
    expect(manage.items.find((item) => item.id === DEMO.letter)).toMatchObject({ flagged: true });
    await world.expectOk('feedback', DEMO.partyContact, 'acknowledge', { letterId: DEMO.letter, reply: '' });
    expect(await stored(world, DEMO.letter)).toMatchObject({ status: 'acknowledged', flagged: false });
  });

  it('prepares one draft per team with new confirmed records each quarter, and sends nothing by itself', async () => {
    world.clock.now = Date.UTC(2027, 0, 2, 2, 0);
    const report = await world.expectOk('dispatch', '', 'run', {});
    expect(report.draftsPrepared).toBe(2);
    expect((await world.expectOk('dispatch', '', 'run', {})).draftsPrepared).toBe(0);
    const drafts = (await world.db.collection('letters').where({ status: 'draft' }).orderBy('_id', 'asc').get())
      .data as unknown as Letter[];
    expect(drafts.map((draft) => [draft.teamId, draft.quarter, draft.items.map((item) => item.kind)])).toEqual([
      [DEMO.teamB, '2026Q4', ['gate', 'claim', 'achievement']],
      // Team A's patent was already in an issued letter; only its attendance is new.
      [DEMO.teamA, '2026Q4', ['attendance']],
    ]);
    // Drafting sends nothing (the only letter message is the overdue demo letter's reminder).
    const sent = (await world.db.collection('outbox').where({ templateKey: 'letterIssued' }).get()).data.map((item) =>
      String(item.dedupeKey),
    );
    expect(sent.every((key) => key.startsWith('letter_reminder_'))).toBe(true);
    expect(await world.db.collection('letters').where({ status: 'issued' }).count()).toEqual({ total: 1 });
    expect((await world.expectOk('feedback', DEMO.partyContact, 'letters', {})).items.map((item) => item.id)).toEqual([DEMO.letter]);

    const draftA = drafts.find((draft) => draft.teamId === DEMO.teamA)!;
    const manage = await world.expectOk('feedback', DEMO.organizer, 'letters', { scope: 'manage' });
    expect(manage.items.find((item) => item.id === draftA._id)).toMatchObject({ status: 'draft' });
    await world.expectOk('feedback', DEMO.organizer, 'issue', {
      teamId: DEMO.teamA,
      ...draftA.period,
      itemIds: draftA.items.map((item) => item.id),
      note: '',
      draftId: draftA._id,
      requestId: 'letter-from-draft-01',
    });
    const after = await world.expectOk('feedback', DEMO.organizer, 'letters', { scope: 'manage' });
    expect(after.items.some((item) => item.id === draftA._id)).toBe(false);
    expect(after.items.filter((item) => item.teamId === DEMO.teamA && item.status === 'issued')).toHaveLength(2);
  });

  it('binds a party-org contact with a one-time code', async () => {
    expect(await world.invoke('feedback', DEMO.newcomer, 'bindContact', { code: 'ABCDEFGH' })).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
    });
    const { code } = await world.expectOk('feedback', DEMO.organizer, 'contactCode', { partyOrgId: 'org-party-cl' });
    expect(await world.expectOk('feedback', DEMO.newcomer, 'bindContact', { code })).toEqual({
      partyOrgId: 'org-party-cl',
      partyOrgName: '先进材料研究所党委',
    });
    expect(await world.invoke('feedback', DEMO.applicant, 'bindContact', { code })).toMatchObject({ ok: false, code: 'INVITE_INVALID' });
    const me = await world.expectOk('user', DEMO.newcomer, 'me', {});
    expect(me.roles).toEqual([expect.objectContaining({ role: 'partyContact', scopeId: 'org-party-cl' })]);
    const orgs = await world.expectOk('feedback', DEMO.organizer, 'partyOrgs', {});
    expect(orgs.find((org) => org.id === 'org-party-cl')).toMatchObject({ contacts: ['吴桐'] });
    const late = await world.expectOk('feedback', DEMO.organizer, 'contactCode', { partyOrgId: 'org-party-zs' });
    world.clock.now += 8 * DAY_MS;
    expect(await world.invoke('feedback', DEMO.applicant, 'bindContact', { code: late.code })).toMatchObject({
      ok: false,
      code: 'INVITE_INVALID',
    });
    expect(await world.invoke('feedback', DEMO.unitOrganizer, 'contactCode', { partyOrgId: 'org-party-hx' })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('反馈函 says exactly what was checked and by whom, is signed by the issuer’s own org, and ends by the issue day', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('states a qr-only event’s attendance as the sign-in code checked by the system, with no person and no location', async () => {
    await memberBAttends(world);
    const [attendance] = await candidatesOf(world, 'attendance');
    expect(attendance.detail).toBe('现场签到（签到码由系统核验）');
    expect(attendance.detail).not.toContain('定位');
    expect(attendance.basis).toEqual({ kind: 'system', method: 'qr' });

    const [letter] = await world.expectOk('feedback', DEMO.unitOrganizer, 'issue', {
      teamId: DEMO.teamB,
      ...Q4,
      itemIds: [attendance.id],
      note: '',
      requestId: 'letter-qr-only-01',
    });
    const stored = (await world.db.collection('letters').doc(letter.id).get()).data as unknown as Letter;
    expect(stored.items[0].basis).toEqual({ kind: 'system', method: 'qr' });
    const detail = await world.expectOk('feedback', DEMO.unitOrganizer, 'letter', { letterId: letter.id });
    expect(detail.items[0]).toMatchObject({ detail: '现场签到（签到码由系统核验）', basis: { kind: 'system', method: 'qr' } });
    expect(detail.items[0].basis).not.toHaveProperty('byName');
  });

  it('names both checks for a qr+geo event, and only the location for a geo event', async () => {
    await memberBSignsInAt(world, 'qr+geo', '扫码定位签到培训会');
    await memberBSignsInAt(world, 'geo', '定位签到交流会');
    const attendance = new Map((await candidatesOf(world, 'attendance')).map((item) => [item.title, item]));
    expect(attendance.get('扫码定位签到培训会')).toMatchObject({
      detail: '现场签到（签到码与定位由系统核验）',
      basis: { kind: 'system', method: 'qr+geo' },
    });
    expect(attendance.get('定位签到交流会')).toMatchObject({
      detail: '现场签到（定位由系统核验）',
      basis: { kind: 'system', method: 'geo' },
    });
  });

  it('names the approver of a make-up and their org, and never calls it on-site', async () => {
    await world.expectOk('progress', DEMO.memberB, 'requestMakeup', { eventId: DEMO.eventOpen, reason: '当天在外地做可靠性试验' });
    await world.expectOk('progress', DEMO.organizer, 'reviewMakeup', {
      eventId: DEMO.eventOpen,
      userId: DEMO.memberB,
      decision: 'approve',
      note: '',
    });
    const [makeup] = await candidatesOf(world, 'attendance');
    expect(makeup.detail).not.toContain('现场签到');
    expect(makeup.basis).toEqual({ kind: 'makeup', byName: '王敏', orgName: PROVINCIAL });
  });

  it('names the confirmer of an achievement, a gate and a claim result, with the org they confirmed for', async () => {
    const { items } = await world.expectOk('feedback', DEMO.unitOrganizer, 'candidates', { teamId: DEMO.teamB, ...Q4 });
    expect(items.map((item) => [item.kind, item.basis])).toEqual([
      ['gate', { kind: 'person', byName: '王敏', orgName: PROVINCIAL }],
      ['claim', { kind: 'person', byName: '王敏', orgName: PROVINCIAL }],
      ['achievement', { kind: 'person', byName: '孙悦', orgName: '智算研究院团委' }],
    ]);
  });

  it('is signed by the issuing organizer’s own org: the provincial org above the team’s', async () => {
    const [issued] = await world.expectOk('feedback', DEMO.organizer, 'issue', {
      teamId: DEMO.teamA,
      ...Q4,
      itemIds: [`achievement:${DEMO.achievementPatent}`],
      note: '',
      requestId: 'letter-signer-prov1',
    });
    expect((await world.expectOk('feedback', DEMO.organizer, 'letter', { letterId: issued.id })).orgName).toBe(PROVINCIAL);
    expect((await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: issued.refCode! })).orgName).toBe(PROVINCIAL);
    const inbox = await world.expectOk('message', DEMO.partyContact, 'inbox', {});
    expect(inbox.items[0].title).toBe(`${PROVINCIAL}关于「车规级芯片青年突击队」的反馈函`);

    // An organizer of the team's own unit org signs with that org.
    const [own] = await world.expectOk('feedback', DEMO.unitOrganizer, 'issue', {
      teamId: DEMO.teamB,
      ...Q4,
      itemIds: [`achievement:${DEMO.achievementPaper}`],
      note: '',
      requestId: 'letter-signer-unit1',
    });
    expect((await world.expectOk('feedback', DEMO.unitOrganizer, 'letter', { letterId: own.id })).orgName).toBe('智算研究院团委');
  });

  it('cuts a period that ends after the issue day to that Shanghai day, and refuses one that starts after it', async () => {
    // 2026-11-20 17:00 UTC is already 2026-11-21 in Shanghai.
    world.clock.now = Date.UTC(2026, 10, 20, 17, 0);
    const [letter] = await world.expectOk('feedback', DEMO.unitOrganizer, 'issue', {
      teamId: DEMO.teamB,
      ...Q4,
      itemIds: [`claim:${DEMO.challengeDone}_${DEMO.teamB}`],
      note: '',
      requestId: 'letter-clamped-01',
    });
    const clamped = { from: '2026-10-01', to: '2026-11-21' };
    expect(letter.period).toEqual(clamped);
    expect(((await world.db.collection('letters').doc(letter.id).get()).data as unknown as Letter).period).toEqual(clamped);
    expect((await world.expectOk('feedback', DEMO.unitOrganizer, 'letter', { letterId: letter.id })).period).toEqual(clamped);

    const before = await world.snapshot();
    expect(
      await world.invoke('feedback', DEMO.unitOrganizer, 'issue', {
        teamId: DEMO.teamB,
        from: '2026-12-01',
        to: '2026-12-31',
        itemIds: [`gate:${DEMO.challengeDone}_${DEMO.teamB}_1`],
        note: '',
        requestId: 'letter-too-late-01',
      }),
    ).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    expect(await world.snapshot()).toEqual(before);
  });

  it('never states a record established after the issue moment, even later on the issue day', async () => {
    const paper = (await world.db.collection('achievements').doc(DEMO.achievementPaper).get()).data;
    const later = world.clock.now + 3600_000;
    await world.db
      .collection('achievements')
      .doc(DEMO.achievementPaper)
      .update({ data: { confirmation: { by: (paper.confirmation as { by: string }).by, at: later }, confirmedAt: later } });
    const { items } = await world.expectOk('feedback', DEMO.unitOrganizer, 'candidates', { teamId: DEMO.teamB, ...Q4 });
    expect(items.map((item) => item.kind)).toEqual(['gate', 'claim']);
    const before = await world.snapshot();
    expect(
      await world.invoke('feedback', DEMO.unitOrganizer, 'issue', {
        teamId: DEMO.teamB,
        ...Q4,
        itemIds: [`achievement:${DEMO.achievementPaper}`],
        note: '',
        requestId: 'letter-too-early-01',
      }),
    ).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    expect(await world.snapshot()).toEqual(before);
  });

  it('verifies each item’s basis too: another confirmer or other sign-in checks make it 已变更', async () => {
    const patent = (await world.db.collection('achievements').doc(DEMO.achievementPatent).get()).data;
    await world.db
      .collection('achievements')
      .doc(DEMO.achievementPatent)
      .update({ data: { confirmation: { by: DEMO.unitOrganizer, at: (patent.confirmation as { at: number }).at } } });
    expect(await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: DEMO.letterCode })).toMatchObject({
      allSame: false,
      items: [expect.objectContaining({ verdict: 'changed', current: '确认人已变化' })],
    });

    const event = await memberBSignsInAt(world, 'qr+geo', '扫码定位签到培训会');
    const [attendance] = await candidatesOf(world, 'attendance');
    const [letter] = await world.expectOk('feedback', DEMO.unitOrganizer, 'issue', {
      teamId: DEMO.teamB,
      ...Q4,
      itemIds: [attendance.id],
      note: '',
      requestId: 'letter-basis-change1',
    });
    expect(await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: letter.refCode! })).toMatchObject({ allSame: true });
    await world.db
      .collection('events')
      .doc(event.id)
      .update({ data: { mode: 'qr' } });
    expect(await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: letter.refCode! })).toMatchObject({
      allSame: false,
      items: [expect.objectContaining({ verdict: 'changed', current: '现为现场签到（签到码由系统核验）' })],
    });
  });
});
