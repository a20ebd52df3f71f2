/**
 * The lookups every domain makes, written once: members of a team, a user's memberships, users,
 * team leaders and claim titles by id. The caller's own memberships are read once per invocation.
 */
import type { Claim, Member, User } from '../../core/types';
import { findById } from '../db/collections';
import { fieldsByIds, find, findAll, mapByIds } from '../db/query';
import type { Ctx } from './context';
import { once, peek } from './memo';

export const memberIdOf = (teamId: string, userId: string) => `${teamId}_${userId}`;

/** Everyone on a team, in the order they joined (ties in id order, so the list is stable). */
export function teamMembers(ctx: Ctx, teamId: string): Promise<Member[]> {
  return find(
    ctx.db,
    'members',
    { teamId },
    {
      orderBy: [
        ['joinedAt', 'asc'],
        ['_id', 'asc'],
      ],
    },
  );
}

/** Everyone on any of these teams, however many (paged by id, a thousand a read). */
export function membersOfTeams(ctx: Ctx, teamIds: readonly string[]): Promise<Member[]> {
  if (!teamIds.length) return Promise.resolve([]);
  return findAll(ctx.db, 'members', { teamId: ctx.db.command.in([...teamIds]) });
}

/** The teams a user belongs to (the caller's are read once per invocation). */
export function membershipsOf(ctx: Ctx, userId: string): Promise<Member[]> {
  const read = () => find(ctx.db, 'members', { userId });
  return userId === ctx.openid ? once(ctx, 'memberships', read) : read();
}

/** A user's membership of one team, or null (the caller's is read once per invocation, or taken from their memberships when those were read). */
export function membershipOf(ctx: Ctx, teamId: string, userId: string): Promise<Member | null> {
  const read = () => findById(ctx.db, 'members', memberIdOf(teamId, userId));
  if (userId !== ctx.openid) return read();
  const all = peek<Member[]>(ctx, 'memberships');
  if (all) return all.then((memberships) => memberships.find((member) => member.teamId === teamId) ?? null);
  return once(ctx, `membership:${teamId}`, read);
}

/** Users by id; those in `known` (e.g. the caller, already read) are not read again and are always in the map. */
export async function usersById(ctx: Ctx, ids: readonly string[], known: readonly User[] = []): Promise<Map<string, User>> {
  const knownIds = new Set(known.map((user) => user._id));
  const users = await mapByIds(
    ctx.db,
    'users',
    ids.filter((id) => !knownIds.has(id)),
  );
  for (const user of known) users.set(user._id, user);
  return users;
}

/** Current leader of each team (a claim's stored leaderId may predate a hand-over). */
export async function leadersOf(ctx: Ctx, teamIds: readonly string[]): Promise<Map<string, string>> {
  const teams = await fieldsByIds(ctx.db, 'teams', teamIds, ['leaderId']);
  return new Map(teams.map((team) => [team._id, team.leaderId]));
}

/** The title of the challenge each claim is for, by claim id. */
export async function claimTitlesOf(ctx: Ctx, claims: Pick<Claim, '_id' | 'challengeId'>[]): Promise<Map<string, string>> {
  const challenges = await fieldsByIds(
    ctx.db,
    'challenges',
    claims.map((claim) => claim.challengeId),
    ['title'],
  );
  const titles = new Map(challenges.map((challenge) => [challenge._id, challenge.title]));
  return new Map(claims.map((claim) => [claim._id, titles.get(claim.challengeId) ?? '']));
}
