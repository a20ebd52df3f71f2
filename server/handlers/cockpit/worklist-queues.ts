/**
 * Each queue of the worklist: how many wait in the organizer's league orgs and the first few, each
 * with the page that handles it. A queue is a count and a three-item read started together; those
 * that depend on other records (the orgs' open challenges, events, recent notices) wait only for them.
 */
import type { WorkKind } from '../../../core/cockpit-rules';
import { ACK_REMIND_DAYS } from '../../../core/feedback-rules';
import { REPORT_REASON_LABELS, REPORT_TARGET_LABELS } from '../../../core/report-rules';
import { REFRESH_AFTER_DAYS } from '../../../core/team-rules';
import { DAY_MS } from '../../../core/time';
import type { CollectionName, Collections } from '../../db/collections';
import { count, findFields, type FindOptions } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { noticeDedupeKey, noticePage } from '../notice/delivery';
import { PAGES } from './pages';

export type Link = { name: string; url: string };
/** One queue as counted: `url` is where the card leads (the queue's list, or where its first item is handled). */
export type Queue = { kind: WorkKind; count: number; links: Link[]; url: string };

export const EXAMPLES = 3;
/** Pushes are looked at for the notices of the last 30 days: older failures are nothing left to act on. */
export const PUSH_WINDOW_DAYS = 30;
const CLAIMABLE = ['open', 'in_progress'];
const UNSIGNED = ['issued', 'opened'];
const PUSH_PROBLEMS = ['failed', 'unknown'];

/** What every queue knows: the league orgs the caller manages, the teams they are on, now. */
export type Scope = { ctx: Ctx; managed: string[]; ownTeams: Promise<string[]>; now: number };

/** How many match, and the first few with the given fields. */
export async function counted<K extends CollectionName, F extends keyof Collections[K]>(
  ctx: Ctx,
  name: K,
  where: object,
  fields: readonly F[],
  orderBy: FindOptions['orderBy'],
) {
  return Promise.all([count(ctx.db, name, where), findFields(ctx.db, name, where, fields, { orderBy, limit: EXAMPLES })]);
}

export function queue(kind: WorkKind, total: number, links: Link[], url: string): Queue {
  return { kind, count: total, links, url };
}

/** Where the first item is handled, or `fallback` when nothing waits. */
export const first = (links: Link[], fallback: string) => links[0]?.url ?? fallback;

export async function teamApplications({ ctx, managed }: Scope): Promise<Queue> {
  const where = { status: 'pending', leagueOrgId: ctx.db.command.in(managed) };
  const [total, teams] = await counted(ctx, 'teams', where, ['name'], [['appliedAt', 'asc']]);
  const links = teams.map((team) => ({ name: team.name, url: PAGES.teamApplications }));
  return queue('teamApplications', total, links, PAGES.teamApplications);
}

/** Counted as 我的 counts them: the orgs' teams and the challenges the caller reviews, not the caller's own teams. */
export async function achievementsToConfirm({ ctx, managed, ownTeams }: Scope, reviewed: Promise<{ _id: string }[]>): Promise<Queue> {
  const _ = ctx.db.command;
  const [own, challenges] = await Promise.all([ownTeams, reviewed]);
  const scopes: object[] = [{ leagueOrgId: _.in(managed) }];
  if (challenges.length) scopes.push({ challengeId: _.in(challenges.map((challenge) => challenge._id)) });
  const where = _.and([{ status: 'submitted', teamId: _.nin(own) }, scopes.length === 1 ? scopes[0] : _.or(scopes)]);
  const [total, items] = await counted(ctx, 'achievements', where, ['title'], [['submittedAt', 'asc']]);
  const links = items.map((item) => ({ name: item.title, url: PAGES.achievement(item._id) }));
  return queue('achievementsToConfirm', total, links, PAGES.achievementReview);
}

/** The orgs' challenges that still take claims or gates (claims and gates carry no org of their own). */
export function claimableChallenges({ ctx, managed }: Scope) {
  const _ = ctx.db.command;
  return findFields(ctx.db, 'challenges', { status: _.in(CLAIMABLE), leagueOrgId: _.in(managed) }, ['title']);
}

type Titled = { _id: string; title: string }[];

export async function claimsToReview({ ctx, ownTeams }: Scope, challenges: Promise<Titled>): Promise<Queue> {
  const _ = ctx.db.command;
  const [own, open] = await Promise.all([ownTeams, challenges]);
  if (!open.length) return queue('claimsToReview', 0, [], '');
  const titles = new Map(open.map((challenge) => [challenge._id, challenge.title]));
  const where = { challengeId: _.in([...titles.keys()]), status: 'applied', teamId: _.nin(own) };
  const [total, claims] = await counted(ctx, 'claims', where, ['challengeId', 'teamId', 'teamName'], [['appliedAt', 'asc']]);
  const links = claims.map((claim) => ({
    name: `「${claim.teamName}」揭榜「${titles.get(claim.challengeId) ?? ''}」`,
    url: PAGES.claim(claim.challengeId, claim.teamId),
  }));
  return queue('claimsToReview', total, links, claims[0] ? PAGES.challenge(claims[0].challengeId) : '');
}

export async function gatesToReview({ ctx, ownTeams }: Scope, challenges: Promise<Titled>): Promise<Queue> {
  const _ = ctx.db.command;
  const [own, open] = await Promise.all([ownTeams, challenges]);
  if (!open.length) return queue('gatesToReview', 0, [], '');
  const titles = new Map(open.map((challenge) => [challenge._id, challenge.title]));
  const where = { status: 'submitted', challengeId: _.in([...titles.keys()]), teamId: _.nin(own) };
  const [total, gates] = await counted(ctx, 'milestones', where, ['challengeId', 'teamId', 'title'], [['dueAt', 'asc']]);
  const links = gates.map((gate) => ({
    name: `「${titles.get(gate.challengeId) ?? ''}」节点「${gate.title}」`,
    url: PAGES.claim(gate.challengeId, gate.teamId),
  }));
  return queue('gatesToReview', total, links, first(links, ''));
}

/** The orgs' events, newest first (make-up requests wait on them). */
export function managedEvents({ ctx, managed }: Scope) {
  return findFields(ctx.db, 'events', { leagueOrgId: ctx.db.command.in(managed) }, ['title'], {
    orderBy: [
      ['startAt', 'desc'],
      ['_id', 'desc'],
    ],
  });
}

/** Counted per request; listed per event (the attendance sheet is where they are decided). */
export async function makeupRequests({ ctx }: Scope, events: Promise<Titled>): Promise<Queue> {
  const known = await events;
  if (!known.length) return queue('makeupRequests', 0, [], PAGES.managedEvents);
  const where = { eventId: ctx.db.command.in(known.map((event) => event._id)), status: 'makeupRequested' };
  const [total, requests] = await Promise.all([
    count(ctx.db, 'eventCheckins', where),
    findFields(ctx.db, 'eventCheckins', where, ['eventId']),
  ]);
  const waiting = new Map<string, number>();
  for (const request of requests) waiting.set(request.eventId, (waiting.get(request.eventId) ?? 0) + 1);
  const links = known
    .filter((event) => waiting.has(event._id))
    .slice(0, EXAMPLES)
    .map((event) => ({ name: `「${event.title}」${waiting.get(event._id)} 人`, url: PAGES.attendance(event._id) }));
  return queue('makeupRequests', total, links, first(links, PAGES.managedEvents));
}

/** Registered teams whose details were last confirmed more than 90 days ago (the rule of core/team-rules.ts). */
export async function refreshOverdue({ ctx, managed, now }: Scope): Promise<Queue> {
  const _ = ctx.db.command;
  const where = { status: 'registered', leagueOrgId: _.in(managed), refreshedAt: _.lt(now - REFRESH_AFTER_DAYS * DAY_MS) };
  const [total, teams] = await counted(ctx, 'teams', where, ['name'], [['refreshedAt', 'asc']]);
  const links = teams.map((team) => ({ name: team.name, url: PAGES.team(team._id) }));
  return queue('refreshOverdue', total, links, PAGES.orgTeams);
}

/** Issued letters still not signed for a week after issue (when dispatch reminds the contact and flags them). */
export async function lettersOverdue({ ctx, managed, now }: Scope): Promise<Queue> {
  const _ = ctx.db.command;
  const where = { leagueOrgId: _.in(managed), status: _.in(UNSIGNED), issuedAt: _.lt(now - ACK_REMIND_DAYS * DAY_MS) };
  const [total, letters] = await counted(ctx, 'letters', where, ['teamName', 'refCode'], [['createdAt', 'asc']]);
  const links = letters.map((letter) => ({
    name: `「${letter.teamName}」反馈函 ${letter.refCode ?? ''}`.trim(),
    url: PAGES.letter(letter._id),
  }));
  return queue('lettersOverdue', total, links, PAGES.managedLetters);
}

export async function reports({ ctx, managed }: Scope): Promise<Queue> {
  const where = { leagueOrgId: ctx.db.command.in(managed), status: 'open' };
  const [total, open] = await counted(ctx, 'reports', where, ['targetKind', 'reason'], [['createdAt', 'asc']]);
  const links = open.map((report) => ({
    name: `举报${REPORT_TARGET_LABELS[report.targetKind]}（${REPORT_REASON_LABELS[report.reason]}）`,
    url: PAGES.reports,
  }));
  return queue('reports', total, links, PAGES.reports);
}

/** The orgs' notices of the last 30 days, newest first. */
export function recentNotices({ ctx, managed, now }: Scope) {
  const _ = ctx.db.command;
  return findFields(ctx.db, 'notices', { leagueOrgId: _.in(managed), createdAt: _.gte(now - PUSH_WINDOW_DAYS * DAY_MS) }, ['title'], {
    orderBy: [
      ['createdAt', 'desc'],
      ['_id', 'desc'],
    ],
  });
}

/**
 * Notices whose own subscribe messages (not their reminders: what the notice's stats count) ended
 * failed or unknown. A notice's messages are known by their page, so one read finds them all.
 */
export async function pushProblems({ ctx }: Scope, notices: Promise<Titled>): Promise<Queue> {
  const recent = await notices;
  if (!recent.length) return queue('pushProblems', 0, [], PAGES.managedNotices);
  const _ = ctx.db.command;
  const byPage = new Map(recent.map((notice) => [noticePage(notice._id), notice]));
  const items = await findFields(ctx.db, 'outbox', { status: _.in(PUSH_PROBLEMS), page: _.in([...byPage.keys()]) }, [
    'page',
    'userId',
    'dedupeKey',
    'status',
  ]);
  const problems = new Map<string, { failed: number; unknown: number }>();
  for (const item of items) {
    const notice = byPage.get(item.page);
    if (!notice || item.dedupeKey !== noticeDedupeKey(notice._id, item.userId)) continue;
    const tally = problems.get(notice._id) ?? { failed: 0, unknown: 0 };
    tally[item.status === 'failed' ? 'failed' : 'unknown'] += 1;
    problems.set(notice._id, tally);
  }
  const links = recent
    .filter((notice) => problems.has(notice._id))
    .slice(0, EXAMPLES)
    .map((notice) => {
      const tally = problems.get(notice._id) ?? { failed: 0, unknown: 0 };
      const parts = [tally.failed ? `失败 ${tally.failed}` : '', tally.unknown ? `未知 ${tally.unknown}` : ''].filter(Boolean);
      return { name: `「${notice.title}」${parts.join('、')}`, url: PAGES.noticeStats(notice._id) };
    });
  return queue('pushProblems', problems.size, links, first(links, PAGES.managedNotices));
}
