/** Progress logs shaped for the screens: names and the claim / milestone they cite. */
import { shanghaiDay } from '../../../core/time';
import type { ProgressLog, User } from '../../../core/types';
import type { ProgressLogView } from '../../../core/views';
import { findMany } from '../../db/collections';
import type { Ctx } from '../../runtime/context';
import { fileUrl } from '../../../core/files';
import { displayName } from '../../runtime/users';
import { claimTitlesOf, usersById } from '../../runtime/lookups';

export type Citations = { claimTitles: Map<string, string>; milestoneTitles: Map<string, string> };

/** Titles of the challenges and milestones a set of logs cite, in two queries each. */
export async function citationsOf(ctx: Ctx, logs: Pick<ProgressLog, 'claimId' | 'milestoneId'>[]): Promise<Citations> {
  const _ = ctx.db.command;
  const claimIds = [...new Set(logs.map((log) => log.claimId).filter((id): id is string => !!id))];
  const milestoneIds = [...new Set(logs.map((log) => log.milestoneId).filter((id): id is string => !!id))];
  const claims = claimIds.length
    ? await findMany(
        'claims',
        ctx.db
          .collection('claims')
          .where({ _id: _.in(claimIds) })
          .limit(1000),
      )
    : [];
  const milestones = milestoneIds.length
    ? await findMany(
        'milestones',
        ctx.db
          .collection('milestones')
          .where({ _id: _.in(milestoneIds) })
          .field({ _id: true, title: true })
          .limit(1000),
      )
    : [];
  return {
    claimTitles: await claimTitlesOf(ctx, claims),
    milestoneTitles: new Map(milestones.map((milestone) => [milestone._id, milestone.title])),
  };
}

export function logView(log: ProgressLog, users: Map<string, User>, citations: Citations): ProgressLogView {
  return {
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
  };
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
