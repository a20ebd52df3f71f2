/** Transfers and interests shaped for the screens, from the stored records and the names read beside them. */
import type { Interest, Transfer, User } from '../../../core/types';
import type { InterestCard, TransferCard, TransferDetail } from '../../../core/views';
import { fieldsByIds } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { usersById } from '../../runtime/lookups';
import { displayName } from '../../runtime/users';
import { codeExpiresAt } from './parties';

export function transferCard(transfer: Transfer): TransferCard {
  return {
    id: transfer._id,
    teamId: transfer.teamId,
    teamName: transfer.teamName,
    kind: transfer.kind,
    contractNo: transfer.contractNo,
    transferee: transfer.transferee,
    amount: transfer.amount,
    signedOn: transfer.signedOn,
    status: transfer.status,
    createdAt: transfer.createdAt,
  };
}

/** What a transfer's detail names besides the record: the titles it is based on and who decided it. */
export type TransferAbout = { achievementTitle: string; challengeTitle: string; decidedByName: string };

/** Reads the titles and the decider's name in one round; `known` users (the caller) are not read again. */
export async function readAbout(ctx: Ctx, transfer: Transfer, known: User[] = []): Promise<TransferAbout> {
  const [achievements, challenges, users] = await Promise.all([
    transfer.achievementId ? fieldsByIds(ctx.db, 'achievements', [transfer.achievementId], ['title']) : [],
    transfer.challengeId ? fieldsByIds(ctx.db, 'challenges', [transfer.challengeId], ['title']) : [],
    transfer.decision ? usersById(ctx, [transfer.decision.by], known) : new Map<string, User>(),
  ]);
  return {
    achievementTitle: achievements[0]?.title ?? '',
    challengeTitle: challenges[0]?.title ?? '',
    decidedByName: transfer.decision ? displayName(users.get(transfer.decision.by)) : '',
  };
}

/**
 * `seesCode`: the team's leader and the organizers over the team, who hand the confirmation code to
 * the other party; it is shown only while the transfer waits for that party and the code still works
 * (its expiry is given on to say when it stopped).
 */
export function transferDetail(
  transfer: Transfer,
  about: TransferAbout,
  viewer: { isTeam: boolean; canConfirm: boolean; seesCode: boolean },
  now: number,
): TransferDetail {
  const pending = transfer.status === 'pending';
  const expiresAt = viewer.seesCode && pending ? codeExpiresAt(transfer) : null;
  return {
    ...transferCard(transfer),
    transferor: transfer.transferor,
    achievement: transfer.achievementId ? { id: transfer.achievementId, title: about.achievementTitle } : null,
    challenge: transfer.challengeId ? { id: transfer.challengeId, title: about.challengeTitle } : null,
    needId: transfer.needId,
    decision: transfer.decision ? { at: transfer.decision.at, reason: transfer.decision.reason, byName: about.decidedByName } : null,
    confirmCode: expiresAt !== null && expiresAt > now ? transfer.confirmCode : null,
    confirmCodeExpiresAt: expiresAt,
    viewer: { canConfirm: viewer.canConfirm && pending, isTeam: viewer.isTeam },
  };
}

export type InterestPeople = { teamName: string; author: User | undefined; forwardedBy: User | undefined };

export function interestCard(interest: Interest, people: InterestPeople): InterestCard {
  return {
    id: interest._id,
    achievementId: interest.achievementId,
    achievementTitle: interest.achievementTitle,
    teamId: interest.teamId,
    teamName: people.teamName,
    enterpriseName: interest.enterpriseName,
    authorName: displayName(people.author),
    authorPhone: people.author?.phone ?? '',
    message: interest.message,
    status: interest.status,
    createdAt: interest.createdAt,
    forwarded: interest.forwarded
      ? { at: interest.forwarded.at, note: interest.forwarded.note, byName: displayName(people.forwardedBy) }
      : null,
  };
}
