/**
 * 待办: everything waiting for an organizer in the league orgs they manage, one item per queue
 * (nothing waiting is an item too, with a count of 0). The org tree came with the access check;
 * the queues are read in at most two more rounds: what they hang on (memberships, the orgs' open
 * challenges, events and recent notices) alongside the queues that need nothing, then the rest.
 * The 企业点单 queues (worklist-needs.ts) need nothing but the orgs: one round each.
 */
import { WORK_KINDS, WORK_LABELS } from '../../../core/cockpit-rules';
import type { WorkItem, Worklist } from '../../../core/views';
import { findFields } from '../../db/query';
import { early } from '../../runtime/early';
import type { Handler } from '../../runtime/function';
import { membershipsOf } from '../../runtime/lookups';
import { loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { enterpriseApplications, interestsToForward, needResponsesOverdue, needsToTake } from './worklist-needs';
import {
  achievementsToConfirm,
  claimableChallenges,
  claimsToReview,
  gatesToReview,
  lettersOverdue,
  makeupRequests,
  managedEvents,
  pushProblems,
  recentNotices,
  refreshOverdue,
  reports,
  teamApplications,
  type Queue,
  type Scope,
} from './worklist-queues';

function itemOf(queue: Queue): WorkItem {
  return {
    kind: queue.kind,
    label: WORK_LABELS[queue.kind],
    count: queue.count,
    examples: queue.links.map((link) => link.name),
    url: queue.url,
    links: queue.links,
  };
}

export const worklist: Handler<'cockpit', 'worklist'> = async ({ ctx, caller }) => {
  const managed = [...managedLeagueOrgIds(await loadOrgs(ctx), caller)];
  const scope: Scope = {
    ctx,
    managed,
    ownTeams: early(membershipsOf(ctx, caller._id).then((members) => members.map((member) => member.teamId))),
    now: ctx.now(),
  };
  const challenges = early(claimableChallenges(scope));
  const queues = await Promise.all([
    teamApplications(scope),
    achievementsToConfirm(scope, early(findFields(ctx.db, 'challenges', { reviewerId: caller._id }, ['_id']))),
    claimsToReview(scope, challenges),
    gatesToReview(scope, challenges),
    makeupRequests(scope, early(managedEvents(scope))),
    refreshOverdue(scope),
    lettersOverdue(scope),
    reports(scope),
    pushProblems(scope, early(recentNotices(scope))),
    needsToTake(scope),
    needResponsesOverdue(scope),
    enterpriseApplications(scope),
    interestsToForward(scope),
  ]);
  const byKind = new Map(queues.map((queue) => [queue.kind, queue]));
  const items = WORK_KINDS.map((kind) => itemOf(byKind.get(kind) ?? { kind, count: 0, links: [], url: '' }));
  return { items, total: items.reduce((sum, item) => sum + item.count, 0) } satisfies Worklist;
};
