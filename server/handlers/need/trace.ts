/**
 * One line from a need to its results (§5), oldest first: the need's steps, its challenge with the
 * 征榜 review, the claims, gates, achievements and transfers that followed. Three rounds: the need
 * (with the access check), then everything keyed by the challenge, then the transfers of its
 * achievements.
 */
import { ACHIEVEMENT_STATUSES } from '../../../core/achievement-rules';
import type { Challenge, Need, Org, Transfer, User } from '../../../core/types';
import type { TraceEntry } from '../../../core/views';
import { findById } from '../../db/collections';
import { find } from '../../db/query';
import type { Database } from '../../db/types';
import { reviewsIn } from '../../runtime/access';
import type { Handler } from '../../runtime/function';
import { isEnterpriseContact, takesNeedsIn } from '../../runtime/need-roles';
import {
  achievementEntries,
  challengeEntries,
  claimEntries,
  confirmedAmountOf,
  gateEntries,
  mergedEntry,
  needEntries,
  transferEntries,
} from './trace-entries';
import { isPublicNeed } from './views';

/** Everything linked to the challenge, read together. */
async function readChallengeLine(db: Database, challengeId: string | null) {
  if (!challengeId) return { challenge: null, claims: [], milestones: [], achievements: [], transfers: [] };
  const _ = db.command;
  const [challenge, claims, milestones, achievements, transfers] = await Promise.all([
    findById(db, 'challenges', challengeId),
    find(db, 'claims', { challengeId }),
    find(db, 'milestones', { challengeId }),
    // Every status: an achievement edited after its confirmation is still on the line. The status
    // condition lets the (status, challengeId, …) index serve the read.
    find(db, 'achievements', { status: _.in([...ACHIEVEMENT_STATUSES]), challengeId, confirmedAt: _.gt(0) }),
    find(db, 'transfers', { challengeId }),
  ]);
  return { challenge, claims, milestones, achievements, transfers };
}

/** Transfers recorded on the achievements that the challenge-keyed read did not find. */
async function readAchievementTransfers(db: Database, achievementIds: string[], known: Transfer[]): Promise<Transfer[]> {
  if (!achievementIds.length) return known;
  const more = await find(db, 'transfers', { achievementId: db.command.in(achievementIds) });
  const seen = new Set(known.map((transfer) => transfer._id));
  return [...known, ...more.filter((transfer) => !seen.has(transfer._id))];
}

/** The experts' comments, as the 征榜 page gives them: to the organizers and cadres over the challenge, the enterprise and the bound experts. */
function seesExpertComments(orgs: Org[], caller: User, challenge: Challenge): boolean {
  const solicit = challenge.solicit;
  return (
    takesNeedsIn(orgs, caller, challenge.leagueOrgId) ||
    isEnterpriseContact(caller, solicit?.enterpriseId) ||
    !!solicit?.experts.some((expert) => expert.userId === caller._id)
  );
}

export const trace: Handler<'need', 'trace'> = async ({ ctx, caller, need, orgs }) => {
  const mergedInto = need.outcome?.mergedInto ?? null;
  const [line, into] = await Promise.all([
    readChallengeLine(ctx.db, need.outcome?.challengeId ?? null),
    mergedInto ? findById(ctx.db, 'needs', mergedInto) : Promise.resolve(null),
  ]);
  const achievements = line.achievements.filter((achievement) => !achievement.hidden);
  const transfers = await readAchievementTransfers(
    ctx.db,
    achievements.map((achievement) => achievement._id),
    line.transfers,
  );
  // The other need is named only to whom it would show (its cadres, its enterprise, or anyone when public).
  const visible = (other: Need | null) =>
    other &&
    other.status !== 'draft' &&
    (isPublicNeed(other) || isEnterpriseContact(caller, other.enterpriseId) || takesNeedsIn(orgs, caller, other.leagueOrgId))
      ? other
      : null;
  const challenge = line.challenge;
  const entries: TraceEntry[] = [
    ...needEntries(need, !!challenge),
    ...mergedEntry(need, visible(into)),
    ...(challenge ? challengeEntries(challenge, seesExpertComments(orgs, caller, challenge)) : []),
    ...claimEntries(line.claims),
    // The enterprise is no reviewer of the challenge unless bound as its reviewer.
    ...gateEntries(line.milestones, line.claims, !!challenge && reviewsIn(orgs, caller, challenge)),
    ...achievementEntries(achievements),
    ...transferEntries(transfers),
  ];
  return {
    need: { id: need._id, title: need.title, enterpriseName: need.enterpriseName, status: need.status },
    entries: entries.sort((a, b) => a.at - b.at),
    confirmedAmount: confirmedAmountOf(transfers),
  };
};

export const traceHandlers = { trace };
