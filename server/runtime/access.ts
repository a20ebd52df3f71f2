/**
 * Access rules as one table. Each rule loads what it needs (alongside the caller, so the whole
 * check is one round of reads), decides from the database's roles and memberships (never from the
 * request), and grants the handler typed records: an action under `teamLeader` receives
 * `team: Team`, not `Team | null`. A new rule is one entry here and one in core/permissions.ts.
 */
import { AppError } from '../../core/errors';
import type { AccessRule } from '../../core/permissions';
import type {
  Achievement,
  Challenge,
  Enterprise,
  Letter,
  Member,
  Need,
  Notice,
  Org,
  Report,
  Team,
  TeamEvent,
  Transfer,
  User,
} from '../../core/types';
import { findById } from '../db/collections';
import type { CollectionName, Collections } from '../db/collections';
import type { Ctx } from './context';
import { membershipOf, membershipsOf } from './lookups';
import { isEnterpriseContact, takesNeedsIn } from './need-roles';
import { isOrganizer, loadOrgs, managedOrgIds, managesIn } from './orgs';

export type CallerRule = Exclude<AccessRule, 'system'>;

/** What each rule hands the handler once it allows the call. */
export type Grants = {
  signedIn: object;
  organizer: object;
  teamOrganizer: { team: Team };
  teamLeader: { team: Team; membership: Member };
  teamMember: { team: Team; membership: Member };
  /** `membership` is null for an organizer who is not on the team. */
  teamViewer: { team: Team; membership: Member | null };
  challengeOrganizer: { challenge: Challenge };
  challengeReviewer: { challenge: Challenge };
  eventOrganizer: { teamEvent: TeamEvent };
  /** `attendeeTeamId`: the caller's team among the event's teams. */
  eventAttendee: { teamEvent: TeamEvent; attendeeTeamId: string };
  achievementVerifier: { achievement: Achievement };
  achievementOrganizer: { achievement: Achievement };
  noticeOrganizer: { notice: Notice };
  letterContact: { letter: Letter };
  reportOrganizer: { report: Report };
  /** `orgs`: the whole tree; `managed`: every org (of either kind) the caller administers. */
  orgOrganizer: { org: Org; orgs: Org[]; managed: Set<string> };
  /** `membership` is null for an organizer who is not on the team; `organizer`: over the team (else its leader). */
  teamSteward: { team: Team; membership: Member | null; organizer: boolean };
  enterpriseContact: { enterprise: Enterprise };
  needEnterprise: { need: Need };
  /** `organizer`: an organizer over the need's org (else a designated cadre). */
  needCadre: { need: Need; orgs: Org[]; organizer: boolean };
  needParty: { need: Need; orgs: Org[]; side: 'enterprise' | 'cadre' };
  orgCadre: { org: Org; orgs: Org[] };
  challengeEnterprise: { challenge: Challenge };
  /** `slot`: the caller's place among the challenge's named experts. */
  challengeExpert: { challenge: Challenge; slot: number };
  /** `isTeam`: a member of the transfer's team; `canConfirm`: its other party. */
  transferViewer: { transfer: Transfer; isTeam: boolean; canConfirm: boolean; organizer: boolean };
  transferConfirmer: { transfer: Transfer };
};

/** The grant of an action's rule; system actions (no caller) get none. */
export type GrantOf<R extends AccessRule> = R extends CallerRule ? Grants[R] : object;

type Rule<R extends CallerRule, Loaded> = {
  /** Reads the records the rule needs; runs at the same time as loading the caller. */
  load(ctx: Ctx, input: unknown): Promise<Loaded>;
  /** The grant, or null when the caller may not. */
  allow(ctx: Ctx, caller: User, loaded: Loaded): Grants[R] | null | Promise<Grants[R] | null>;
  refusal: string;
};

type IdKey =
  'teamId' | 'challengeId' | 'eventId' | 'achievementId' | 'noticeId' | 'letterId' | 'reportId' | 'enterpriseId' | 'needId' | 'transferId';

/** The record an input names, or NOT_FOUND with what the user was looking for. */
async function named<K extends CollectionName>(ctx: Ctx, input: unknown, key: IdKey, name: K, missing: string): Promise<Collections[K]> {
  const id = (input as Record<string, unknown> | null)?.[key];
  const found = typeof id === 'string' ? await findById(ctx.db, name, id) : null;
  if (!found) throw new AppError('NOT_FOUND', missing);
  return found;
}

const MISSING = {
  team: '找不到这支突击队，可能已被删除',
  challenge: '找不到这个榜单，可能已被删除',
  event: '找不到这个活动，可能已被删除',
  achievement: '找不到这项成果，可能已被删除',
  notice: '找不到这条通知，可能已被删除',
  letter: '找不到这份反馈函',
  report: '找不到这条举报，可能已被处理',
  org: '找不到这个组织，可能已被删除',
  enterprise: '找不到这家企业，请先完成企业认证',
  need: '找不到这条需求，可能已被撤回或删除',
  transfer: '找不到这条成果转化记录',
};

/** A transfer's other party: its bound confirmer, or a contact of its enterprise. */
export const confirmsTransfer = (caller: User, transfer: Transfer) =>
  transfer.confirmerId === caller._id || isEnterpriseContact(caller, transfer.enterpriseId);

/** Where the caller stands on a need, decided from the org tree already read. */
function needSide(orgs: Org[], caller: User, need: Need): 'enterprise' | 'cadre' | null {
  if (isEnterpriseContact(caller, need.enterpriseId)) return 'enterprise';
  return takesNeedsIn(orgs, caller, need.leagueOrgId) ? 'cadre' : null;
}

/** A need, and the org tree, read together; a draft is its enterprise's alone. */
async function loadNeed(ctx: Ctx, input: unknown) {
  const [need, orgs] = await Promise.all([named(ctx, input, 'needId', 'needs', MISSING.need), loadOrgs(ctx)]);
  return { need, orgs };
}

/** Organizer of this league org or of one above it. */
export async function managesLeagueOrg(ctx: Ctx, caller: User, leagueOrgId: string): Promise<boolean> {
  if (!isOrganizer(caller)) return false;
  return managesIn(await loadOrgs(ctx), caller, leagueOrgId);
}

/** The challenge's bound reviewer, or an organizer over it, decided from the org tree already read. */
export function reviewsIn(orgs: Org[], caller: User, challenge: Challenge): boolean {
  return challenge.reviewerId === caller._id || managesIn(orgs, caller, challenge.leagueOrgId);
}

/** A party organization's bound contact (the role lives on the user record). */
export function isPartyContact(caller: User, partyOrgId: string | null): boolean {
  return partyOrgId !== null && caller.roles.some((grant) => grant.role === 'partyContact' && grant.scopeId === partyOrgId);
}

export const isTeamOrganizer = (ctx: Ctx, caller: User, team: Pick<Team, 'leagueOrgId'>) => managesLeagueOrg(ctx, caller, team.leagueOrgId);

/** Organizer of the league org that published the challenge (or of an org above it). */
export const isChallengeOrganizer = (ctx: Ctx, caller: User, challenge: Challenge) => managesLeagueOrg(ctx, caller, challenge.leagueOrgId);

export async function isChallengeReviewer(ctx: Ctx, caller: User, challenge: Challenge): Promise<boolean> {
  return challenge.reviewerId === caller._id || reviewsIn(await loadOrgs(ctx), caller, challenge);
}

/** Organizer of the league org that runs the event (or of an org above it). */
export const isEventOrganizer = (ctx: Ctx, caller: User, event: TeamEvent) => managesLeagueOrg(ctx, caller, event.leagueOrgId);

/** Who confirms an achievement: the organizer over its team, or for a claim-linked one the challenge's reviewer. */
export async function isAchievementVerifier(ctx: Ctx, caller: User, achievement: Achievement): Promise<boolean> {
  const [manages, challenge] = await Promise.all([
    managesLeagueOrg(ctx, caller, achievement.leagueOrgId),
    achievement.challengeId ? findById(ctx.db, 'challenges', achievement.challengeId) : null,
  ]);
  return manages || (challenge !== null && (await isChallengeReviewer(ctx, caller, challenge)));
}

/** The caller's team among the event's teams, or null. */
export async function attendeeTeamId(ctx: Ctx, caller: User, event: TeamEvent): Promise<string | null> {
  const memberships = await membershipsOf(ctx, caller._id);
  return memberships.find((member) => event.teamIds.includes(member.teamId))?.teamId ?? null;
}

export async function memberRole(ctx: Ctx, teamId: string, userId: string) {
  return (await membershipOf(ctx, teamId, userId))?.role ?? null;
}

/** Someone who confirms a team's work must stand outside the team (principle 2, docs/architecture.md); `refusal` says what they may not do. */
export async function requireOutsider(ctx: Ctx, caller: User, teamId: string, refusal: string): Promise<void> {
  if (await memberRole(ctx, teamId, caller._id)) throw new AppError('FORBIDDEN', refusal);
}

/** The team an input names with the caller's membership of it (and, for organizer checks, the org tree), read together. */
async function loadTeam(ctx: Ctx, input: unknown, orgsToo: boolean) {
  const [team, membership] = await Promise.all([
    named(ctx, input, 'teamId', 'teams', MISSING.team),
    membershipOf(ctx, String((input as { teamId?: unknown }).teamId), ctx.openid),
    orgsToo ? loadOrgs(ctx) : null,
  ]);
  return { team, membership };
}

/** A record and the org tree, read together, for rules decided by who manages the record's org. */
async function withOrgs<T>(ctx: Ctx, record: Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([record, loadOrgs(ctx)]);
  return loaded;
}

export const RULES: { [R in CallerRule]: Rule<R, unknown> } = {
  // Most signed-in screens show the caller's relation to teams: their memberships come with the first round.
  signedIn: { load: (ctx) => membershipsOf(ctx, ctx.openid), allow: () => ({}), refusal: '' },
  organizer: {
    load: (ctx) => loadOrgs(ctx),
    allow: (_ctx, caller) => (isOrganizer(caller) ? {} : null),
    refusal: '只有团组织管理员可以进行此操作',
  },
  teamOrganizer: rule({
    load: (ctx, input) => loadTeam(ctx, input, true),
    allow: async (ctx, caller, { team }) => ((await isTeamOrganizer(ctx, caller, team)) ? { team } : null),
    refusal: '只有该队伍所属团组织的管理员可以进行此操作',
  }),
  teamLeader: rule({
    load: (ctx, input) => loadTeam(ctx, input, false),
    allow: (_ctx, _caller, { team, membership }) => (membership?.role === 'leader' ? { team, membership } : null),
    refusal: '只有队长可以进行此操作',
  }),
  teamMember: rule({
    load: (ctx, input) => loadTeam(ctx, input, false),
    allow: (_ctx, _caller, { team, membership }) => (membership ? { team, membership } : null),
    refusal: '只有本队成员可以进行此操作',
  }),
  teamViewer: rule({
    load: (ctx, input) => loadTeam(ctx, input, true),
    allow: async (ctx, caller, { team, membership }) =>
      membership || (await isTeamOrganizer(ctx, caller, team)) ? { team, membership } : null,
    refusal: '只有本队成员或所属团组织的管理员可以查看',
  }),
  challengeOrganizer: rule({
    load: (ctx, input) => withOrgs(ctx, named(ctx, input, 'challengeId', 'challenges', MISSING.challenge)),
    allow: async (ctx, caller, challenge) => ((await isChallengeOrganizer(ctx, caller, challenge)) ? { challenge } : null),
    refusal: '只有发榜团组织的管理员可以进行此操作',
  }),
  challengeReviewer: rule({
    load: (ctx, input) => withOrgs(ctx, named(ctx, input, 'challengeId', 'challenges', MISSING.challenge)),
    allow: async (ctx, caller, challenge) => ((await isChallengeReviewer(ctx, caller, challenge)) ? { challenge } : null),
    refusal: '只有发榜团组织的管理员或出题单位联系人可以评审',
  }),
  eventOrganizer: rule({
    load: (ctx, input) => withOrgs(ctx, named(ctx, input, 'eventId', 'events', MISSING.event)),
    allow: async (ctx, caller, teamEvent) => ((await isEventOrganizer(ctx, caller, teamEvent)) ? { teamEvent } : null),
    refusal: '只有主办团组织的管理员可以进行此操作',
  }),
  eventAttendee: rule({
    load: async (ctx, input) => {
      const [teamEvent, memberships] = await Promise.all([
        named(ctx, input, 'eventId', 'events', MISSING.event),
        membershipsOf(ctx, ctx.openid),
      ]);
      return { teamEvent, attendeeTeamId: memberships.find((member) => teamEvent.teamIds.includes(member.teamId))?.teamId ?? null };
    },
    allow: (_ctx, _caller, { teamEvent, attendeeTeamId }) => (attendeeTeamId ? { teamEvent, attendeeTeamId } : null),
    refusal: '只有参加该活动的队伍成员可以签到',
  }),
  achievementVerifier: rule({
    load: (ctx, input) => withOrgs(ctx, named(ctx, input, 'achievementId', 'achievements', MISSING.achievement)),
    allow: async (ctx, caller, achievement) => ((await isAchievementVerifier(ctx, caller, achievement)) ? { achievement } : null),
    refusal: '只有该队伍所属团组织的管理员或榜单评审人可以确认成果',
  }),
  achievementOrganizer: rule({
    load: (ctx, input) => withOrgs(ctx, named(ctx, input, 'achievementId', 'achievements', MISSING.achievement)),
    allow: async (ctx, caller, achievement) => ((await managesLeagueOrg(ctx, caller, achievement.leagueOrgId)) ? { achievement } : null),
    refusal: '只有该队伍所属团组织的管理员可以设置典型案例',
  }),
  noticeOrganizer: rule({
    load: (ctx, input) => withOrgs(ctx, named(ctx, input, 'noticeId', 'notices', MISSING.notice)),
    allow: async (ctx, caller, notice) => ((await managesLeagueOrg(ctx, caller, notice.leagueOrgId)) ? { notice } : null),
    refusal: '只有发布通知的团组织管理员可以查看回执或提醒',
  }),
  letterContact: rule({
    load: async (ctx, input) => {
      const letter = await named(ctx, input, 'letterId', 'letters', MISSING.letter);
      if (letter.status === 'draft') throw new AppError('NOT_FOUND', MISSING.letter);
      return letter;
    },
    allow: (_ctx, caller, letter) => (isPartyContact(caller, letter.partyOrgId) ? { letter } : null),
    refusal: '只有收函党组织的联系人可以签收',
  }),
  reportOrganizer: rule({
    load: (ctx, input) => withOrgs(ctx, named(ctx, input, 'reportId', 'reports', MISSING.report)),
    allow: async (ctx, caller, report) => ((await managesLeagueOrg(ctx, caller, report.leagueOrgId)) ? { report } : null),
    refusal: '只有被举报内容所属团组织的管理员可以处理',
  }),
  teamSteward: rule({
    load: (ctx, input) => loadTeam(ctx, input, true),
    allow: async (ctx, caller, { team, membership }) => {
      const organizer = await isTeamOrganizer(ctx, caller, team);
      return membership?.role === 'leader' || organizer ? { team, membership, organizer } : null;
    },
    refusal: '只有队长或所属团组织的管理员可以查看',
  }),
  orgOrganizer: rule({
    load: async (ctx, input) => {
      const orgs = await loadOrgs(ctx);
      const id = (input as Record<string, unknown> | null)?.orgId;
      const org = orgs.find((candidate) => candidate._id === id);
      if (!org) throw new AppError('NOT_FOUND', MISSING.org);
      return { org, orgs };
    },
    allow: (_ctx, caller, { org, orgs }) => {
      const managed = managedOrgIds(orgs, caller);
      return managed.has(org._id) ? { org, orgs, managed } : null;
    },
    refusal: '只有该组织或其上级组织的管理员可以进行此操作',
  }),
  enterpriseContact: rule({
    load: (ctx, input) => named(ctx, input, 'enterpriseId', 'enterprises', MISSING.enterprise),
    allow: (_ctx, caller, enterprise) =>
      enterprise.status === 'active' && isEnterpriseContact(caller, enterprise._id) ? { enterprise } : null,
    refusal: '只有已认证的企业联系人可以进行此操作',
  }),
  needEnterprise: rule({
    load: (ctx, input) => named(ctx, input, 'needId', 'needs', MISSING.need),
    allow: (_ctx, caller, need) => (isEnterpriseContact(caller, need.enterpriseId) ? { need } : null),
    refusal: '只有发布该需求的企业联系人可以进行此操作',
  }),
  needCadre: rule({
    load: loadNeed,
    allow: (_ctx, caller, { need, orgs }) => {
      if (need.status === 'draft' || !takesNeedsIn(orgs, caller, need.leagueOrgId)) return null;
      return { need, orgs, organizer: managesIn(orgs, caller, need.leagueOrgId) };
    },
    refusal: '只有该需求所属团组织的管理员或接单干部可以进行此操作',
  }),
  needParty: rule({
    load: loadNeed,
    allow: (_ctx, caller, { need, orgs }) => {
      const side = needSide(orgs, caller, need);
      if (!side || (side === 'cadre' && need.status === 'draft')) return null;
      return { need, orgs, side };
    },
    refusal: '只有需求企业的联系人或接单干部可以查看和留言',
  }),
  orgCadre: rule({
    load: async (ctx, input) => {
      const orgs = await loadOrgs(ctx);
      const id = (input as Record<string, unknown> | null)?.orgId;
      const org = orgs.find((candidate) => candidate._id === id && candidate.kind === 'league');
      if (!org) throw new AppError('NOT_FOUND', MISSING.org);
      return { org, orgs };
    },
    allow: (_ctx, caller, { org, orgs }) => (takesNeedsIn(orgs, caller, org._id) ? { org, orgs } : null),
    refusal: '只有该团组织的管理员或接单干部可以查看需求',
  }),
  challengeEnterprise: rule({
    load: (ctx, input) => named(ctx, input, 'challengeId', 'challenges', MISSING.challenge),
    allow: (_ctx, caller, challenge) => (isEnterpriseContact(caller, challenge.solicit?.enterpriseId) ? { challenge } : null),
    refusal: '只有提出该需求的企业联系人可以确认出题方承诺',
  }),
  challengeExpert: rule({
    load: (ctx, input) => named(ctx, input, 'challengeId', 'challenges', MISSING.challenge),
    allow: (_ctx, caller, challenge) => {
      const expert = challenge.solicit?.experts.find((slot) => slot.userId === caller._id);
      return expert ? { challenge, slot: expert.slot } : null;
    },
    refusal: '只有受邀的评审专家可以评审该榜单',
  }),
  transferViewer: rule({
    load: async (ctx, input) => {
      const transfer = await named(ctx, input, 'transferId', 'transfers', MISSING.transfer);
      const [membership] = await Promise.all([membershipOf(ctx, transfer.teamId, ctx.openid), loadOrgs(ctx)]);
      return { transfer, membership };
    },
    allow: async (ctx, caller, { transfer, membership }) => {
      const organizer = await managesLeagueOrg(ctx, caller, transfer.leagueOrgId);
      const canConfirm = !membership && confirmsTransfer(caller, transfer);
      return membership || organizer || canConfirm ? { transfer, isTeam: !!membership, canConfirm, organizer } : null;
    },
    refusal: '只有该团队、所属团组织和合同相对方可以查看这条转化记录',
  }),
  transferConfirmer: rule({
    load: (ctx, input) => named(ctx, input, 'transferId', 'transfers', MISSING.transfer),
    allow: (_ctx, caller, transfer) => (confirmsTransfer(caller, transfer) ? { transfer } : null),
    refusal: '只有合同相对方（企业）可以确认成果转化',
  }),
};

/** Types one entry: what its `load` returns is what its `allow` receives. */
function rule<R extends CallerRule, Loaded>(definition: Rule<R, Loaded>): Rule<R, unknown> {
  return definition;
}

/** Loads what a rule needs; `grantAccess` decides once the caller is known. */
export function loadForRule(rule: CallerRule, ctx: Ctx, input: unknown): Promise<unknown> {
  return RULES[rule].load(ctx, input);
}

/** The grant for a caller, or FORBIDDEN with the rule's refusal. */
export async function grantAccess<R extends CallerRule>(rule: R, ctx: Ctx, caller: User, loaded: unknown): Promise<Grants[R]> {
  const definition: Rule<R, unknown> = RULES[rule];
  const grant = await definition.allow(ctx, caller, loaded);
  if (!grant) throw new AppError('FORBIDDEN', definition.refusal);
  return grant;
}
