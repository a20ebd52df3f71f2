/**
 * The records a letter may state: only confirmed ones — achievements someone outside the team
 * confirmed, passed gates, won or completed claims, attendance (on-site as the system checked it, or
 * a make-up the organizer approved) — each with exactly how it was established and when. The same
 * rules re-check a letter later.
 */
import { ACHIEVEMENT_TYPE_LABELS } from '../../../core/achievement-rules';
import { EVIDENCE_LABELS } from '../../../core/evidence';
import { letterItemId, onSiteDetail, periodBounds, signInChecks, statedBasis, type VerifyVerdict } from '../../../core/feedback-rules';
import type { EventMode } from '../../../core/progress-rules';
import type {
  Achievement,
  Challenge,
  Checkin,
  Claim,
  LetterBasis,
  LetterItem,
  Milestone,
  Org,
  Team,
  TeamEvent,
  User,
} from '../../../core/types';

import { fieldsByIds, findAll, mapByIds } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { loadOrgs, orgName } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';
import { usersById } from '../../runtime/lookups';

/** What a basis is checked by: who confirmed or approved it, or which checks the system made. */
type BasisKey = { kind: 'person' | 'makeup'; by: string } | { kind: 'system'; method: EventMode };
/** How a record was established, before names are filled in; a person acted over `leagueOrgId`. */
type Established = { kind: 'system'; method: EventMode } | { kind: 'person' | 'makeup'; by: string; leagueOrgId: string };
type Draft = Omit<LetterItem, 'memberNames' | 'basis'> & { established: Established };
type ChallengeRef = Pick<Challenge, '_id' | 'title' | 'leagueOrgId'>;

const COUNTED_CLAIMS = ['won', 'completed'];
const CLAIM_RESULT: Record<string, string> = { won: '夺榜', completed: '完成全部节点' };
const MAKEUP_DETAIL = '补签（经审核通过）';

/**
 * The league org someone acted for over `leagueOrgId`: that org or the nearest one above it where
 * they hold their own organizer role; null when they hold none there.
 */
export function actingLeagueOrgId(orgs: Org[], user: Pick<User, 'roles'>, leagueOrgId: string): string | null {
  const scopes = new Set(user.roles.filter((grant) => grant.role === 'organizer').map((grant) => grant.scopeId));
  const seen = new Set<string>();
  let current: string | null = leagueOrgId;
  while (current && !seen.has(current)) {
    if (scopes.has(current)) return current;
    seen.add(current);
    current = orgs.find((org) => org._id === current)?.parentId ?? null;
  }
  return null;
}

function achievementDraft(achievement: Achievement): Draft | null {
  const confirmation = achievement.confirmation;
  // Hidden after a report: kept on record, but no letter states it.
  if (!confirmation || achievement.hidden) return null;
  return {
    id: letterItemId('achievement', achievement._id),
    kind: 'achievement',
    refId: achievement._id,
    title: achievement.title,
    detail:
      achievement.evidence.kind === 'none'
        ? ACHIEVEMENT_TYPE_LABELS[achievement.type]
        : `${ACHIEVEMENT_TYPE_LABELS[achievement.type]} · ${EVIDENCE_LABELS[achievement.evidence.kind]} ${achievement.evidence.ref}`,
    memberIds: achievement.contributorIds,
    established: { kind: 'person', by: confirmation.by, leagueOrgId: achievement.leagueOrgId },
    confirmedAt: confirmation.at,
  };
}

/** Everything a letter may state about some teams, read in one round (the names in a second). */
export type Sources = { achievements: Achievement[]; claims: Claim[]; milestones: Milestone[]; checkins: Checkin[] };
/** What the sources refer to: challenges, events, and the people named. */
export type Refs = { challenges: Map<string, ChallengeRef>; events: Map<string, TeamEvent>; users: Map<string, User> };

export async function readSources(ctx: Ctx, teamIds: string[], from: string, to: string): Promise<Sources> {
  const _ = ctx.db.command;
  const { start, end } = periodBounds(from, to);
  const teamId = teamIds.length === 1 ? teamIds[0] : _.in(teamIds);
  const [achievements, claims, milestones, checkins] = await Promise.all([
    findAll(ctx.db, 'achievements', { teamId, status: 'confirmed', confirmedAt: _.gte(start).and(_.lte(end)) }),
    findAll(ctx.db, 'claims', { teamId }),
    findAll(ctx.db, 'milestones', { teamId, status: 'passed' }),
    findAll(ctx.db, 'eventCheckins', { teamId, status: _.in(['signed', 'makeupApproved']) }),
  ]);
  return { achievements, claims, milestones, checkins };
}

/** `alsoUsers`: more people to name, read in the same query. */
export async function readRefs(ctx: Ctx, sources: Sources, alsoUsers: string[] = []): Promise<Refs> {
  const { achievements, claims, milestones, checkins } = sources;
  const userIds = [
    ...alsoUsers,
    ...achievements.flatMap((achievement) => [...achievement.contributorIds, achievement.confirmation?.by ?? '']),
    ...claims.flatMap((claim) => [...claim.plan.memberIds, claim.ended?.by ?? '']),
    ...milestones.map((milestone) => milestone.review?.by ?? ''),
    ...checkins.flatMap((checkin) => [checkin.userId, checkin.makeup?.review?.by ?? '']),
  ];
  const [challenges, events, users] = await Promise.all([
    fieldsByIds(
      ctx.db,
      'challenges',
      [...claims, ...milestones].map((one) => one.challengeId),
      ['title', 'leagueOrgId'],
    ),
    mapByIds(
      ctx.db,
      'events',
      checkins.map((checkin) => checkin.eventId),
    ),
    usersById(ctx, userIds),
  ]);
  return { challenges: new Map(challenges.map((challenge) => [challenge._id, challenge])), events, users };
}

function claimDrafts(teamId: string, sources: Sources, refs: Refs, inPeriod: (at: number | undefined) => boolean): Draft[] {
  const claims = sources.claims.filter((claim) => claim.teamId === teamId);
  if (!claims.length) return [];
  const gates: Draft[] = sources.milestones.flatMap((milestone): Draft[] => {
    const review = milestone.review;
    if (milestone.teamId !== teamId || !review || !inPeriod(review.at)) return [];
    const claim = claims.find((one) => one._id === milestone.claimId);
    const challenge = refs.challenges.get(milestone.challengeId);
    return [
      {
        id: letterItemId('gate', milestone._id),
        kind: 'gate',
        refId: milestone._id,
        title: `${challenge?.title ?? ''} · 节点「${milestone.title}」通过`,
        detail: milestone.criterion,
        memberIds: claim?.plan.memberIds ?? [],
        established: { kind: 'person', by: review.by, leagueOrgId: challenge?.leagueOrgId ?? '' },
        confirmedAt: review.at,
      },
    ];
  });
  const results: Draft[] = claims.flatMap((claim): Draft[] => {
    const ended = claim.ended;
    if (!COUNTED_CLAIMS.includes(claim.status) || !ended || !inPeriod(ended.at)) return [];
    const challenge = refs.challenges.get(claim.challengeId);
    return [
      {
        id: letterItemId('claim', claim._id),
        kind: 'claim',
        refId: claim._id,
        title: `${challenge?.title ?? ''} · ${CLAIM_RESULT[claim.status]}`,
        detail: ended.reason,
        memberIds: claim.plan.memberIds,
        established: { kind: 'person', by: ended.by, leagueOrgId: challenge?.leagueOrgId ?? '' },
        confirmedAt: ended.at,
      },
    ];
  });
  return [...gates, ...results];
}

/** On-site: the checks the system made, and no person; a make-up: who approved it. Null when neither holds. */
function attendanceBasis(checkin: Checkin, event: TeamEvent): { established: Established; at: number } | null {
  if (checkin.status === 'makeupApproved' && checkin.makeup?.review)
    return { established: { kind: 'makeup', by: checkin.makeup.review.by, leagueOrgId: event.leagueOrgId }, at: checkin.makeup.review.at };
  if (checkin.status !== 'signed' || !checkin.signals) return null;
  const method = signInChecks(event.mode, checkin.signals);
  return method ? { established: { kind: 'system', method }, at: checkin.signals.at } : null;
}

function attendanceDraft(checkin: Checkin, event: TeamEvent): Draft | null {
  const basis = attendanceBasis(checkin, event);
  if (!basis) return null;
  const { established } = basis;
  return {
    id: letterItemId('attendance', checkin._id),
    kind: 'attendance',
    refId: checkin._id,
    title: event.title,
    detail: established.kind === 'system' ? onSiteDetail(established.method) : MAKEUP_DETAIL,
    memberIds: [checkin.userId],
    established,
    confirmedAt: basis.at,
  };
}

function attendanceDrafts(teamId: string, sources: Sources, refs: Refs, start: number, end: number): Draft[] {
  return sources.checkins.flatMap((checkin): Draft[] => {
    const event = refs.events.get(checkin.eventId);
    if (checkin.teamId !== teamId || !event || event.startAt < start || event.startAt > end) return [];
    const draft = attendanceDraft(checkin, event);
    return draft ? [draft] : [];
  });
}

/** A person's basis names them and the org they acted for (their own organizer role's, else their unit). */
function basisOf(established: Established, users: Map<string, User>, orgs: Org[]): LetterBasis {
  if (established.kind === 'system') return { kind: 'system', method: established.method };
  const user = users.get(established.by);
  const actingOrgId = user ? actingLeagueOrgId(orgs, user, established.leagueOrgId) : null;
  return {
    kind: established.kind,
    by: established.by,
    byName: displayName(user),
    orgName: actingOrgId ? orgName(orgs, actingOrgId) : (user?.unitName ?? ''),
  };
}

/**
 * Every confirmed record of one team in the period, oldest first, with names filled in, from what
 * was read. Nothing established after `asOf` (the issue moment) is included, whatever the period says.
 */
export function recordsOf(
  teamId: string,
  sources: Sources,
  refs: Refs,
  orgs: Org[],
  period: { from: string; to: string },
  asOf: number,
): LetterItem[] {
  const { start, end } = periodBounds(period.from, period.to);
  const inPeriod = (at: number | undefined) => at !== undefined && at >= start && at <= end;
  const achievements = sources.achievements.flatMap((achievement) => {
    const draft = achievement.teamId === teamId ? achievementDraft(achievement) : null;
    return draft ? [draft] : [];
  });
  const drafts = [...achievements, ...claimDrafts(teamId, sources, refs, inPeriod), ...attendanceDrafts(teamId, sources, refs, start, end)]
    .filter((item) => item.confirmedAt <= asOf)
    .sort((a, b) => a.confirmedAt - b.confirmedAt || a.id.localeCompare(b.id));
  return drafts.map(({ established, ...item }) => ({
    ...item,
    memberNames: item.memberIds.map((userId) => displayName(refs.users.get(userId))),
    basis: basisOf(established, refs.users, orgs),
  }));
}

/** Every confirmed record of the team in the period: two rounds of reads. */
export async function confirmedRecords(ctx: Ctx, team: Team, from: string, to: string, asOf = ctx.now()): Promise<LetterItem[]> {
  const [sources, orgs] = await Promise.all([readSources(ctx, [team._id], from, to), loadOrgs(ctx)]);
  return recordsOf(team._id, sources, await readRefs(ctx, sources), orgs, { from, to }, asOf);
}

type Verdict = { verdict: VerifyVerdict; current: string };

/** The record still stands as stated unless its basis changed: another person, or other checks. */
function settle(stated: LetterBasis, now: BasisKey, same: string): Verdict {
  if (now.kind === 'system') {
    if (stated.kind === 'system' && stated.method === now.method) return { verdict: 'same', current: same };
    return { verdict: 'changed', current: `现为${onSiteDetail(now.method)}` };
  }
  if (stated.kind === now.kind && stated.by === now.by) return { verdict: 'same', current: same };
  return { verdict: 'changed', current: now.kind === 'person' ? '确认人已变化' : '补签审核人已变化' };
}

function verifyAchievement(achievement: Achievement | undefined, item: LetterItem): Verdict {
  if (!achievement) return { verdict: 'revoked', current: '成果记录已不存在' };
  const confirmation = achievement.status === 'confirmed' ? achievement.confirmation : null;
  if (confirmation?.at === item.confirmedAt && achievement.title === item.title)
    return settle(statedBasis(item), { kind: 'person', by: confirmation.by }, '仍为已确认状态');
  if (achievement.status === 'confirmed') return { verdict: 'changed', current: '成果已修改并重新确认' };
  if (achievement.versions.some((version) => version.confirmation.at === item.confirmedAt))
    return { verdict: 'changed', current: '成果已修改，正在重新确认' };
  return { verdict: 'revoked', current: '成果已不在确认状态' };
}

function verifyGate(milestone: Milestone | undefined, item: LetterItem): Verdict {
  if (milestone?.status !== 'passed') return { verdict: 'revoked', current: '节点已不是通过状态' };
  if (milestone.review?.at !== item.confirmedAt) return { verdict: 'changed', current: '节点评审记录已变化' };
  return settle(statedBasis(item), { kind: 'person', by: milestone.review.by }, '节点仍为通过');
}

function verifyClaim(claim: Claim | undefined, item: LetterItem): Verdict {
  if (!claim || !COUNTED_CLAIMS.includes(claim.status)) return { verdict: 'revoked', current: '揭榜结果已变化' };
  if (claim.ended?.at !== item.confirmedAt) return { verdict: 'changed', current: '揭榜结果记录已变化' };
  return settle(statedBasis(item), { kind: 'person', by: claim.ended.by }, `仍为${CLAIM_RESULT[claim.status]}`);
}

function verifyAttendance(checkin: Checkin | undefined, event: TeamEvent | undefined, item: LetterItem): Verdict {
  const draft = checkin && event ? attendanceDraft(checkin, event) : null;
  if (!draft) return { verdict: 'revoked', current: '出勤记录已不成立' };
  if (draft.confirmedAt !== item.confirmedAt) return { verdict: 'changed', current: '出勤记录已变化' };
  return settle(statedBasis(item), draft.established, draft.established.kind === 'system' ? '现场签到' : '补签');
}

/** An attendance item's event, from its check-in id (`eventId_userId`), so both are read at once. */
function eventIdOf(item: LetterItem): string {
  const suffix = `_${item.memberIds[0] ?? ''}`;
  return item.refId.endsWith(suffix) ? item.refId.slice(0, -suffix.length) : '';
}

/** How each of a letter's items stands against the records now: the record and how it was established. One round of reads. */
export async function verifyItems(ctx: Ctx, items: LetterItem[]): Promise<Verdict[]> {
  const refs = (kind: LetterItem['kind']) => items.filter((item) => item.kind === kind).map((item) => item.refId);
  const attendance = items.filter((item) => item.kind === 'attendance');
  const [achievements, milestones, claims, checkins, events] = await Promise.all([
    mapByIds(ctx.db, 'achievements', refs('achievement')),
    mapByIds(ctx.db, 'milestones', refs('gate')),
    mapByIds(ctx.db, 'claims', refs('claim')),
    mapByIds(ctx.db, 'eventCheckins', refs('attendance')),
    mapByIds(ctx.db, 'events', attendance.map(eventIdOf)),
  ]);
  // A check-in whose id does not name its event (not written by this app) has its event read apart.
  const strays = [...checkins.values()].filter((checkin) => !events.has(checkin.eventId)).map((checkin) => checkin.eventId);
  if (strays.length) for (const [id, event] of await mapByIds(ctx.db, 'events', strays)) events.set(id, event);
  return items.map((item) => {
    if (item.kind === 'achievement') return verifyAchievement(achievements.get(item.refId), item);
    if (item.kind === 'gate') return verifyGate(milestones.get(item.refId), item);
    if (item.kind === 'claim') return verifyClaim(claims.get(item.refId), item);
    const checkin = checkins.get(item.refId);
    return verifyAttendance(checkin, checkin ? events.get(checkin.eventId) : undefined, item);
  });
}
