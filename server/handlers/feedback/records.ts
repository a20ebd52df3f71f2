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
import type { Achievement, Challenge, Checkin, LetterBasis, LetterItem, Org, Team, TeamEvent, User } from '../../../core/types';
import { findAll, findById, findMany } from '../../db/collections';
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

function achievementDraft(achievement: Achievement): Draft {
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
    established: { kind: 'person', by: achievement.confirmation!.by, leagueOrgId: achievement.leagueOrgId },
    confirmedAt: achievement.confirmation!.at,
  };
}

async function achievementItems(ctx: Ctx, teamId: string, start: number, end: number): Promise<Draft[]> {
  const _ = ctx.db.command;
  const confirmed = await findAll(ctx.db, 'achievements', { teamId, status: 'confirmed', confirmedAt: _.gte(start).and(_.lte(end)) });
  return confirmed.map(achievementDraft);
}

async function challengesOf(ctx: Ctx, challengeIds: string[]): Promise<Map<string, ChallengeRef>> {
  if (!challengeIds.length) return new Map();
  const challenges = await findMany(
    'challenges',
    ctx.db
      .collection('challenges')
      .where({ _id: ctx.db.command.in([...new Set(challengeIds)]) })
      .field({ _id: true, title: true, leagueOrgId: true })
      .limit(1000),
  );
  return new Map(challenges.map((challenge) => [challenge._id, challenge]));
}

async function claimItems(ctx: Ctx, teamId: string, start: number, end: number): Promise<Draft[]> {
  const claims = await findAll(ctx.db, 'claims', { teamId });
  const milestones = claims.length ? await findAll(ctx.db, 'milestones', { teamId, status: 'passed' }) : [];
  const challenges = await challengesOf(
    ctx,
    claims.map((claim) => claim.challengeId),
  );
  const inPeriod = (at: number | undefined) => at !== undefined && at >= start && at <= end;
  const gates: Draft[] = milestones
    .filter((milestone) => inPeriod(milestone.review?.at))
    .map((milestone) => {
      const claim = claims.find((one) => one._id === milestone.claimId);
      const challenge = challenges.get(milestone.challengeId);
      return {
        id: letterItemId('gate', milestone._id),
        kind: 'gate',
        refId: milestone._id,
        title: `${challenge?.title ?? ''} · 节点「${milestone.title}」通过`,
        detail: milestone.criterion,
        memberIds: claim?.plan.memberIds ?? [],
        established: { kind: 'person', by: milestone.review!.by, leagueOrgId: challenge?.leagueOrgId ?? '' },
        confirmedAt: milestone.review!.at,
      };
    });
  const results: Draft[] = claims
    .filter((claim) => COUNTED_CLAIMS.includes(claim.status) && inPeriod(claim.ended?.at))
    .map((claim) => {
      const challenge = challenges.get(claim.challengeId);
      return {
        id: letterItemId('claim', claim._id),
        kind: 'claim',
        refId: claim._id,
        title: `${challenge?.title ?? ''} · ${CLAIM_RESULT[claim.status]}`,
        detail: claim.ended!.reason,
        memberIds: claim.plan.memberIds,
        established: { kind: 'person', by: claim.ended!.by, leagueOrgId: challenge?.leagueOrgId ?? '' },
        confirmedAt: claim.ended!.at,
      };
    });
  return [...gates, ...results];
}

/** On-site: the checks the system made, and no person; a make-up: who approved it. Null when neither holds. */
function attendanceBasis(checkin: Checkin, event: TeamEvent): Established | null {
  if (checkin.status === 'makeupApproved' && checkin.makeup?.review)
    return { kind: 'makeup', by: checkin.makeup.review.by, leagueOrgId: event.leagueOrgId };
  if (checkin.status !== 'signed' || !checkin.signals) return null;
  const method = signInChecks(event.mode, checkin.signals);
  return method ? { kind: 'system', method } : null;
}

function attendanceDraft(checkin: Checkin, event: TeamEvent): Draft | null {
  const established = attendanceBasis(checkin, event);
  if (!established) return null;
  const onsite = established.kind === 'system';
  return {
    id: letterItemId('attendance', checkin._id),
    kind: 'attendance',
    refId: checkin._id,
    title: event.title,
    detail: onsite ? onSiteDetail(established.method) : MAKEUP_DETAIL,
    memberIds: [checkin.userId],
    established,
    confirmedAt: onsite ? checkin.signals!.at : checkin.makeup!.review!.at,
  };
}

async function attendanceItems(ctx: Ctx, teamId: string, start: number, end: number): Promise<Draft[]> {
  const checkins = (await findAll(ctx.db, 'eventCheckins', { teamId })).filter(
    (checkin) => checkin.status === 'signed' || checkin.status === 'makeupApproved',
  );
  const eventIds = [...new Set(checkins.map((checkin) => checkin.eventId))];
  const events = eventIds.length
    ? await findMany(
        'events',
        ctx.db
          .collection('events')
          .where({ _id: ctx.db.command.in(eventIds) })
          .limit(1000),
      )
    : [];
  return checkins.flatMap((checkin): Draft[] => {
    const event = events.find((one) => one._id === checkin.eventId);
    if (!event || event.startAt < start || event.startAt > end) return [];
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
 * Every confirmed record of the team in the period, oldest first, with names filled in. Nothing
 * established after `asOf` (the issue moment) is included, whatever the period says.
 */
export async function confirmedRecords(ctx: Ctx, team: Team, from: string, to: string, asOf = ctx.now()): Promise<LetterItem[]> {
  const { start, end } = periodBounds(from, to);
  const drafts = [
    ...(await achievementItems(ctx, team._id, start, end)),
    ...(await claimItems(ctx, team._id, start, end)),
    ...(await attendanceItems(ctx, team._id, start, end)),
  ]
    .filter((item) => item.confirmedAt <= asOf)
    .sort((a, b) => a.confirmedAt - b.confirmedAt || a.id.localeCompare(b.id));
  const users = await usersById(
    ctx,
    drafts.flatMap((item) => [...item.memberIds, item.established.kind === 'system' ? '' : item.established.by]),
  );
  const orgs = await loadOrgs(ctx);
  return drafts.map(({ established, ...item }) => ({
    ...item,
    memberNames: item.memberIds.map((userId) => displayName(users.get(userId))),
    basis: basisOf(established, users, orgs),
  }));
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

async function verifyAchievement(ctx: Ctx, item: LetterItem): Promise<Verdict> {
  const achievement = await findById(ctx.db, 'achievements', item.refId);
  if (!achievement) return { verdict: 'revoked', current: '成果记录已不存在' };
  const stillConfirmed = achievement.status === 'confirmed' && achievement.confirmation?.at === item.confirmedAt;
  if (stillConfirmed && achievement.title === item.title)
    return settle(statedBasis(item), { kind: 'person', by: achievement.confirmation!.by }, '仍为已确认状态');
  if (achievement.status === 'confirmed') return { verdict: 'changed', current: '成果已修改并重新确认' };
  if (achievement.versions.some((version) => version.confirmation.at === item.confirmedAt))
    return { verdict: 'changed', current: '成果已修改，正在重新确认' };
  return { verdict: 'revoked', current: '成果已不在确认状态' };
}

async function verifyGate(ctx: Ctx, item: LetterItem): Promise<Verdict> {
  const milestone = await findById(ctx.db, 'milestones', item.refId);
  if (milestone?.status !== 'passed') return { verdict: 'revoked', current: '节点已不是通过状态' };
  if (milestone.review?.at !== item.confirmedAt) return { verdict: 'changed', current: '节点评审记录已变化' };
  return settle(statedBasis(item), { kind: 'person', by: milestone.review.by }, '节点仍为通过');
}

async function verifyClaim(ctx: Ctx, item: LetterItem): Promise<Verdict> {
  const claim = await findById(ctx.db, 'claims', item.refId);
  if (!claim || !COUNTED_CLAIMS.includes(claim.status)) return { verdict: 'revoked', current: '揭榜结果已变化' };
  if (claim.ended?.at !== item.confirmedAt) return { verdict: 'changed', current: '揭榜结果记录已变化' };
  return settle(statedBasis(item), { kind: 'person', by: claim.ended.by }, `仍为${CLAIM_RESULT[claim.status]}`);
}

async function verifyAttendance(ctx: Ctx, item: LetterItem): Promise<Verdict> {
  const checkin = await findById(ctx.db, 'eventCheckins', item.refId);
  const event = checkin ? await findById(ctx.db, 'events', checkin.eventId) : null;
  const draft = checkin && event ? attendanceDraft(checkin, event) : null;
  if (!draft) return { verdict: 'revoked', current: '出勤记录已不成立' };
  if (draft.confirmedAt !== item.confirmedAt) return { verdict: 'changed', current: '出勤记录已变化' };
  return settle(statedBasis(item), draft.established, draft.established.kind === 'system' ? '现场签到' : '补签');
}

const VERIFIERS: Record<LetterItem['kind'], (ctx: Ctx, item: LetterItem) => Promise<Verdict>> = {
  achievement: verifyAchievement,
  gate: verifyGate,
  claim: verifyClaim,
  attendance: verifyAttendance,
};

/** How a letter's item stands against the records now: the record and how it was established. */
export function verifyItem(ctx: Ctx, item: LetterItem): Promise<Verdict> {
  return VERIFIERS[item.kind](ctx, item);
}
