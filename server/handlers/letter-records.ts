/**
 * The records a letter may state: only what someone outside the team confirmed — confirmed
 * achievements, passed gates, won or completed claims, attendance (on-site, or a make-up the
 * organizer approved) — each with who confirmed it and when. The same rules re-check a letter later.
 */
import { ACHIEVEMENT_TYPE_LABELS } from '../../core/achievement-rules';
import { EVIDENCE_LABELS } from '../../core/evidence';
import { letterItemId, periodBounds, type VerifyVerdict } from '../../core/letter-rules';
import type { LetterItem, Team } from '../../core/types';
import { findAll, findById, findMany } from '../db/collections';
import type { Ctx } from '../runtime/context';
import { displayName } from '../runtime/users';
import { claimTitlesOf } from './challenge-views';
import { usersById } from './team-views';

type Draft = Omit<LetterItem, 'memberNames' | 'confirmedByName'>;

const COUNTED_CLAIMS = ['won', 'completed'];
const CLAIM_RESULT: Record<string, string> = { won: '夺榜', completed: '完成全部节点' };

async function achievementItems(ctx: Ctx, teamId: string, start: number, end: number): Promise<Draft[]> {
  const _ = ctx.db.command;
  const confirmed = await findAll(ctx.db, 'achievements', { teamId, status: 'confirmed', confirmedAt: _.gte(start).and(_.lte(end)) });
  return confirmed.map((achievement) => ({
    id: letterItemId('achievement', achievement._id),
    kind: 'achievement',
    refId: achievement._id,
    title: achievement.title,
    detail:
      achievement.evidence.kind === 'none'
        ? ACHIEVEMENT_TYPE_LABELS[achievement.type]
        : `${ACHIEVEMENT_TYPE_LABELS[achievement.type]} · ${EVIDENCE_LABELS[achievement.evidence.kind]} ${achievement.evidence.ref}`,
    memberIds: achievement.contributorIds,
    confirmedBy: achievement.confirmation!.by,
    confirmedAt: achievement.confirmation!.at,
  }));
}

async function claimItems(ctx: Ctx, teamId: string, start: number, end: number): Promise<Draft[]> {
  const claims = await findAll(ctx.db, 'claims', { teamId });
  const milestones = claims.length ? await findAll(ctx.db, 'milestones', { teamId, status: 'passed' }) : [];
  const titles = await claimTitlesOf(ctx, claims);
  const inPeriod = (at: number | undefined) => at !== undefined && at >= start && at <= end;
  const gates: Draft[] = milestones
    .filter((milestone) => inPeriod(milestone.review?.at))
    .map((milestone) => {
      const claim = claims.find((one) => one._id === milestone.claimId);
      return {
        id: letterItemId('gate', milestone._id),
        kind: 'gate',
        refId: milestone._id,
        title: `${titles.get(milestone.claimId) ?? ''} · 节点「${milestone.title}」通过`,
        detail: milestone.criterion,
        memberIds: claim?.plan.memberIds ?? [],
        confirmedBy: milestone.review!.by,
        confirmedAt: milestone.review!.at,
      };
    });
  const results: Draft[] = claims
    .filter((claim) => COUNTED_CLAIMS.includes(claim.status) && inPeriod(claim.ended?.at))
    .map((claim) => ({
      id: letterItemId('claim', claim._id),
      kind: 'claim',
      refId: claim._id,
      title: `${titles.get(claim._id) ?? ''} · ${CLAIM_RESULT[claim.status]}`,
      detail: claim.ended!.reason,
      memberIds: claim.plan.memberIds,
      confirmedBy: claim.ended!.by,
      confirmedAt: claim.ended!.at,
    }));
  return [...gates, ...results];
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
    const onsite = checkin.status === 'signed';
    return [
      {
        id: letterItemId('attendance', checkin._id),
        kind: 'attendance',
        refId: checkin._id,
        title: event.title,
        detail: onsite ? '现场签到（签到码与定位由系统核验）' : '补签（经主办方审核通过）',
        memberIds: [checkin.userId],
        // On-site: the organizer who ran the event stands behind the check; a make-up: whoever approved it.
        confirmedBy: onsite ? event.organizerId : checkin.makeup!.review!.by,
        confirmedAt: onsite ? checkin.signals!.at : checkin.makeup!.review!.at,
      },
    ];
  });
}

/** Every confirmed record of the team in the period, oldest first, with names filled in. */
export async function confirmedRecords(ctx: Ctx, team: Team, from: string, to: string): Promise<LetterItem[]> {
  const { start, end } = periodBounds(from, to);
  const drafts = [
    ...(await achievementItems(ctx, team._id, start, end)),
    ...(await claimItems(ctx, team._id, start, end)),
    ...(await attendanceItems(ctx, team._id, start, end)),
  ].sort((a, b) => a.confirmedAt - b.confirmedAt || a.id.localeCompare(b.id));
  const users = await usersById(
    ctx,
    drafts.flatMap((item) => [...item.memberIds, item.confirmedBy]),
  );
  return drafts.map((item) => ({
    ...item,
    memberNames: item.memberIds.map((userId) => displayName(users.get(userId))),
    confirmedByName: displayName(users.get(item.confirmedBy)),
  }));
}

/** How a letter's item stands against the records now. */
export async function verifyItem(ctx: Ctx, item: LetterItem): Promise<{ verdict: VerifyVerdict; current: string }> {
  if (item.kind === 'achievement') {
    const achievement = await findById(ctx.db, 'achievements', item.refId);
    if (!achievement) return { verdict: 'revoked', current: '成果记录已不存在' };
    const stillConfirmed = achievement.status === 'confirmed' && achievement.confirmation?.at === item.confirmedAt;
    if (stillConfirmed && achievement.title === item.title) return { verdict: 'same', current: '仍为已确认状态' };
    if (achievement.status === 'confirmed') return { verdict: 'changed', current: '成果已修改并重新确认' };
    if (achievement.versions.some((version) => version.confirmation.at === item.confirmedAt))
      return { verdict: 'changed', current: '成果已修改，正在重新确认' };
    return { verdict: 'revoked', current: '成果已不在确认状态' };
  }
  if (item.kind === 'gate') {
    const milestone = await findById(ctx.db, 'milestones', item.refId);
    if (milestone?.status !== 'passed') return { verdict: 'revoked', current: '节点已不是通过状态' };
    return milestone.review?.at === item.confirmedAt
      ? { verdict: 'same', current: '节点仍为通过' }
      : { verdict: 'changed', current: '节点评审记录已变化' };
  }
  if (item.kind === 'claim') {
    const claim = await findById(ctx.db, 'claims', item.refId);
    if (!claim || !COUNTED_CLAIMS.includes(claim.status)) return { verdict: 'revoked', current: '揭榜结果已变化' };
    return claim.ended?.at === item.confirmedAt
      ? { verdict: 'same', current: `仍为${CLAIM_RESULT[claim.status]}` }
      : { verdict: 'changed', current: '揭榜结果记录已变化' };
  }
  const checkin = await findById(ctx.db, 'eventCheckins', item.refId);
  if (!checkin || (checkin.status !== 'signed' && checkin.status !== 'makeupApproved'))
    return { verdict: 'revoked', current: '出勤记录已不成立' };
  const onsite = checkin.status === 'signed';
  const at = onsite ? checkin.signals?.at : checkin.makeup?.review?.at;
  return at === item.confirmedAt
    ? { verdict: 'same', current: onsite ? '现场签到' : '补签' }
    : { verdict: 'changed', current: '出勤记录已变化' };
}
