/** Scratch probes for the issue 17 attack review. Deleted before the review ends. */
import type { Challenge, Need, Transfer } from '../../core/types';
import { findById } from '../../server/db/collections';
import { DEMO, makeWorld, type World } from '../helpers/world';

const PROV = 'org-league-prov';

async function put<T extends { _id: string }>(world: World, name: string, doc: T) {
  const { _id, ...data } = doc;
  await world.db.collection(name).doc(_id).set({ data });
}
const needOf = async (world: World, id: string) => (await findById(world.db, 'needs', id)) as Need;
const log = (label: string, value: unknown) => console.log(`${label}: ${JSON.stringify(value, null, 1)}`);

describe('attack17 probes', () => {
  it('P1 organizer self-issues an enterprise code, becomes contact, confirms transfer and commitments', async () => {
    const world = await makeWorld();
    const issued = await world.expectOk('need', DEMO.organizer, 'issueCode', { orgId: PROV, kind: 'enterprise', enterpriseName: '省汽车电子集团' });
    const redeemed = await world.invoke('need', DEMO.organizer, 'redeemCode', { code: issued.code });
    log('P1 redeem', redeemed);
    const confirm = await world.invoke('transfer', DEMO.organizer, 'confirm', { transferId: DEMO.transfer, verdict: 'confirm', reason: '' });
    log('P1 confirm', confirm.ok ? { status: confirm.data.status } : confirm);
    const commitments = await world.invoke('challenge', DEMO.organizer, 'confirmCommitments', { challengeId: DEMO.challengeSolicit });
    log('P1 commitments', commitments.ok ? commitments.data.solicit?.commitmentsConfirmed : commitments);
    // The organizer, now a contact, posts needs as the enterprise and sees its drafts
    const draft = await world.invoke('need', DEMO.organizer, 'detail', { needId: DEMO.needDraft });
    log('P1 draft visible', draft.ok);
  });

  it('P2 second account: an outsider the leader hands the code to confirms; nothing ties them to the transferee', async () => {
    const world = await makeWorld();
    const created = await world.expectOk('transfer', DEMO.leaderA, 'create', {
      teamId: DEMO.teamA,
      basis: { kind: 'achievement', id: DEMO.achievementPatent },
      kind: 'assign',
      contractNo: 'FAKE-0001',
      transferor: '华芯微电子有限公司',
      transferee: '某某不存在的公司',
      amount: 1_000_000_000,
      signedOn: '2026-11-18',
      requestId: 'p2-request-1',
    });
    const detailMember = await world.expectOk('transfer', DEMO.memberA, 'detail', { transferId: created.id });
    log('P2 member sees code', detailMember.confirmCode);
    await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code: created.confirmCode ?? '' });
    const ok = await world.invoke('transfer', DEMO.newcomer, 'confirm', { transferId: created.id, verdict: 'confirm', reason: '' });
    log('P2 confirm', ok.ok ? ok.data.status : ok);
    // also: the seeded transfer (not need-born) names the enterprise: its contacts may confirm a non-need transfer
    const stored = (await findById(world.db, 'transfers', created.id)) as Transfer;
    log('P2 stored confirmCode plaintext', stored.confirmCode);
  });

  it('P3 a designated cadre (and the cadre who drafted it) binds as expert', async () => {
    const world = await makeWorld();
    const cadreCode = await world.expectOk('need', DEMO.organizer, 'issueCode', { orgId: PROV, kind: 'cadre' });
    await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code: cadreCode.code });
    const invite = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId: DEMO.challengeSolicit, name: '假专家' });
    const bound = await world.invoke('need', DEMO.newcomer, 'redeemCode', { code: invite.code });
    log('P3 cadre binds as expert', bound);
    // a team leader who may claim it later
    const invite2 = await world.expectOk('challenge', DEMO.organizer, 'inviteExpert', { challengeId: DEMO.challengeSolicit, name: '队长' });
    log('P3 leader binds as expert', await world.invoke('need', DEMO.leaderB, 'redeemCode', { code: invite2.code }));
  });

  it('P4 merge leaks organizers-only titles across enterprises', async () => {
    const world = await makeWorld();
    const base = await needOf(world, DEMO.needOpen);
    // another enterprise's organizers-only need, submitted
    await put(world, 'enterprises', { _id: 'ent-other', name: '某保密企业', leagueOrgId: PROV, status: 'active', applicantId: null, createdBy: DEMO.organizer, createdAt: 0, decided: null });
    await put(world, 'needs', { ...base, _id: 'need-secret', enterpriseId: 'ent-other', enterpriseName: '某保密企业', visibility: 'organizers', title: '保密的军工需求标题' });
    await world.expectOk('need', DEMO.organizer, 'take', { needId: DEMO.needOpen });
    const merged = await world.expectOk('need', DEMO.organizer, 'decide', { needId: DEMO.needOpen, outcome: 'merge', reason: '重复需求', mergeInto: 'need-secret' });
    const asIssuer = await world.expectOk('need', DEMO.issuer, 'detail', { needId: DEMO.needOpen });
    log('P4 issuer sees mergedInto', asIssuer.outcome?.mergedInto);
    log('P4 issuer step', asIssuer.steps.at(-1)?.note);
    log('P4 issuer can open target', (await world.invoke('need', DEMO.issuer, 'detail', { needId: 'need-secret' })).ok);
    void merged;
    // The reverse: merging the secret need into the public one tells the public one's enterprise.
    const world2 = await makeWorld();
    await put(world2, 'enterprises', { _id: 'ent-other', name: '某保密企业', leagueOrgId: PROV, status: 'active', applicantId: null, createdBy: DEMO.organizer, createdAt: 0, decided: null });
    await put(world2, 'needs', { ...base, _id: 'need-secret', enterpriseId: 'ent-other', enterpriseName: '某保密企业', visibility: 'organizers', title: '保密的军工需求标题' });
    await world2.expectOk('need', DEMO.organizer, 'take', { needId: 'need-secret' });
    await world2.expectOk('need', DEMO.organizer, 'decide', { needId: 'need-secret', outcome: 'merge', reason: '重复需求', mergeInto: DEMO.needOpen });
    const issuerView = await world2.expectOk('need', DEMO.issuer, 'detail', { needId: DEMO.needOpen });
    log('P4b issuer step on own need', issuerView.steps.at(-1)?.note);
  });

  it('P5 outsider reads owner and decider names of a public need', async () => {
    const world = await makeWorld();
    await world.expectOk('need', DEMO.organizer, 'take', { needId: DEMO.needOpen });
    const board = await world.expectOk('need', DEMO.newcomer, 'board', { keyword: '', cursor: null });
    log('P5 board ownerName', board.items.find((item) => item.id === DEMO.needOpen)?.ownerName);
    const detail = await world.expectOk('need', DEMO.newcomer, 'detail', { needId: DEMO.needOpen });
    log('P5 detail ownerName/respondBy', { ownerName: detail.ownerName, respondBy: detail.respondBy, overdue: detail.responseOverdue });
    const solicited = await world.expectOk('need', DEMO.newcomer, 'detail', { needId: DEMO.needSolicit });
    log('P5 outcome byName', solicited.outcome?.byName);
  });

  it('P6 trace shows gate evidence of teams to the enterprise and cadres, hidden on the challenge page', async () => {
    const world = await makeWorld();
    const done = (await findById(world.db, 'challenges', DEMO.challengeDone)) as Challenge;
    await put(world, 'challenges', { ...done, solicit: { needId: DEMO.needSolicit, enterpriseId: DEMO.enterprise, commitments: null, commitmentsConfirmed: null, experts: [] }, expertIds: [] });
    const need = await needOf(world, DEMO.needSolicit);
    await put(world, 'needs', { ...need, outcome: { ...need.outcome!, challengeId: DEMO.challengeDone } });
    const trace = await world.expectOk('need', DEMO.issuer, 'trace', { needId: DEMO.needSolicit });
    log('P6 gate entries', trace.entries.filter((entry) => entry.kind === 'gate'));
    const page = await world.expectOk('challenge', DEMO.issuer, 'detail', { challengeId: DEMO.challengeDone });
    log('P6 challenge page milestones for issuer', page.claims.map((claim) => claim.milestones));
  });

  it('P7 contract number race', async () => {
    const world = await makeWorld();
    const base = {
      teamId: DEMO.teamA,
      basis: { kind: 'achievement' as const, id: DEMO.achievementPatent },
      kind: 'assign' as const,
      contractNo: 'RACE-0001',
      transferor: '华芯微电子有限公司',
      transferee: '省汽车电子集团',
      amount: 100,
      signedOn: '2026-11-18',
    };
    const [a, b] = await Promise.all([
      world.invoke('transfer', DEMO.leaderA, 'create', { ...base, requestId: 'race-request-a' }),
      world.invoke('transfer', DEMO.leaderA, 'create', { ...base, requestId: 'race-request-b' }),
    ]);
    log('P7', [a.ok, b.ok, !a.ok && a.message, !b.ok && b.message]);
    log('P7 zero amount', (await world.invoke('transfer', DEMO.leaderA, 'create', { ...base, contractNo: 'ZERO-1', amount: 0, requestId: 'zero-request-1' })).ok);
    log('P7 1900 date', (await world.invoke('transfer', DEMO.leaderA, 'create', { ...base, contractNo: 'OLD-1', signedOn: '1900-01-01', requestId: 'old-request-1' })).ok);
  });

  it('P8 organizer edits a need-born draft after the enterprise confirmed: no reconfirmation, no need step', async () => {
    const world = await makeWorld();
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId: DEMO.challengeSolicit });
    await world.expectOk('challenge', DEMO.expert, 'expertReview', { challengeId: DEMO.challengeSolicit, verdict: 'approved', comment: '' });
    const before = (await needOf(world, DEMO.needSolicit)).steps.length;
    const current = (await findById(world.db, 'challenges', DEMO.challengeSolicit)) as Challenge;
    const { CHALLENGE_FIELDS } = await import('../helpers/valid-inputs');
    const input = {
      ...CHALLENGE_FIELDS,
      challengeId: DEMO.challengeSolicit,
      title: current.title,
      issuerUnit: '另一家公司',
      issuerContact: '张三',
      issuerPhone: '13900000000',
      reward: '无奖励',
    };
    const updated = await world.invoke('challenge', DEMO.organizer, 'update', input as never);
    log('P8 update', updated.ok ? updated.data.solicit : updated);
    log('P8 need steps added', (await needOf(world, DEMO.needSolicit)).steps.length - before);
    await world.expectOk('challenge', DEMO.expert, 'expertReview', { challengeId: DEMO.challengeSolicit, verdict: 'approved', comment: '' });
    const published = await world.invoke('challenge', DEMO.organizer, 'publish', { challengeId: DEMO.challengeSolicit });
    log('P8 publish', published.ok ? { status: published.data.status, issuer: published.data.issuerContact } : published);
  });

  it('P9 published need-born challenge shows the organizers-only need title and confirmer name to anyone', async () => {
    const world = await makeWorld();
    const need = await needOf(world, DEMO.needSolicit);
    await put(world, 'needs', { ...need, visibility: 'organizers', title: '内部需求标题（仅团组织可见）' });
    await world.expectOk('challenge', DEMO.issuer, 'confirmCommitments', { challengeId: DEMO.challengeSolicit });
    await world.expectOk('challenge', DEMO.expert, 'expertReview', { challengeId: DEMO.challengeSolicit, verdict: 'approved', comment: '私下意见' });
    await world.expectOk('challenge', DEMO.organizer, 'publish', { challengeId: DEMO.challengeSolicit });
    const outsider = await world.expectOk('challenge', DEMO.newcomer, 'detail', { challengeId: DEMO.challengeSolicit });
    log('P9 outsider solicit', { needTitle: outsider.solicit?.needTitle, needId: outsider.needId, confirmedBy: outsider.solicit?.commitmentsConfirmed, experts: outsider.solicit?.experts });
  });

  it('P10 transfer of a need-born line with another transferee still lands on the need enterprise', async () => {
    const world = await makeWorld();
    // an achievement of team A tied to the need-born challenge
    const ach = (await findById(world.db, 'achievements', DEMO.achievementPatent))!;
    await put(world, 'achievements', { ...ach, challengeId: DEMO.challengeSolicit });
    const created = await world.expectOk('transfer', DEMO.leaderA, 'create', {
      teamId: DEMO.teamA,
      basis: { kind: 'achievement', id: DEMO.achievementPatent },
      kind: 'license',
      contractNo: 'OTHER-0001',
      transferor: '华芯微电子有限公司',
      transferee: '完全无关的第三方公司',
      amount: 300000,
      signedOn: '2026-11-18',
      requestId: 'p10-request-1',
    });
    const stored = (await findById(world.db, 'transfers', created.id)) as Transfer;
    log('P10 enterpriseId/needId', { enterpriseId: stored.enterpriseId, needId: stored.needId });
    const confirm = await world.invoke('transfer', DEMO.issuer, 'confirm', { transferId: created.id, verdict: 'confirm', reason: '' });
    log('P10 need enterprise confirms third-party contract', confirm.ok);
  });

  it('P11 leave-confirm-rejoin and cadre of another org', async () => {
    const world = await makeWorld();
    // unitOrganizer (ZS) cannot take province needs
    log('P11 zs take prov', (await world.invoke('need', DEMO.unitOrganizer, 'take', { needId: DEMO.needOpen })).ok);
    // another enterprise's contact cannot withdraw
    log('P11 newcomer withdraw', (await world.invoke('need', DEMO.newcomer, 'withdraw', { needId: DEMO.needOpen, reason: '不需要了' })).ok);
  });
});
