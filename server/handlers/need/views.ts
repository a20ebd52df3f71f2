/**
 * The views of a need: the card every list shows and the one detail every need action answers.
 * The enterprise's contacts and the need's cadres see everything (steps, thread, contact); anyone
 * else sees a public, submitted need without them or anyone's name (who took it, who decided),
 * and nothing at all of a draft, an organizers-only or a withdrawn need (NOT_FOUND, never
 * FORBIDDEN: its existence is not told).
 */
import { AppError } from '../../../core/errors';
import { allows } from '../../../core/machine';
import { NEED_MACHINE, type NeedEvent } from '../../../core/need-rules';
import type { Need, NeedMessage, Org, User } from '../../../core/types';
import type { NeedCard, NeedDetail } from '../../../core/views';
import { fieldsByIds, find, findFields } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { isEnterpriseContact, takesNeedsIn } from '../../runtime/need-roles';
import { managesIn, orgName } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';

export const NEED_HIDDEN = '找不到这条需求，可能已被撤回或删除';

/** People on a need's record by user id, as much of them as naming needs (full users will do). */
export type Named = Pick<User, '_id' | 'realName' | 'nickname'> & Pick<Partial<User>, 'hidden'>;
export type Names = ReadonlyMap<string, Named>;

const NAME_FIELDS = ['realName', 'nickname', 'hidden'] as const;

/** These users as far as naming them needs, in one query (those in `known` are not read again). */
export async function readNames(ctx: Ctx, ids: readonly string[], known: readonly Named[] = []): Promise<Map<string, Named>> {
  const names = new Map<string, Named>(known.map((user) => [user._id, user]));
  const missing = [...new Set(ids)].filter((id) => id && !names.has(id));
  if (missing.length) for (const user of await fieldsByIds(ctx.db, 'users', missing, NAME_FIELDS)) names.set(user._id, user);
  return names;
}

export const responseOverdue = (need: Pick<Need, 'status' | 'respondBy' | 'respondedAt'>, now: number) =>
  need.status === 'taken' && need.respondedAt === null && need.respondBy !== null && now > need.respondBy;

export function needCard(need: Need, names: Names, now: number): NeedCard {
  return {
    id: need._id,
    title: need.title,
    field: need.field,
    enterpriseName: need.enterpriseName,
    status: need.status,
    visibility: need.visibility,
    budget: need.budget,
    submittedAt: need.submittedAt,
    updatedAt: need.updatedAt,
    ownerName: need.ownerId ? displayName(names.get(need.ownerId)) : null,
    responseOverdue: responseOverdue(need, now),
    respondBy: need.respondBy,
    respondedAt: need.respondedAt,
  };
}

/** Where the caller stands on the need; a draft is its enterprise's alone. */
export function standing(caller: User, need: Need, orgs: Org[]) {
  const isEnterprise = isEnterpriseContact(caller, need.enterpriseId);
  const isCadre = need.status !== 'draft' && takesNeedsIn(orgs, caller, need.leagueOrgId);
  return { isEnterprise, isCadre, insider: isEnterprise || isCadre };
}

/** What a reader who is neither its enterprise nor its cadre may see of a need at all. */
export const isPublicNeed = (need: Pick<Need, 'visibility' | 'status'>) =>
  need.visibility === 'public' && need.status !== 'draft' && need.status !== 'withdrawn';

/** Whether `caller` may see `other` at all: its enterprise, its cadres (not of a draft), or anyone when it is public. */
export const readsNeed = (caller: User, other: Pick<Need, 'visibility' | 'status' | 'enterpriseId' | 'leagueOrgId'>, orgs: Org[]) =>
  isPublicNeed(other) ||
  isEnterpriseContact(caller, other.enterpriseId) ||
  (other.status !== 'draft' && takesNeedsIn(orgs, caller, other.leagueOrgId));

/** Everything the detail needs beyond the need and the org tree, read before it is built. */
export type NeedDetailData = {
  names: Names;
  messages: NeedMessage[];
  challenge: { _id: string; title: string; status: string } | null;
  teams: { _id: string; name: string; leagueOrgId: string }[];
  merged: Pick<Need, '_id' | 'title' | 'visibility' | 'status' | 'enterpriseId' | 'leagueOrgId'> | null;
};

/**
 * The detail's reads, all at once: the thread (insiders only), the names of everyone on the record
 * (the enterprise's contacts with them, as they write in the thread), and what the outcome points to.
 * A thread author found in none of those (a cadre who wrote without taking the need, a former
 * contact) costs one more read. Works from the need as it stands before a write, too: the writer
 * (`known`) is the only new name a write adds.
 */
export async function readNeedDetail(ctx: Ctx, need: Need, insider: boolean, known: readonly User[]): Promise<NeedDetailData> {
  const outcome = need.outcome;
  // A reader outside is shown no one's name.
  const people = insider ? [...need.steps.map((step) => step.by), need.ownerId ?? '', outcome?.by ?? ''] : [];
  const [names, messages, contacts, challenges, teams, merged] = await Promise.all([
    readNames(ctx, people, known),
    insider ? find(ctx.db, 'needMessages', { needId: need._id }, { orderBy: [['at', 'asc']] }) : [],
    insider ? findFields(ctx.db, 'users', { roles: { role: 'enterprise', scopeId: need.enterpriseId } }, NAME_FIELDS) : [],
    outcome?.challengeId ? fieldsByIds(ctx.db, 'challenges', [outcome.challengeId], ['title', 'status']) : [],
    outcome?.teamIds.length ? fieldsByIds(ctx.db, 'teams', outcome.teamIds, ['name', 'leagueOrgId']) : [],
    outcome?.mergedInto
      ? fieldsByIds(ctx.db, 'needs', [outcome.mergedInto], ['title', 'visibility', 'status', 'enterpriseId', 'leagueOrgId'])
      : [],
  ]);
  for (const contact of contacts) names.set(contact._id, contact);
  const authors = messages.map((message) => message.authorId).filter((id) => !names.has(id));
  const all = authors.length ? await readNames(ctx, authors, [...names.values()]) : names;
  return { names: all, messages, challenge: challenges[0] ?? null, teams, merged: merged[0] ?? null };
}

/** The detail as `caller` sees it, from the need and what `readNeedDetail` read. */
export function needDetailView(caller: User, need: Need, orgs: Org[], data: NeedDetailData, now: number): NeedDetail {
  const { isEnterprise, isCadre, insider } = standing(caller, need, orgs);
  if (!insider && !isPublicNeed(need)) throw new AppError('NOT_FOUND', NEED_HIDDEN);
  const { names } = data;
  const nameOf = (id: string) => displayName(names.get(id));
  const can = (event: NeedEvent) => allows(NEED_MACHINE, need.status, event);
  const isOwner = need.ownerId !== null && need.ownerId === caller._id;
  const outcome = need.outcome;
  // A reader outside sees where the need went only where that is public too.
  const challenge =
    data.challenge && (insider || data.challenge.status !== 'draft') ? { id: data.challenge._id, title: data.challenge.title } : null;
  // The need it went into is named only to whom that need shows (another enterprise's organizers-only need stays unnamed).
  const merged = data.merged && readsNeed(caller, data.merged, orgs) ? { id: data.merged._id, title: data.merged.title } : null;
  return {
    ...needCard(need, names, now),
    // Who took it and when they must answer are the need's parties' business (the board does not name the taker either).
    ...(insider ? {} : { ownerName: null, respondBy: null, responseOverdue: false }),
    enterpriseId: need.enterpriseId,
    leagueOrgId: need.leagueOrgId,
    leagueOrgName: orgName(orgs, need.leagueOrgId),
    problem: need.problem,
    targets: need.targets,
    timeline: need.timeline,
    contactName: insider ? need.contactName : null,
    contactPhone: insider ? need.contactPhone : null,
    takenAt: need.takenAt,
    respondedAt: need.respondedAt,
    outcome: outcome
      ? {
          kind: outcome.kind,
          reason: insider ? outcome.reason : '',
          at: outcome.at,
          byName: insider ? nameOf(outcome.by) : '',
          challenge,
          teams: data.teams.map((team) => ({ id: team._id, name: team.name, orgName: orgName(orgs, team.leagueOrgId) })),
          mergedInto: merged,
        }
      : null,
    withdrawn: need.withdrawn ? { at: need.withdrawn.at, reason: need.withdrawn.reason } : null,
    steps: insider ? need.steps.map((step) => ({ at: step.at, kind: step.kind, note: step.note, byName: nameOf(step.by) })) : [],
    messages: insider
      ? data.messages.map((message) => ({
          id: message._id,
          side: message.side,
          body: message.body,
          at: message.at,
          authorName: nameOf(message.authorId),
        }))
      : [],
    viewer: {
      isEnterprise,
      isCadre,
      isOwner,
      canEdit: isEnterprise && can('edit'),
      canSubmit: isEnterprise && can('submit'),
      canWithdraw: isEnterprise && can('withdraw'),
      // One owner at a time: a taken need is handed over by a release first.
      canTake: isCadre && can('take') && need.ownerId === null,
      canRelease: isCadre && can('release') && (isOwner || managesIn(orgs, caller, need.leagueOrgId)),
      canDecide: isCadre && isOwner && can('decline'),
      canMessage: insider && need.status !== 'draft' && need.status !== 'withdrawn',
    },
  };
}

/** The one detail every need action answers: read, then built for `caller`. */
export async function needDetail(ctx: Ctx, caller: User, need: Need, orgs: Org[]): Promise<NeedDetail> {
  const data = await readNeedDetail(ctx, need, standing(caller, need, orgs).insider, [caller]);
  return needDetailView(caller, need, orgs, data, ctx.now());
}
