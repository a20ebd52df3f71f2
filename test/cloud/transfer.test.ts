/**
 * 成果转化 (issue 17 §4): a team records a transfer of what it achieved, the other party — never a
 * member of the team — confirms or disputes it; the 科技成果库 lists confirmed achievements with their
 * confirmed transfers; an enterprise's interest reaches the team through its organizer.
 */
import type { ActionInput } from '../../core/api';
import { DAY_MS } from '../../core/time';
import type { Achievement, Claim, Enterprise, RoleCode, Transfer } from '../../core/types';
import { findById } from '../../server/db/collections';
import { bindTransferCode } from '../../server/handlers/transfer/bind';
import { hashOrgCode } from '../../server/runtime/org-code';
import { DEMO, makeWorld, type World } from '../helpers/world';

type CreateIn = ActionInput<'transfer', 'create'>;

let serial = 0;
function record(overrides: Partial<CreateIn> = {}): CreateIn {
  serial += 1;
  return {
    teamId: DEMO.teamA,
    basis: { kind: 'achievement', id: DEMO.achievementPatent },
    kind: 'assign',
    contractNo: `2026-3301-${String(100 + serial)}`,
    transferor: '华芯微电子有限公司',
    transferee: '省汽车电子集团',
    amount: 500_000,
    signedOn: '2026-11-18',
    requestId: `transfer-test-${serial}`,
    ...overrides,
  };
}

const stored = async (world: World, id: string) => (await findById(world.db, 'transfers', id)) as Transfer;
const inbox = async (world: World, openid: string) => (await world.expectOk('message', openid, 'inbox', {})).items;
const pendingIds = async (world: World, openid: string) => (await world.expectOk('transfer', openid, 'pending', {})).map((card) => card.id);

async function put(world: World, name: string, doc: { _id: string }) {
  const { _id, ...data } = doc;
  await world.db.collection(name).doc(_id).set({ data });
}

/** Team A's claim on a challenge, in the given state. */
async function claimOf(world: World, challengeId: string, status: Claim['status']) {
  const claim: Claim = {
    _id: `${challengeId}_${DEMO.teamA}`,
    challengeId,
    teamId: DEMO.teamA,
    teamName: '车规级芯片青年突击队',
    leaderId: DEMO.leaderA,
    requestId: `test-claim-${challengeId}`,
    plan: { approach: '', memberIds: [DEMO.leaderA], milestones: [] },
    status,
    appliedAt: world.clock.now - 100 * DAY_MS,
    review: null,
    ended: null,
  };
  await put(world, 'claims', claim);
}

/** Redeems a transfer code the way need.redeemCode does: the binder inside one transaction. */
async function bind(world: World, openid: string, code: string) {
  const [found, caller] = await Promise.all([findById(world.db, 'roleCodes', hashOrgCode(code)), findById(world.db, 'users', openid)]);
  if (!found || !caller) throw new Error('code or user missing');
  const ctx = { db: world.db, openid, openapi: world.cloud.openapi, storage: world.cloud.storage, now: () => world.clock.now };
  try {
    const data = await world.db.runTransaction((tx) =>
      bindTransferCode({ ctx, tx, caller, code: found as RoleCode, now: world.clock.now }),
    );
    return { ok: true as const, data };
  } catch (error) {
    return { ok: false as const, code: (error as { code?: string }).code, message: (error as Error).message };
  }
}

/** Makes `openid` a contact of an enterprise of this name, as an organizer's code (or an application) would. */
async function certify(world: World, openid: string, name: string, status: Enterprise['status'] = 'active') {
  const enterpriseId = `ent-test-${openid}`;
  const enterprise: Enterprise = {
    _id: enterpriseId,
    name,
    leagueOrgId: 'org-league-prov',
    status,
    applicantId: null,
    createdBy: DEMO.organizer,
    createdAt: world.clock.now,
    decided: null,
  };
  await put(world, 'enterprises', enterprise);
  const user = await findById(world.db, 'users', openid);
  const roles = [...(user?.roles ?? []), { role: 'enterprise' as const, scopeId: enterpriseId }];
  await world.db.collection('users').doc(openid).update({ data: { roles } });
}

async function auditActions(world: World, target: string) {
  const { data } = await world.db.collection('audit').where({ target }).get();
  return data as unknown as { action: string; orgId?: string; teamId?: string }[];
}

describe('成果转化: recorded by the team, confirmed by the other party', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  it('offers the confirmed achievements and the challenges the team won as bases', async () => {
    await claimOf(world, DEMO.challengeRace, 'won');
    const options = await world.expectOk('transfer', DEMO.leaderA, 'basisOptions', { teamId: DEMO.teamA });
    expect(options).toEqual([
      { kind: 'achievement', id: DEMO.achievementPatent, title: '一种车规级芯片故障注入验证方法' },
      { kind: 'challenge', id: DEMO.challengeRace, title: expect.any(String) },
    ]);
  });

  it('records a transfer once per request, with a confirmation code, and refuses a contract number twice', async () => {
    const input = record({ contractNo: '2026-3301-0777' });
    const created = await world.expectOk('transfer', DEMO.leaderA, 'create', input);
    expect(created).toMatchObject({
      status: 'pending',
      contractNo: '2026-3301-0777',
      achievement: { id: DEMO.achievementPatent, title: '一种车规级芯片故障注入验证方法' },
      challenge: null,
      needId: null,
      viewer: { isTeam: true, canConfirm: false },
    });
    expect(created.confirmCode).toMatch(/^[A-Z0-9]{12}$/);
    const code = await findById(world.db, 'roleCodes', hashOrgCode(created.confirmCode ?? ''));
    expect(code).toMatchObject({ kind: 'transfer', scopeId: created.id, orgId: 'org-league-hx', label: '成果转化确认：2026-3301-0777' });
    expect(await auditActions(world, `transfers/${created.id}`)).toEqual([
      expect.objectContaining({ action: 'create', orgId: 'org-league-hx', teamId: DEMO.teamA }),
    ]);

    const again = await world.expectOk('transfer', DEMO.leaderA, 'create', input);
    expect(again.id).toBe(created.id);
    expect(again.confirmCode).toBe(created.confirmCode);
    expect((await world.db.collection('transfers').where({ teamId: DEMO.teamA }).count()).total).toBe(2);

    const before = await world.snapshot();
    const duplicate = await world.invoke('transfer', DEMO.leaderA, 'create', record({ contractNo: '2026-3301-0777' }));
    expect(duplicate).toMatchObject({ ok: false, code: 'DUPLICATE', message: expect.stringContaining('该合同编号已登记') });
    expect(await world.snapshot()).toEqual(before);

    const list = await world.expectOk('transfer', DEMO.memberA, 'teamTransfers', { teamId: DEMO.teamA });
    expect(list.map((card) => card.id)).toEqual([created.id, DEMO.transfer]);
  });

  it('refuses a basis the team has not earned', async () => {
    await claimOf(world, DEMO.challengeRace, 'accepted');
    const before = await world.snapshot();
    const pendingAchievement = await world.invoke(
      'transfer',
      DEMO.leaderA,
      'create',
      record({ basis: { kind: 'achievement', id: DEMO.achievementPending } }),
    );
    expect(pendingAchievement).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: expect.stringContaining('尚未确认') });
    const otherTeams = await world.invoke(
      'transfer',
      DEMO.leaderA,
      'create',
      record({ basis: { kind: 'achievement', id: DEMO.achievementPaper } }),
    );
    expect(otherTeams).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const notWon = await world.invoke('transfer', DEMO.leaderA, 'create', record({ basis: { kind: 'challenge', id: DEMO.challengeRace } }));
    expect(notWon).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: expect.stringContaining('揭榜成功') });
    const wonByOthers = await world.invoke(
      'transfer',
      DEMO.leaderA,
      'create',
      record({ basis: { kind: 'challenge', id: DEMO.challengeDone } }),
    );
    expect(wonByOthers).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    const future = await world.invoke('transfer', DEMO.leaderA, 'create', record({ signedOn: '2026-12-31' }));
    expect(future).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('不能晚于今天') });
    expect(await world.snapshot()).toEqual(before);
  });

  it('lets the enterprise contact confirm the seeded transfer, and tells the team’s leader', async () => {
    expect(await pendingIds(world, DEMO.issuer)).toEqual([DEMO.transfer]);
    const seen = await world.expectOk('transfer', DEMO.issuer, 'detail', { transferId: DEMO.transfer });
    expect(seen).toMatchObject({ confirmCode: null, viewer: { canConfirm: true, isTeam: false } });
    const teamSees = await world.expectOk('transfer', DEMO.leaderA, 'detail', { transferId: DEMO.transfer });
    expect(teamSees).toMatchObject({ confirmCode: DEMO.transferCode, viewer: { canConfirm: false, isTeam: true } });

    const confirmed = await world.expectOk('transfer', DEMO.issuer, 'confirm', {
      transferId: DEMO.transfer,
      verdict: 'confirm',
      reason: '',
    });
    expect(confirmed).toMatchObject({
      status: 'confirmed',
      decision: { byName: '钱工' },
      confirmCode: null,
      viewer: { canConfirm: false },
    });
    expect((await stored(world, DEMO.transfer)).decision).toMatchObject({ by: DEMO.issuer, outsideTeam: true });
    expect((await inbox(world, DEMO.leaderA)).map((item) => item.title)).toContain('成果转化「2026-3301-0042」已确认');
    expect(await pendingIds(world, DEMO.issuer)).toEqual([]);
    expect((await world.expectOk('transfer', DEMO.leaderA, 'detail', { transferId: DEMO.transfer })).confirmCode).toBeNull();
    expect(await auditActions(world, `transfers/${DEMO.transfer}`)).toEqual([
      expect.objectContaining({ action: 'confirm', teamId: DEMO.teamA }),
    ]);

    const twice = await world.invoke('transfer', DEMO.issuer, 'confirm', {
      transferId: DEMO.transfer,
      verdict: 'dispute',
      reason: '金额与合同不符',
    });
    expect(twice).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
  });

  it('never lets a member of the team confirm, even as a contact of the enterprise, nor an organizer bind the code', async () => {
    await world.db
      .collection('users')
      .doc(DEMO.memberA)
      .update({ data: { roles: [{ role: 'enterprise', scopeId: DEMO.enterprise }] } });
    expect(await pendingIds(world, DEMO.memberA)).toEqual([]);
    const detail = await world.expectOk('transfer', DEMO.memberA, 'detail', { transferId: DEMO.transfer });
    expect(detail.viewer).toEqual({ canConfirm: false, isTeam: true });
    const before = await world.snapshot();
    const refused = await world.invoke('transfer', DEMO.memberA, 'confirm', { transferId: DEMO.transfer, verdict: 'confirm', reason: '' });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('本队') });
    expect(await bind(world, DEMO.memberA, DEMO.transferCode)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await bind(world, DEMO.organizer, DEMO.transferCode)).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      message: expect.stringContaining('团组织管理员'),
    });
    expect(await world.snapshot()).toEqual(before);
  });

  it('lets a contact of the certified transferee confirm by code, and binds nobody else after them', async () => {
    const third = '东海新能源科技有限公司';
    const created = await world.expectOk('transfer', DEMO.leaderA, 'create', record({ transferee: third }));
    const code = created.confirmCode ?? '';
    const early = await world.invoke('transfer', DEMO.newcomer, 'confirm', { transferId: created.id, verdict: 'confirm', reason: '' });
    expect(early).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // Certified under the name on the contract, written a little differently (spacing, full-width letters).
    await certify(world, DEMO.newcomer, ' 东海新能源科技有限公司 ');
    const redeemed = await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code });
    expect(redeemed).toEqual({ kind: 'transfer', label: `成果转化确认：${created.contractNo}`, scopeId: created.id });
    expect((await stored(world, created.id)).confirmerId).toBe(DEMO.newcomer);
    // The redemption is on the team's trail, not only the org's.
    const { data: redemptions } = await world.db
      .collection('audit')
      .where({ action: 'redeemCode', target: `transfers/${created.id}` })
      .get();
    expect(redemptions).toEqual([expect.objectContaining({ orgId: 'org-league-hx', teamId: DEMO.teamA })]);
    // Rebinding the same person is harmless; anyone else is refused even past the code's use mark.
    expect(await bind(world, DEMO.newcomer, code)).toMatchObject({ ok: true });
    expect(await bind(world, DEMO.expert, code)).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    expect(await pendingIds(world, DEMO.newcomer)).toEqual([created.id]);

    const confirmed = await world.expectOk('transfer', DEMO.newcomer, 'confirm', {
      transferId: created.id,
      verdict: 'confirm',
      reason: '合同已履行首期款',
    });
    expect(confirmed).toMatchObject({ status: 'confirmed', decision: { byName: '吴桐', reason: '合同已履行首期款' } });
    expect(await bind(world, DEMO.newcomer, code)).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
  });

  it('binds the code only to a contact of a certified enterprise named as the transferee', async () => {
    const refusal = { ok: false, code: 'FORBIDDEN', message: expect.stringContaining('受让方须先完成企业认证（我的 → 企业认证）') };
    // No enterprise at all: a friend of the team holding the code is not the contract's other party.
    expect(await world.invoke('need', DEMO.newcomer, 'redeemCode', { code: DEMO.transferCode })).toMatchObject(refusal);
    // A certified enterprise, but not the one on the contract (省汽车电子集团).
    await certify(world, DEMO.newcomer, '东海新能源科技有限公司');
    expect(await world.invoke('need', DEMO.newcomer, 'redeemCode', { code: DEMO.transferCode })).toMatchObject(refusal);
    // The contract's name, but not certified (yet).
    await certify(world, DEMO.memberB, '省汽车电子集团', 'pending');
    expect(await bind(world, DEMO.memberB, DEMO.transferCode)).toMatchObject(refusal);
    // Nothing bound, and the code is left for the enterprise.
    expect((await stored(world, DEMO.transfer)).confirmerId).toBeNull();
    expect(await findById(world.db, 'roleCodes', hashOrgCode(DEMO.transferCode))).toMatchObject({ usedBy: null });

    // Bound before this rule (or whose enterprise lost its certification): confirm checks again.
    await world.db
      .collection('transfers')
      .doc(DEMO.transfer)
      .update({ data: { confirmerId: DEMO.newcomer } });
    const checked = await world.invoke('transfer', DEMO.newcomer, 'confirm', { transferId: DEMO.transfer, verdict: 'confirm', reason: '' });
    expect(checked).toMatchObject(refusal);
    expect((await stored(world, DEMO.transfer)).status).toBe('pending');
  });

  it('never lets an organizer over the team confirm, even as a contact of the enterprise', async () => {
    await world.db
      .collection('users')
      .doc(DEMO.organizer)
      .update({
        data: {
          roles: [
            { role: 'organizer', scopeId: 'org-league-prov' },
            { role: 'enterprise', scopeId: DEMO.enterprise },
          ],
        },
      });
    expect(await pendingIds(world, DEMO.organizer)).toEqual([]);
    const detail = await world.expectOk('transfer', DEMO.organizer, 'detail', { transferId: DEMO.transfer });
    expect(detail.viewer).toEqual({ canConfirm: false, isTeam: false });
    const before = await world.snapshot();
    const refused = await world.invoke('transfer', DEMO.organizer, 'confirm', {
      transferId: DEMO.transfer,
      verdict: 'confirm',
      reason: '',
    });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('团组织的管理员') });
    expect(await world.snapshot()).toEqual(before);
    // An organizer of another org who is the enterprise's contact confirms as the enterprise.
    await world.db
      .collection('users')
      .doc(DEMO.unitOrganizer)
      .update({
        data: {
          roles: [
            { role: 'organizer', scopeId: 'org-league-zs' },
            { role: 'enterprise', scopeId: DEMO.enterprise },
          ],
        },
      });
    expect(await pendingIds(world, DEMO.unitOrganizer)).toEqual([DEMO.transfer]);
    await world.expectOk('transfer', DEMO.unitOrganizer, 'confirm', { transferId: DEMO.transfer, verdict: 'confirm', reason: '' });
  });

  it('shows the code to the leader and the organizers only, while it works, with its expiry', async () => {
    const created = await world.expectOk('transfer', DEMO.leaderA, 'create', record());
    const expiresAt = world.clock.now + 90 * DAY_MS;
    expect(created).toMatchObject({ confirmCode: expect.stringMatching(/^[A-Z0-9]{12}$/), confirmCodeExpiresAt: expiresAt });
    expect((await stored(world, created.id)).confirmCodeExpiresAt).toBe(expiresAt);
    expect(await findById(world.db, 'roleCodes', hashOrgCode(created.confirmCode ?? ''))).toMatchObject({ expiresAt });
    const detail = (openid: string) => world.expectOk('transfer', openid, 'detail', { transferId: created.id });

    expect(await detail(DEMO.leaderA)).toMatchObject({ confirmCode: created.confirmCode, confirmCodeExpiresAt: expiresAt });
    expect(await detail(DEMO.organizer)).toMatchObject({ confirmCode: created.confirmCode });
    expect(await detail(DEMO.memberA)).toMatchObject({ confirmCode: null, confirmCodeExpiresAt: null, viewer: { isTeam: true } });

    world.clock.now = expiresAt;
    expect(await detail(DEMO.leaderA)).toMatchObject({ confirmCode: null, confirmCodeExpiresAt: expiresAt });
    expect(await world.invoke('need', DEMO.issuer, 'redeemCode', { code: created.confirmCode ?? '' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('已过期（有效期 90 天）'),
    });
  });

  it('answers a repeated decision with the record, and refuses a different one', async () => {
    const decide = (verdict: 'confirm' | 'dispute') =>
      world.invoke('transfer', DEMO.issuer, 'confirm', {
        transferId: DEMO.transfer,
        verdict,
        reason: verdict === 'dispute' ? '金额不符合同' : '',
      });
    const first = await decide('confirm');
    expect(first).toMatchObject({ ok: true, data: { status: 'confirmed' } });
    const before = await world.snapshot();
    // The response to the first was lost: the retry gets what the first did, and nothing is written again.
    const retry = await decide('confirm');
    expect(retry).toEqual(first);
    expect(await decide('dispute')).toMatchObject({ ok: false, code: 'STATE_CONFLICT' });
    expect(await world.snapshot()).toEqual(before);
  });

  it('refuses an amount of 0 yuan', async () => {
    const zero = await world.invoke('transfer', DEMO.leaderA, 'create', record({ amount: 0 }));
    expect(zero).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('合同金额须大于 0') });
  });

  it('records one of two requests of the same contract sent at once, and counts look-alike numbers as the same', async () => {
    const both = await Promise.all([
      world.invoke('transfer', DEMO.leaderA, 'create', record({ contractNo: 'HT(2026)0815' })),
      world.invoke('transfer', DEMO.leaderA, 'create', record({ contractNo: 'HT(2026)0815' })),
    ]);
    expect(both.filter((result) => result.ok)).toHaveLength(1);
    expect(both.find((result) => !result.ok)).toMatchObject({ code: 'DUPLICATE', message: expect.stringContaining('该合同编号已登记') });
    expect((await world.db.collection('transfers').where({ contractNo: 'HT(2026)0815' }).count()).total).toBe(1);

    const lookAlike = await world.invoke('transfer', DEMO.leaderA, 'create', record({ contractNo: 'ht（2026）0815' }));
    expect(lookAlike).toMatchObject({ ok: false, code: 'DUPLICATE' });
  });

  it('needs a reason to dispute, keeps the disputed record, and frees its contract number', async () => {
    const bare = await world.invoke('transfer', DEMO.issuer, 'confirm', { transferId: DEMO.transfer, verdict: 'dispute', reason: '' });
    expect(bare).toMatchObject({ ok: false, code: 'INVALID_INPUT', message: expect.stringContaining('原因') });

    const disputed = await world.expectOk('transfer', DEMO.issuer, 'confirm', {
      transferId: DEMO.transfer,
      verdict: 'dispute',
      reason: '合同金额应为 100 万元',
    });
    expect(disputed).toMatchObject({ status: 'disputed', decision: { reason: '合同金额应为 100 万元', byName: '钱工' } });
    const told = (await inbox(world, DEMO.leaderA)).find((item) => item.title === '成果转化「2026-3301-0042」有异议');
    expect(told?.body).toContain('合同金额应为 100 万元');
    const corrected = await world.expectOk('transfer', DEMO.leaderA, 'create', record({ contractNo: '2026-3301-0042', amount: 1_000_000 }));
    expect(corrected.status).toBe('pending');
    expect(await world.invoke('transfer', DEMO.leaderA, 'create', record({ contractNo: '2026-3301-0042' }))).toMatchObject({
      ok: false,
      code: 'DUPLICATE',
    });

    // The corrected record holds the number until it is disputed in turn (by code: the patent came from no need).
    await world.expectOk('need', DEMO.issuer, 'redeemCode', { code: corrected.confirmCode ?? '' });
    await world.expectOk('transfer', DEMO.issuer, 'confirm', { transferId: corrected.id, verdict: 'dispute', reason: '金额仍与合同不符' });
    const again = await world.expectOk('transfer', DEMO.leaderA, 'create', record({ contractNo: '2026-3301-0042', amount: 900_000 }));
    expect(again.status).toBe('pending');
  });

  it('records a transfer of a need-born challenge for the enterprise, and its confirmation on the need', async () => {
    await claimOf(world, DEMO.challengeSolicit, 'won');
    const created = await world.expectOk(
      'transfer',
      DEMO.leaderA,
      'create',
      record({ basis: { kind: 'challenge', id: DEMO.challengeSolicit }, kind: 'service', contractNo: '2026-3301-0500' }),
    );
    expect(created).toMatchObject({
      challenge: { id: DEMO.challengeSolicit, title: '车载激光雷达点云实时分割' },
      needId: DEMO.needSolicit,
    });
    expect((await stored(world, created.id)).enterpriseId).toBe(DEMO.enterprise);
    expect((await inbox(world, DEMO.issuer)).map((item) => item.title)).toContain('车规级芯片青年突击队登记了成果转化，请确认');
    expect(await pendingIds(world, DEMO.issuer)).toEqual([created.id, DEMO.transfer]);

    await world.expectOk('transfer', DEMO.issuer, 'confirm', { transferId: created.id, verdict: 'confirm', reason: '' });
    const need = await findById(world.db, 'needs', DEMO.needSolicit);
    expect(need?.steps.at(-1)).toMatchObject({
      kind: 'transferConfirmed',
      by: DEMO.issuer,
      note: expect.stringContaining('2026-3301-0500'),
    });
  });
});

describe('a transfer whose transferee is not the need’s enterprise', () => {
  it('leaves the need and its enterprise off the record: the third party confirms by code', async () => {
    const world = await makeWorld();
    await claimOf(world, DEMO.challengeSolicit, 'won');
    const created = await world.expectOk(
      'transfer',
      DEMO.leaderA,
      'create',
      record({
        basis: { kind: 'challenge', id: DEMO.challengeSolicit },
        transferee: '东海新能源科技有限公司',
        contractNo: '2026-3301-0600',
      }),
    );
    expect(created).toMatchObject({ challenge: { id: DEMO.challengeSolicit }, needId: null });
    expect(await stored(world, created.id)).toMatchObject({ needId: null, enterpriseId: null, challengeId: DEMO.challengeSolicit });
    // The need's enterprise signed nothing here: it is neither asked nor able to confirm.
    expect((await inbox(world, DEMO.issuer)).some((item) => item.body.includes('2026-3301-0600'))).toBe(false);
    expect(await pendingIds(world, DEMO.issuer)).toEqual([DEMO.transfer]);
    const refused = await world.invoke('transfer', DEMO.issuer, 'confirm', { transferId: created.id, verdict: 'confirm', reason: '' });
    expect(refused).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('科技成果库 and interest through the organizer', () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld();
  });

  const library = (input: Partial<ActionInput<'transfer', 'library'>> = {}) =>
    world.expectOk('transfer', DEMO.newcomer, 'library', { keyword: '', cursor: null, ...input });

  it('lists confirmed achievements with their confirmed transfers, by keyword and field', async () => {
    const first = await library();
    expect(first.items.map((item) => item.achievementId)).toEqual([DEMO.achievementPaper, DEMO.achievementPatent]);
    expect(first.items.find((item) => item.achievementId === DEMO.achievementPatent)?.transferCount).toBe(0);

    await world.expectOk('transfer', DEMO.issuer, 'confirm', { transferId: DEMO.transfer, verdict: 'confirm', reason: '' });
    await world.expectOk('transfer', DEMO.leaderA, 'create', record());
    const counted = await library();
    expect(counted.items.find((item) => item.achievementId === DEMO.achievementPatent)).toMatchObject({
      title: '一种车规级芯片故障注入验证方法',
      teamName: '车规级芯片青年突击队',
      type: 'patent',
      transferCount: 1,
    });

    expect((await library({ keyword: '故障注入' })).items.map((item) => item.achievementId)).toEqual([DEMO.achievementPatent]);
    expect((await library({ keyword: '故障(注入' })).items).toEqual([]);
    expect((await library({ field: '人工智能' })).items.map((item) => item.achievementId)).toEqual([DEMO.achievementPaper]);
  });

  it('leaves hidden achievements out, and pages newest confirmed first', async () => {
    await world.db
      .collection('achievements')
      .doc(DEMO.achievementPaper)
      .update({ data: { hidden: { by: DEMO.organizer, at: world.clock.now, reason: '举报核实', reportId: 'r1' } } });
    expect((await library()).items.map((item) => item.achievementId)).toEqual([DEMO.achievementPatent]);

    const patent = (await findById(world.db, 'achievements', DEMO.achievementPatent)) as Achievement;
    for (let i = 0; i < 21; i += 1) {
      const copy: Achievement = {
        ...patent,
        _id: `ach-lib-${String(i).padStart(2, '0')}`,
        featured: false,
        confirmedAt: world.clock.now - i * 1000,
      };
      await put(world, 'achievements', copy);
    }
    const first = await library();
    expect(first.items).toHaveLength(20);
    expect(first.items[0].achievementId).toBe('ach-lib-00');
    const second = await library({ cursor: first.nextCursor });
    expect(second.items.map((item) => item.achievementId)).toEqual(['ach-lib-20', DEMO.achievementPatent]);
    expect(second.nextCursor).toBeNull();
  });

  it('carries an enterprise’s interest to the organizer, who forwards it to the team once', async () => {
    const input = {
      enterpriseId: DEMO.enterprise,
      achievementId: DEMO.achievementPatent,
      message: '希望洽谈该专利在车身控制器上的独占许可。',
      requestId: 'interest-1',
    };
    const created = await world.expectOk('transfer', DEMO.issuer, 'interest', input);
    expect(created).toMatchObject({
      status: 'new',
      teamName: '车规级芯片青年突击队',
      authorName: '钱工',
      enterpriseName: '省汽车电子集团',
    });
    expect((await world.expectOk('transfer', DEMO.issuer, 'interest', input)).id).toBe(created.id);
    expect((await world.db.collection('interests').where({ authorId: DEMO.issuer }).count()).total).toBe(2);
    const organizerInbox = await inbox(world, DEMO.organizer);
    expect(organizerInbox.map((item) => item.title)).toContain('省汽车电子集团对成果「一种车规级芯片故障注入验证方法」有合作意向');
    expect((await inbox(world, DEMO.leaderA)).some((item) => item.title.includes('合作'))).toBe(false);

    const pendingOne = await world.invoke('transfer', DEMO.issuer, 'interest', {
      ...input,
      achievementId: DEMO.achievementPending,
      requestId: 'interest-2',
    });
    expect(pendingOne).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const listed = await world.expectOk('transfer', DEMO.organizer, 'interests', { orgId: 'org-league-prov' });
    expect(listed[0]).toMatchObject({ id: created.id, authorName: '钱工', authorPhone: '13800000009', teamName: '车规级芯片青年突击队' });
    expect(listed.map((card) => card.id)).toContain(DEMO.interest);
    expect(await world.expectOk('transfer', DEMO.unitOrganizer, 'interests', { orgId: 'org-league-zs' })).toEqual([]);
    const elsewhere = await world.invoke('transfer', DEMO.unitOrganizer, 'forwardInterest', {
      orgId: 'org-league-zs',
      interestId: created.id,
      note: '',
    });
    expect(elsewhere).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const forwarded = await world.expectOk('transfer', DEMO.organizer, 'forwardInterest', {
      orgId: 'org-league-prov',
      interestId: created.id,
      note: '企业希望本月内面谈',
    });
    expect(forwarded).toMatchObject({ status: 'forwarded', forwarded: { note: '企业希望本月内面谈', byName: '王敏' } });
    const toTeam = (await inbox(world, DEMO.leaderA)).find((item) => item.title.includes('希望就成果'));
    expect(toTeam?.body).toContain('13800000009');
    expect(toTeam?.body).toContain('企业希望本月内面谈');
    expect((await inbox(world, DEMO.issuer)).map((item) => item.title)).toContain('合作意向已转达团队');
    expect(await auditActions(world, `interests/${created.id}`)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'interest' }),
        expect.objectContaining({ action: 'forwardInterest', orgId: 'org-league-hx' }),
      ]),
    );

    const twice = await world.invoke('transfer', DEMO.organizer, 'forwardInterest', {
      orgId: 'org-league-prov',
      interestId: created.id,
      note: '',
    });
    expect(twice).toMatchObject({ ok: false, code: 'STATE_CONFLICT', message: expect.stringContaining('已经转达') });
  });
});

describe('a transfer of an achievement from a need-born challenge', () => {
  it('finds the need and the enterprise through the achievement, and tells the enterprise', async () => {
    const world = await makeWorld();
    const challengeId = DEMO.challengeSolicit;
    // 征榜 done with the real actions, then team A claims, is selected and cites the claim in an achievement.
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId });
    await world.expectOk('challenge', DEMO.expert, 'expertReview', { challengeId, verdict: 'approved', comment: '' });
    await world.expectOk('challenge', DEMO.organizer, 'publish', { challengeId });
    await world.expectOk('challenge', DEMO.leaderA, 'claim', {
      teamId: DEMO.teamA,
      challengeId,
      approach: '点云稀疏化与车规芯片算子融合。',
      memberIds: [DEMO.leaderA],
      milestones: [{ title: '实车验证', dueDate: '2027-06-30', criterion: '分割帧率 ≥ 10 Hz' }],
      requestId: 'transfer-need-claim-1',
    });
    await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', { challengeId, teamId: DEMO.teamA, decision: 'accept', reason: '' });
    const claimId = `${challengeId}_${DEMO.teamA}`;
    expect(await findById(world.db, 'claims', claimId)).toMatchObject({ needId: DEMO.needSolicit, enterpriseId: DEMO.enterprise });
    const saved = await world.expectOk('achievement', DEMO.leaderA, 'save', {
      teamId: DEMO.teamA,
      type: 'product',
      title: '激光雷达点云实时分割软件',
      summary: '在车规级芯片上实现 12 Hz 的点云实时分割。',
      evidence: { kind: 'report', ref: 'LD-2027-01' },
      contributorIds: [DEMO.leaderA],
      claimId,
      submit: true,
      requestId: 'transfer-need-ach-1',
    });
    expect(await findById(world.db, 'achievements', saved.id)).toMatchObject({ needId: DEMO.needSolicit, enterpriseId: DEMO.enterprise });
    await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: saved.id });

    const created = await world.expectOk('transfer', DEMO.leaderA, 'create', record({ basis: { kind: 'achievement', id: saved.id } }));
    expect(await stored(world, created.id)).toMatchObject({
      achievementId: saved.id,
      challengeId,
      needId: DEMO.needSolicit,
      enterpriseId: DEMO.enterprise,
    });
    expect(created.challenge).toMatchObject({ id: challengeId });
    expect(await pendingIds(world, DEMO.issuer)).toContain(created.id);
    expect((await inbox(world, DEMO.issuer)).some((item) => item.body.includes(created.contractNo))).toBe(true);

    // The same achievement licensed to someone else: that contract is not the need's enterprise's to confirm.
    const other = await world.expectOk(
      'transfer',
      DEMO.leaderA,
      'create',
      record({ basis: { kind: 'achievement', id: saved.id }, transferee: '东海新能源科技有限公司' }),
    );
    expect(await stored(world, other.id)).toMatchObject({ achievementId: saved.id, challengeId, needId: null, enterpriseId: null });
    expect(await pendingIds(world, DEMO.issuer)).not.toContain(other.id);
  });
});
