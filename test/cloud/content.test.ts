/**
 * Every user-text field goes through msgSecCheck in the function runtime, before the handler:
 * risky text is refused with nothing written, whichever action carries it.
 */
import type { FnName } from '../../core/api';
import { RISKY_WORDS } from '../../devcloud/openapi';
import { checkTexts, MAX_CHECK_CHARS } from '../../server/runtime/content';
import type { Ctx } from '../../server/runtime/context';
import { VALID_INPUTS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

const RISKY = `这段说明里涉及${RISKY_WORDS[0]}的相关文字`;
const SAFE = '这段说明据实写明了相关情况';

type Case = {
  fn: FnName;
  action: string;
  field: string;
  openid: string;
  /** The input of a call that succeeds with SAFE text in `field` (records it needs are made first). */
  input: (world: World) => Promise<Record<string, unknown>>;
};

const valid =
  (fn: FnName, action: string, extra: Record<string, unknown> = {}) =>
  async () => ({ ...VALID_INPUTS[fn][action], ...extra });

/** Team B's claim on the race accepted and its first gate submitted; the gate's id. */
async function submittedGate(world: World): Promise<string> {
  await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', VALID_INPUTS.challenge.reviewClaim as never);
  const { data } = await world.db.collection('milestones').where({ teamId: DEMO.teamB, challengeId: DEMO.challengeRace }).get();
  const gate = data.find((milestone) => milestone.index === 0) ?? data[0];
  await world.expectOk('challenge', DEMO.leaderB, 'submitMilestone', {
    ...VALID_INPUTS.challenge.submitMilestone,
    teamId: DEMO.teamB,
    milestoneId: gate._id,
  } as never);
  return String(gate._id);
}

/** The paths that reached people without a content check before the runtime checked every marked field. */
const CASES: Case[] = [
  { fn: 'team', action: 'apply', field: 'unitName', openid: DEMO.newcomer, input: valid('team', 'apply') },
  { fn: 'team', action: 'join', field: 'homeUnit', openid: DEMO.newcomer, input: valid('team', 'join') },
  { fn: 'team', action: 'refresh', field: 'unitName', openid: DEMO.leaderA, input: valid('team', 'refresh') },
  { fn: 'team', action: 'dissolve', field: 'reason', openid: DEMO.leaderA, input: valid('team', 'dissolve') },
  { fn: 'team', action: 'review', field: 'reason', openid: DEMO.organizer, input: valid('team', 'review', { decision: 'reject' }) },
  { fn: 'challenge', action: 'cancel', field: 'reason', openid: DEMO.organizer, input: valid('challenge', 'cancel') },
  {
    fn: 'challenge',
    action: 'reviewClaim',
    field: 'reason',
    openid: DEMO.organizer,
    input: valid('challenge', 'reviewClaim', { decision: 'reject' }),
  },
  {
    fn: 'challenge',
    action: 'reviewMilestone',
    field: 'note',
    openid: DEMO.organizer,
    input: async (world) => ({ ...VALID_INPUTS.challenge.reviewMilestone, milestoneId: await submittedGate(world), decision: 'stop' }),
  },
  { fn: 'challenge', action: 'close', field: 'summary', openid: DEMO.organizer, input: valid('challenge', 'close') },
  { fn: 'achievement', action: 'return', field: 'reason', openid: DEMO.organizer, input: valid('achievement', 'return') },
  { fn: 'achievement', action: 'feature', field: 'note', openid: DEMO.organizer, input: valid('achievement', 'feature') },
  {
    fn: 'progress',
    action: 'reviewMakeup',
    field: 'note',
    openid: DEMO.organizer,
    input: async (world) => {
      await world.expectOk('progress', DEMO.memberA, 'requestMakeup', { eventId: DEMO.eventPast, reason: '当天在外地出差' });
      return { ...VALID_INPUTS.progress.reviewMakeup, decision: 'reject' };
    },
  },
];

describe('every user-text field is checked before the handler runs', () => {
  it.each(CASES)('$fn/$action refuses risky text in $field with nothing written', async ({ fn, action, field, openid, input }) => {
    const world = await makeWorld();
    const prepared = await input(world);
    const before = await world.snapshot();
    const refused = await world.raw(fn, openid, { action, ...prepared, [field]: RISKY });
    expect(refused).toMatchObject({ ok: false, code: 'CONTENT_RISKY' });
    expect(await world.snapshot()).toEqual(before);
    // The same call with acceptable text goes through: the refusal was the text's, not the state's.
    const accepted = await world.raw(fn, openid, { action, ...prepared, [field]: SAFE });
    expect(accepted).toMatchObject({ ok: true });
  });

  it('sends all of an action’s texts in one msgSecCheck call, and none for an action without text', async () => {
    const world = await makeWorld();
    const check = jest.spyOn(world.cloud.openapi.security, 'msgSecCheck');
    await world.expectOk('challenge', DEMO.leaderA, 'claim', VALID_INPUTS.challenge.claim as never);
    expect(check).toHaveBeenCalledTimes(1);
    expect(check.mock.calls[0][0]).toMatchObject({
      openid: DEMO.leaderA,
      version: 2,
      content: '自研故障注入框架，结合形式化验证。\n框架原型\n完成 1000 个故障点注入',
    });
    check.mockClear();
    await world.expectOk('team', DEMO.leaderA, 'detail', { teamId: DEMO.teamA });
    await world.expectOk('achievement', DEMO.organizer, 'confirm', { achievementId: DEMO.achievementPending });
    expect(check).not.toHaveBeenCalled();
  });

  it('splits texts longer than msgSecCheck takes (2,500 characters) into calls sent together, and refuses risky text in any', async () => {
    const world = await makeWorld();
    const check = jest.spyOn(world.cloud.openapi.security, 'msgSecCheck');
    const ctx = { openid: DEMO.organizer, openapi: world.cloud.openapi } as Ctx;
    const texts = ['背景'.repeat(1000), '成果'.repeat(700), `${'长'.repeat(3000)}🚀`, '奖励说明'];
    expect(await checkTexts(ctx, texts)).toBe('pass');
    const contents = check.mock.calls.map(([args]) => args.content);
    expect(contents.length).toBeGreaterThan(1);
    for (const content of contents) expect(content.length).toBeLessThanOrEqual(MAX_CHECK_CHARS);
    expect(contents.join('').replace(/\n/g, '')).toBe(texts.join(''));
    await expect(checkTexts(ctx, [...texts, RISKY])).rejects.toMatchObject({ code: 'CONTENT_RISKY' });
    await expect(checkTexts(ctx, [...texts, '以下内容待核实'])).resolves.toBe('review');
  });

  it('answers a caller the rule refuses with FORBIDDEN, whatever the text says', async () => {
    const world = await makeWorld();
    const result = await world.raw('team', DEMO.memberA, { action: 'dissolve', teamId: DEMO.teamA, reason: RISKY });
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('hands the review verdict to the handler: a team whose unit name needs a look is flagged', async () => {
    const world = await makeWorld();
    const applied = await world.expectOk('team', DEMO.newcomer, 'apply', {
      ...VALID_INPUTS.team.apply,
      unitName: '待核实的某研究院',
    } as never);
    const stored = await world.db.collection('teams').doc(applied.id).get();
    expect(stored.data.contentFlag).toBe('review');
  });

  it('refuses a team name made only of invisible characters, with nothing written', async () => {
    const world = await makeWorld();
    const before = await world.snapshot();
    const result = await world.raw('team', DEMO.newcomer, { action: 'apply', ...VALID_INPUTS.team.apply, name: '\u200B\u202E\u200D' });
    expect(result).toEqual({ ok: false, code: 'INVALID_INPUT', message: '队伍名称不能只由不可见字符组成，请重新填写' });
    expect(await world.snapshot()).toEqual(before);
  });
});
