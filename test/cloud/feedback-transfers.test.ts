/**
 * 反馈函 and 成果转化 (issue 17 §4: only confirmed transfers count in letters): a letter lists the
 * team's transfers the enterprise confirmed in its period next to the confirmed records, never a
 * pending one; the letter keeps what it stated when the transfer changes later, and verification
 * tells the difference.
 */
import { DAY_MS } from '../../core/time';
import type { Transfer } from '../../core/types';
import { DEMO, makeWorld, type World } from '../helpers/world';

const Q4 = { from: '2026-10-01', to: '2026-12-31' };

let world: World;
beforeEach(async () => {
  world = await makeWorld();
});
afterEach(() => world.cleanup());

const transfers = async () => world.db.store('transfers');

/**
 * The enterprise confirmed team A's license of its patent yesterday; a second contract of team A
 * waits for the enterprise, and a third was confirmed in September (before the period).
 */
async function confirmedAndPending() {
  const now = world.clock.now;
  const store = await transfers();
  const license = (await store.findOneAsync({ _id: DEMO.transfer })) as unknown as Transfer;
  await store.updateAsync(
    { _id: DEMO.transfer },
    { $set: { status: 'confirmed', decision: { by: DEMO.issuer, at: now - DAY_MS, reason: '', outsideTeam: true } } },
  );
  await store.insertAsync([
    { ...license, _id: 'transfer-letter-pending', contractNo: '2026-3301-0077', kind: 'service', amount: 300_000 },
    {
      ...license,
      _id: 'transfer-letter-september',
      contractNo: '2026-3301-0009',
      status: 'confirmed',
      decision: { by: DEMO.issuer, at: Date.UTC(2026, 8, 10), reason: '', outsideTeam: true },
    },
  ] as never);
}

const issueForTeamA = (requestId: string) =>
  world.expectOk('feedback', DEMO.organizer, 'issue', {
    teamId: DEMO.teamA,
    ...Q4,
    itemIds: [`achievement:${DEMO.achievementPatent}`],
    note: '',
    requestId,
  });

const STATED = {
  id: DEMO.transfer,
  kind: 'license',
  contractNo: '2026-3301-0042',
  transferee: '省汽车电子集团',
  amount: 1_200_000,
  confirmedByName: '钱工',
};

describe('成果转化 in 反馈函', () => {
  it('lists the team’s confirmed transfers of the period beside the records, and not a pending one', async () => {
    await confirmedAndPending();
    const candidates = await world.expectOk('feedback', DEMO.organizer, 'candidates', { teamId: DEMO.teamA, ...Q4 });
    expect(candidates.transfers).toEqual([expect.objectContaining(STATED)]);

    const [card] = await issueForTeamA('letter-transfer-0001');
    const letter = await world.expectOk('feedback', DEMO.organizer, 'letter', { letterId: card.id });
    expect(letter.items.map((item) => item.kind)).toEqual(['achievement']);
    expect(letter.transfers).toEqual([expect.objectContaining({ ...STATED, confirmedAt: world.clock.now - DAY_MS })]);
    expect(letter.transfers.map((one) => one.id)).not.toContain('transfer-letter-pending');
    expect(letter.transfers.map((one) => one.id)).not.toContain('transfer-letter-september');
  });

  it('lists none while the enterprise has not confirmed', async () => {
    const [card] = await issueForTeamA('letter-transfer-0002');
    expect((await world.expectOk('feedback', DEMO.organizer, 'letter', { letterId: card.id })).transfers).toEqual([]);
  });

  it('keeps what it stated when the transfer changes later, and verification says so', async () => {
    await confirmedAndPending();
    const [card] = await issueForTeamA('letter-transfer-0003');
    const verified = await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: card.refCode ?? '' });
    expect(verified).toMatchObject({ allSame: true, transfers: [expect.objectContaining({ id: DEMO.transfer, verdict: 'same' })] });

    await (
      await transfers()
    ).updateAsync(
      { _id: DEMO.transfer },
      { $set: { status: 'disputed', decision: { by: DEMO.issuer, at: world.clock.now, reason: '金额有误', outsideTeam: true } } },
    );
    const letter = await world.expectOk('feedback', DEMO.organizer, 'letter', { letterId: card.id });
    expect(letter.transfers).toEqual([expect.objectContaining(STATED)]);
    expect(await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: card.refCode ?? '' })).toMatchObject({
      allSame: false,
      items: [expect.objectContaining({ verdict: 'same' })],
      transfers: [expect.objectContaining({ id: DEMO.transfer, verdict: 'revoked', current: '企业方已提出异议' })],
    });
  });

  it('reads a letter issued before transfers were recorded as stating none', async () => {
    expect((await world.expectOk('feedback', DEMO.organizer, 'letter', { letterId: DEMO.letter })).transfers).toEqual([]);
    expect((await world.expectOk('feedback', DEMO.newcomer, 'verify', { refCode: DEMO.letterCode })).transfers).toEqual([]);
  });
});
