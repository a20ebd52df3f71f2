/**
 * One successful call of every client-callable action, as a user of the demo world makes it:
 * who calls, with what. Inputs start from the permission matrix's valid inputs; where those are
 * aimed at a refusal or need a record created first, `prepare` makes the call succeed.
 */
import { API, FN_NAMES, type FnName } from '../../core/api';
import { DEMO } from '../../devcloud/demo-ids';
import { RULE_PERSONAS, type AccessRule, type Persona } from '../../core/permissions';
import { OPENID } from '../../test/helpers/personas';
import { VALID_INPUTS } from '../../test/helpers/valid-inputs';
import { uploadOrgSheet } from '../../test/helpers/org-sheet';
import type { World } from '../../test/helpers/world';

export type Scenario = {
  fn: FnName;
  action: string;
  /** Names a second scenario of the same action, e.g. `team.mine（队员）`. */
  label?: string;
  openid: string;
  /** Makes whatever the call needs first (outside the measurement) and returns its input. */
  input: (world: World) => Promise<Record<string, unknown>>;
};

const PREFERRED: Persona[] = ['leader', 'organizer', 'member', 'issuer', 'partyContact', 'otherOrganizer', 'outsider'];

/** Who calls an action in the bench, where the first allowed persona is not the one who would. */
const CALLER: Partial<Record<string, Persona>> = {
  'team.leave': 'member',
  'user.deleteAccount': 'member',
  // A member's own records: the export reads a thousand of a kind per round trip, so one who wrote more
  // than that (the large world's leader A authored its 2,000 bulk achievements) adds a trip per thousand.
  'user.exportData': 'member',
  'challenge.bindReviewer': 'outsider',
  'feedback.bindContact': 'outsider',
  'feedback.letter': 'partyContact',
  'progress.signIn': 'member',
  'progress.requestMakeup': 'member',
  // The leader wrote the reported achievement (their own report is refused); the newcomer has none open yet.
  'report.submit': 'outsider',
  'need.redeemCode': 'outsider',
  'need.apply': 'member',
};

type Prepare = (world: World) => Promise<Record<string, unknown>>;

/** A published race with no reviewer bound yet, and its reviewer code. */
async function unboundChallenge(world: World): Promise<{ challengeId: string; code: string }> {
  const { id } = await world.expectOk('challenge', DEMO.organizer, 'create', {
    ...VALID_INPUTS.challenge.create,
    requestId: 'bench-unbound-0001',
  } as never);
  await world.expectOk('challenge', DEMO.organizer, 'publish', { challengeId: id });
  const challenge = await world.db.collection('challenges').doc(id).get();
  return { challengeId: id, code: String(challenge.data.reviewerCode) };
}

/** Team B's waiting claim on the race, accepted, and the id of its first gate. */
async function acceptedGate(world: World): Promise<string> {
  await world.expectOk('challenge', DEMO.organizer, 'reviewClaim', VALID_INPUTS.challenge.reviewClaim as never);
  const { data } = await world.db.collection('milestones').where({ teamId: DEMO.teamB, challengeId: DEMO.challengeRace }).limit(1).get();
  return data[0]._id;
}

/** A new achievement draft of team A. */
async function achievementDraft(world: World): Promise<string> {
  const saved = await world.expectOk('achievement', DEMO.leaderA, 'save', {
    ...VALID_INPUTS.achievement.save,
    requestId: 'bench-draft-0001',
  } as never);
  return (saved as { id: string }).id;
}

/** A new league org under 华芯微电子团委, made by the demo organizer. */
async function childOrg(world: World): Promise<string> {
  const tree = await world.expectOk('admin', DEMO.organizer, 'createOrg', {
    ...VALID_INPUTS.admin.createOrg,
    requestId: 'bench-child-0001',
  } as never);
  return tree.orgs.find((org) => org.name === VALID_INPUTS.admin.createOrg.name)?.id as string;
}

/** A sheet of three new orgs under the demo organizer's tree, uploaded by them. */
const orgSheet = (world: World) =>
  uploadOrgSheet(world, DEMO.organizer, [
    ['团组织', '某市团委', '共青团某市委员会', '共青团某省委员会'],
    ['团组织', '某县团委', '共青团某县委员会', '某市团委'],
    ['党组织', '某县机关党委', '某县机关', '某县团委'],
  ]);

/** An organizer invite code for 华芯微电子团委. */
const inviteCode = async (world: World) => (await world.expectOk('admin', DEMO.organizer, 'issueCode', { orgId: 'org-league-hx' })).code;

/** DEMO.needOpen taken by the demo organizer. */
const takenNeed = async (world: World) => {
  await world.expectOk('need', DEMO.organizer, 'take', { needId: DEMO.needOpen });
  return DEMO.needOpen;
};

/** Inputs that differ from the permission matrix's (or need a record made first), keyed `fn.action`. */
const INPUT: Partial<Record<string, Prepare>> = {
  'admin.moveOrg': async (world) => ({ orgId: await childOrg(world), parentId: 'org-league-zs' }),
  'admin.retireOrg': async (world) => ({ orgId: await childOrg(world), reason: '单位合并，组织撤销' }),
  'admin.previewImport': async (world) => ({ fileId: await orgSheet(world) }),
  'admin.confirmImport': async (world) => ({ fileId: await orgSheet(world) }),
  'admin.redeemCode': async (world) => ({ code: await inviteCode(world) }),
  'admin.revokeOrganizer': async (world) => {
    await world.expectOk('admin', DEMO.newcomer, 'redeemCode', { code: await inviteCode(world) });
    return { orgId: 'org-league-hx', userId: DEMO.newcomer, reason: '岗位调整' };
  },
  'challenge.bindReviewer': async (world) => ({ code: (await unboundChallenge(world)).code }),
  'challenge.withdraw': async () => ({ teamId: DEMO.teamB, challengeId: DEMO.challengeRace }),
  'challenge.submitMilestone': async (world) => ({
    ...VALID_INPUTS.challenge.submitMilestone,
    teamId: DEMO.teamB,
    milestoneId: await acceptedGate(world),
  }),
  'challenge.reviewMilestone': async (world) => {
    const milestoneId = await acceptedGate(world);
    await world.expectOk('challenge', DEMO.leaderB, 'submitMilestone', {
      ...VALID_INPUTS.challenge.submitMilestone,
      teamId: DEMO.teamB,
      milestoneId,
    } as never);
    return { ...VALID_INPUTS.challenge.reviewMilestone, milestoneId };
  },
  'progress.signIn': async (world) => {
    const { code } = await world.expectOk('progress', DEMO.organizer, 'eventCode', { eventId: DEMO.eventOpen });
    return { eventId: DEMO.eventOpen, method: 'code', code };
  },
  'progress.reviewMakeup': async (world) => {
    await world.expectOk('progress', DEMO.memberA, 'requestMakeup', { eventId: DEMO.eventPast, reason: '当天在外地出差' });
    return VALID_INPUTS.progress.reviewMakeup;
  },
  'achievement.submit': async (world) => ({ teamId: DEMO.teamA, achievementId: await achievementDraft(world) }),
  'achievement.discard': async (world) => ({ teamId: DEMO.teamA, achievementId: await achievementDraft(world) }),
  'need.redeemCode': async (world) => ({
    code: (await world.expectOk('need', DEMO.organizer, 'issueCode', VALID_INPUTS.need.issueCode as never)).code,
  }),
  'need.decideApplication': async (world) => {
    const applied = await world.expectOk('need', DEMO.leaderB, 'apply', {
      ...VALID_INPUTS.need.apply,
      requestId: 'bench-apply-0001',
    } as never);
    return { orgId: 'org-league-prov', enterpriseId: applied.id, approve: true, reason: '' };
  },
  'need.release': async (world) => ({ needId: await takenNeed(world), reason: '转交其他干部跟进' }),
  'need.decide': async (world) => ({ ...VALID_INPUTS.need.decide, needId: await takenNeed(world) }),
  'feedback.bindContact': async (world) => {
    const { code } = await world.expectOk('feedback', DEMO.organizer, 'contactCode', { partyOrgId: 'org-party-zs' });
    return { code };
  },
};

/** Callers whose scenario differs from the persona the rule suggests. */
const OPENIDS: Partial<Record<string, string>> = {
  'challenge.withdraw': DEMO.leaderB,
  'challenge.submitMilestone': DEMO.leaderB,
};

/** More paths of actions whose round trips depend on who calls or what is asked. */
const VARIANTS: Scenario[] = [
  { fn: 'team', action: 'mine', label: 'team.mine（队员）', openid: DEMO.memberA, input: async () => ({}) },
  {
    fn: 'notice',
    action: 'publish',
    label: 'notice.publish（全部队伍）',
    openid: DEMO.organizer,
    input: async () => ({ ...VALID_INPUTS.notice.publish, audience: 'allTeams', teamIds: [], requestId: 'bench-allteams-01' }),
  },
  {
    fn: 'challenge',
    action: 'bindReviewer',
    label: 'challenge.bindReviewer（已有揭榜）',
    openid: OPENID.outsider,
    input: async (world) => {
      const { challengeId, code } = await unboundChallenge(world);
      await world.expectOk('challenge', DEMO.leaderB, 'claim', {
        ...VALID_INPUTS.challenge.claim,
        teamId: DEMO.teamB,
        memberIds: [DEMO.leaderB],
        challengeId,
        requestId: 'bench-claim-0001',
      } as never);
      return { code };
    },
  },
  {
    fn: 'achievement',
    action: 'detail',
    label: 'achievement.detail（待确认，管理员）',
    openid: DEMO.organizer,
    input: async () => ({ achievementId: DEMO.achievementPending }),
  },
];

export function scenarios(): Scenario[] {
  return [...base(), ...VARIANTS];
}

function base(): Scenario[] {
  return FN_NAMES.flatMap((fn) =>
    Object.entries(API[fn])
      .filter(([, def]) => (def as { access: AccessRule }).access !== 'system')
      .map(([action, def]) => {
        const key = `${fn}.${action}`;
        const allowed = RULE_PERSONAS[(def as { access: AccessRule }).access];
        const persona = CALLER[key] ?? PREFERRED.find((candidate) => allowed.includes(candidate)) ?? allowed[0];
        const input = INPUT[key] ?? (async () => VALID_INPUTS[fn][action]);
        return { fn, action, openid: OPENIDS[key] ?? OPENID[persona], input };
      }),
  );
}
