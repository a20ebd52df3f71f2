import { DAY_MS } from '../../core/time';
import type { Letter } from '../../core/types';
import { DEMO, makeWorld, type World } from '../helpers/world';

const Q4 = { from: '2026-10-01', to: '2026-12-31' };

async function stored(world: World, id: string): Promise<Letter> {
  return (await world.db.collection('letters').doc(id).get()).data as unknown as Letter;
}

/** Member B signs in at the demo world's open event, so team B has an attendance record. */
async function memberBAttends(world: World) {
  const { code } = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: DEMO.eventOpen });
  await world.expectOk('progress', DEMO.memberB, 'signIn', { eventId: DEMO.eventOpen, method: 'code', code });
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
    expect(candidates.items[2]).toMatchObject({ confirmedByName: '孙悦', memberNames: ['陈思远'] });
    expect(candidates.items[3]).toMatchObject({
      confirmedByName: '王敏',
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
      items: [expect.objectContaining({ confirmedByName: '王敏' })],
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
