/** Progress logs shaped for the screens: names and the claim / milestone they cite. */
import { shanghaiDay } from '../../../core/time';
import type { Claim, ProgressLog, User } from '../../../core/types';
import type { ProgressLogView } from '../../../core/views';
import { fieldsByIds } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { fileUrl } from '../../../core/files';
import { displayName } from '../../runtime/users';
import { claimTitlesOf, usersById } from '../../runtime/lookups';
import { hiddenNote } from '../report/hidden';

export type Citations = { claimTitles: Map<string, string>; milestoneTitles: Map<string, string> };

type ClaimRef = Pick<Claim, '_id' | 'challengeId'>;

const presentIds = (ids: (string | null)[]) => [...new Set(ids.filter((id): id is string => !!id))];

/**
 * Titles of the challenges and milestones a set of logs cite. `known` claims (the team's, already
 * read) are not read again and get a title too; with every cited claim known it is one round.
 */
export async function citationsOf(
  ctx: Ctx,
  logs: Pick<ProgressLog, 'claimId' | 'milestoneId'>[],
  known: ClaimRef[] = [],
): Promise<Citations> {
  const knownIds = new Set(known.map((claim) => claim._id));
  const missing = presentIds(logs.map((log) => log.claimId)).filter((id) => !knownIds.has(id));
  const [claimTitles, milestones] = await Promise.all([
    (async () => claimTitlesOf(ctx, [...known, ...(await fieldsByIds(ctx.db, 'claims', missing, ['challengeId']))]))(),
    fieldsByIds(ctx.db, 'milestones', presentIds(logs.map((log) => log.milestoneId)), ['title']),
  ]);
  return { claimTitles, milestoneTitles: new Map(milestones.map((milestone) => [milestone._id, milestone.title])) };
}

/**
 * `seesHidden`: the viewer may read a log hidden after a report (its author, an organizer); anyone
 * else sees only that it was hidden, with nothing of what it said.
 */
export function logView(log: ProgressLog, users: Map<string, User>, citations: Citations, seesHidden = true): ProgressLogView {
  const view = {
    id: log._id,
    teamId: log.teamId,
    userId: log.userId,
    userName: displayName(users.get(log.userId)),
    day: log.day,
    content: log.content,
    noProgress: log.noProgress,
    evidence: log.evidence,
    photos: log.photos.map(fileUrl),
    photoIds: log.photos,
    claimId: log.claimId,
    claimTitle: log.claimId ? (citations.claimTitles.get(log.claimId) ?? '') : '',
    milestoneId: log.milestoneId,
    milestoneTitle: log.milestoneId ? (citations.milestoneTitles.get(log.milestoneId) ?? '') : '',
    createdAt: log.createdAt,
    updatedAt: log.updatedAt,
    edited: log.edits > 0,
    lateSync: shanghaiDay(log.updatedAt) > log.day,
    hidden: hiddenNote(log.hidden),
  };
  if (!log.hidden || seesHidden) return view;
  return { ...view, content: '', evidence: { kind: 'none', ref: '' }, photos: [], photoIds: [] };
}

export async function logViews(ctx: Ctx, logs: ProgressLog[]): Promise<ProgressLogView[]> {
  const [users, citations] = await Promise.all([
    usersById(
      ctx,
      logs.map((log) => log.userId),
    ),
    citationsOf(ctx, logs),
  ]);
  return logs.map((log) => logView(log, users, citations));
}
