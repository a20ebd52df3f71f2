import { AppError } from '../../core/errors';
import type { AccessRule } from '../../core/permissions';
import type { Achievement, Challenge, Letter, Notice, Team, TeamEvent, User } from '../../core/types';
import { findById, findMany } from '../db/collections';
import type { Ctx } from './context';
import { loadOrgs, managedLeagueOrgIds } from './orgs';

export type AccessGrant = {
  team: Team | null;
  challenge: Challenge | null;
  teamEvent: TeamEvent | null;
  achievement: Achievement | null;
  notice: Notice | null;
  letter: Letter | null;
};

/** What a rule that loads nothing grants. */
export const NO_GRANT: AccessGrant = { team: null, challenge: null, teamEvent: null, achievement: null, notice: null, letter: null };

function idOf(input: unknown, key: 'teamId' | 'challengeId' | 'eventId' | 'achievementId' | 'noticeId' | 'letterId'): string | null {
  const value = (input as Record<string, unknown> | null)?.[key];
  return typeof value === 'string' ? value : null;
}

/** Organizer of this league org or of one above it. */
export async function managesLeagueOrg(ctx: Ctx, caller: User, leagueOrgId: string): Promise<boolean> {
  if (!caller.roles.some((grant) => grant.role === 'organizer')) return false;
  return managedLeagueOrgIds(await loadOrgs(ctx.db), caller).has(leagueOrgId);
}

export const isTeamOrganizer = (ctx: Ctx, caller: User, team: Pick<Team, 'leagueOrgId'>) => managesLeagueOrg(ctx, caller, team.leagueOrgId);

/** Organizer of the league org that published the challenge (or of an org above it). */
export const isChallengeOrganizer = (ctx: Ctx, caller: User, challenge: Challenge) => managesLeagueOrg(ctx, caller, challenge.leagueOrgId);

export async function isChallengeReviewer(ctx: Ctx, caller: User, challenge: Challenge): Promise<boolean> {
  return challenge.reviewerId === caller._id || (await isChallengeOrganizer(ctx, caller, challenge));
}

/** Organizer of the league org that runs the event (or of an org above it). */
export const isEventOrganizer = (ctx: Ctx, caller: User, event: TeamEvent) => managesLeagueOrg(ctx, caller, event.leagueOrgId);

/** Who confirms an achievement: the organizer over its team, or for a claim-linked one the challenge's reviewer. */
export async function isAchievementVerifier(ctx: Ctx, caller: User, achievement: Achievement): Promise<boolean> {
  if (await managesLeagueOrg(ctx, caller, achievement.leagueOrgId)) return true;
  if (!achievement.challengeId) return false;
  const challenge = await findById(ctx.db, 'challenges', achievement.challengeId);
  return challenge !== null && (await isChallengeReviewer(ctx, caller, challenge));
}

/** The caller's membership in one of the event's teams, or null. */
export async function attendeeTeamId(ctx: Ctx, caller: User, event: TeamEvent): Promise<string | null> {
  const memberships = await findMany('members', ctx.db.collection('members').where({ userId: caller._id }).limit(100));
  return memberships.find((member) => event.teamIds.includes(member.teamId))?.teamId ?? null;
}

/** Someone who confirms a team's work must stand outside the team (principle 2, docs/architecture.md); `refusal` says what they may not do. */
export async function requireOutsider(ctx: Ctx, caller: User, teamId: string, refusal: string): Promise<void> {
  if (await memberRole(ctx, teamId, caller._id)) throw new AppError('FORBIDDEN', refusal);
}

export async function memberRole(ctx: Ctx, teamId: string, userId: string) {
  return (await findById(ctx.db, 'members', `${teamId}_${userId}`))?.role ?? null;
}

/** Enforce a caller's access rule with roles and memberships read from the database. ('system' actions never reach here: they have no caller.) */
export async function checkAccess(rule: Exclude<AccessRule, 'system'>, ctx: Ctx, caller: User, input: unknown): Promise<AccessGrant> {
  if (rule === 'signedIn') return NO_GRANT;
  if (rule === 'organizer') {
    if (caller.roles.some((grant) => grant.role === 'organizer')) return NO_GRANT;
    throw new AppError('FORBIDDEN', '只有团组织管理员可以进行此操作');
  }
  if (rule === 'challengeOrganizer' || rule === 'challengeReviewer')
    return { ...NO_GRANT, challenge: await checkChallenge(rule, ctx, caller, input) };
  if (rule === 'eventOrganizer' || rule === 'eventAttendee') return { ...NO_GRANT, teamEvent: await checkEvent(rule, ctx, caller, input) };
  if (rule === 'noticeOrganizer') return { ...NO_GRANT, notice: await checkNotice(ctx, caller, input) };
  if (rule === 'letterContact') return { ...NO_GRANT, letter: await checkLetterContact(ctx, caller, input) };
  if (rule === 'achievementVerifier' || rule === 'achievementOrganizer') {
    return { ...NO_GRANT, achievement: await checkAchievement(rule, ctx, caller, input) };
  }
  const teamId = idOf(input, 'teamId');
  const team = teamId ? await findById(ctx.db, 'teams', teamId) : null;
  if (!team) throw new AppError('NOT_FOUND', '找不到这支突击队，可能已被删除');
  if (rule === 'teamOrganizer') {
    if (await isTeamOrganizer(ctx, caller, team)) return { ...NO_GRANT, team };
    throw new AppError('FORBIDDEN', '只有该队伍所属团组织的管理员可以进行此操作');
  }
  const role = await memberRole(ctx, team._id, caller._id);
  if (rule === 'teamLeader' && role === 'leader') return { ...NO_GRANT, team };
  if (rule === 'teamMember' && role) return { ...NO_GRANT, team };
  if (rule === 'teamViewer' && (role || (await isTeamOrganizer(ctx, caller, team)))) return { ...NO_GRANT, team };
  throw new AppError('FORBIDDEN', FORBIDDEN_MESSAGES[rule]);
}

async function checkChallenge(
  rule: 'challengeOrganizer' | 'challengeReviewer',
  ctx: Ctx,
  caller: User,
  input: unknown,
): Promise<Challenge> {
  const challengeId = idOf(input, 'challengeId');
  const challenge = challengeId ? await findById(ctx.db, 'challenges', challengeId) : null;
  if (!challenge) throw new AppError('NOT_FOUND', '找不到这个榜单，可能已被删除');
  if (rule === 'challengeOrganizer' && (await isChallengeOrganizer(ctx, caller, challenge))) return challenge;
  if (rule === 'challengeReviewer' && (await isChallengeReviewer(ctx, caller, challenge))) return challenge;
  throw new AppError(
    'FORBIDDEN',
    rule === 'challengeOrganizer' ? '只有发榜团组织的管理员可以进行此操作' : '只有发榜团组织的管理员或出题单位联系人可以评审',
  );
}

const FORBIDDEN_MESSAGES: Record<'teamLeader' | 'teamMember' | 'teamViewer', string> = {
  teamLeader: '只有队长可以进行此操作',
  teamMember: '只有本队成员可以进行此操作',
  teamViewer: '只有本队成员或所属团组织的管理员可以查看',
};

async function checkEvent(rule: 'eventOrganizer' | 'eventAttendee', ctx: Ctx, caller: User, input: unknown): Promise<TeamEvent> {
  const eventId = idOf(input, 'eventId');
  const event = eventId ? await findById(ctx.db, 'events', eventId) : null;
  if (!event) throw new AppError('NOT_FOUND', '找不到这个活动，可能已被删除');
  if (rule === 'eventOrganizer' && (await isEventOrganizer(ctx, caller, event))) return event;
  if (rule === 'eventAttendee' && (await attendeeTeamId(ctx, caller, event))) return event;
  throw new AppError('FORBIDDEN', rule === 'eventOrganizer' ? '只有主办团组织的管理员可以进行此操作' : '只有参加该活动的队伍成员可以签到');
}

async function checkAchievement(
  rule: 'achievementVerifier' | 'achievementOrganizer',
  ctx: Ctx,
  caller: User,
  input: unknown,
): Promise<Achievement> {
  const achievementId = idOf(input, 'achievementId');
  const achievement = achievementId ? await findById(ctx.db, 'achievements', achievementId) : null;
  if (!achievement) throw new AppError('NOT_FOUND', '找不到这项成果，可能已被删除');
  if (rule === 'achievementOrganizer' && (await managesLeagueOrg(ctx, caller, achievement.leagueOrgId))) return achievement;
  if (rule === 'achievementVerifier' && (await isAchievementVerifier(ctx, caller, achievement))) return achievement;
  throw new AppError(
    'FORBIDDEN',
    rule === 'achievementOrganizer'
      ? '只有该队伍所属团组织的管理员可以设置典型案例'
      : '只有该队伍所属团组织的管理员或榜单评审人可以确认成果',
  );
}

async function checkNotice(ctx: Ctx, caller: User, input: unknown): Promise<Notice> {
  const noticeId = idOf(input, 'noticeId');
  const notice = noticeId ? await findById(ctx.db, 'notices', noticeId) : null;
  if (!notice) throw new AppError('NOT_FOUND', '找不到这条通知，可能已被删除');
  if (await managesLeagueOrg(ctx, caller, notice.leagueOrgId)) return notice;
  throw new AppError('FORBIDDEN', '只有发布通知的团组织管理员可以查看回执或提醒');
}

/** A party organization's bound contact (the role lives on the user record). */
export function isPartyContact(caller: User, partyOrgId: string | null): boolean {
  return partyOrgId !== null && caller.roles.some((grant) => grant.role === 'partyContact' && grant.scopeId === partyOrgId);
}

async function checkLetterContact(ctx: Ctx, caller: User, input: unknown): Promise<Letter> {
  const letterId = idOf(input, 'letterId');
  const letter = letterId ? await findById(ctx.db, 'letters', letterId) : null;
  if (!letter || letter.status === 'draft') throw new AppError('NOT_FOUND', '找不到这份反馈函');
  if (isPartyContact(caller, letter.partyOrgId)) return letter;
  throw new AppError('FORBIDDEN', '只有收函党组织的联系人可以签收');
}
