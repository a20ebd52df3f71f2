/** What waits for the caller, counted in one round of parallel queries after one read of who they review for. */
import type { TodoCounts } from '../../../core/views';
import type { User } from '../../../core/types';
import { count, findFields } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { membershipsOf } from '../../runtime/lookups';
import { isOrganizer, loadOrgs, managedLeagueOrgIds } from '../../runtime/orgs';
import { confirmScopes } from '../achievement/review';

const UNSIGNED_LETTERS = ['issued', 'opened'];
const REVIEWING: string[] = ['open', 'in_progress'];

export async function todoCounts(ctx: Ctx, caller: User): Promise<TodoCounts> {
  const _ = ctx.db.command;
  const organizer = isOrganizer(caller);
  const contactOrgs = caller.roles.filter((grant) => grant.role === 'partyContact').map((grant) => grant.scopeId);
  const [orgs, reviewed, memberships, expertOf] = await Promise.all([
    organizer ? loadOrgs(ctx) : Promise.resolve([]),
    findFields(ctx.db, 'challenges', { reviewerId: caller._id }, ['status']),
    membershipsOf(ctx, caller._id),
    // A 征榜 expert reviews drafts: 我的 leads them back to 我评审的榜单.
    count(ctx.db, 'challenges', { expertIds: caller._id }),
  ]);
  const managed = [...managedLeagueOrgIds(orgs, caller)];
  const scopes = confirmScopes(ctx, managed, reviewed);
  const ownTeams = memberships.map((member) => member.teamId);
  const [teamApplications, achievementsToConfirm, unreadNotices, lettersToAcknowledge, reportsToHandle] = await Promise.all([
    managed.length ? count(ctx.db, 'teams', { status: 'pending', leagueOrgId: _.in(managed) }) : 0,
    scopes.length
      ? count(
          ctx.db,
          'achievements',
          _.and([{ status: 'submitted', teamId: _.nin(ownTeams) }, scopes.length === 1 ? scopes[0] : _.or(scopes)]),
        )
      : 0,
    count(ctx.db, 'noticeReads', { userId: caller._id, readAt: null }),
    contactOrgs.length ? count(ctx.db, 'letters', { partyOrgId: _.in(contactOrgs), status: _.in(UNSIGNED_LETTERS) }) : 0,
    managed.length ? count(ctx.db, 'reports', { status: 'open', leagueOrgId: _.in(managed) }) : 0,
  ]);
  // Only challenges still being raced wait for a reviewer; ended ones stay listed but count for nothing.
  const reviewingChallenges = reviewed.filter((challenge) => REVIEWING.includes(challenge.status)).length;
  const isReviewer = reviewed.some((challenge) => challenge.status !== 'draft') || expertOf > 0;
  return { teamApplications, achievementsToConfirm, unreadNotices, lettersToAcknowledge, reportsToHandle, reviewingChallenges, isReviewer };
}
