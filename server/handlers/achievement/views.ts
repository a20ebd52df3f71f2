/** Achievements shaped for the screens, with what each viewer may see and do. */
import { ACHIEVEMENT_MACHINE } from '../../../core/achievement-rules';
import { allows } from '../../../core/machine';
import { AppError } from '../../../core/errors';
import { fileUrl } from '../../../core/files';
import type { Achievement, Challenge, Claim, MemberRole, User } from '../../../core/types';
import type { AchievementCard, AchievementDetail, AchievementViewer } from '../../../core/views';
import { findById } from '../../db/collections';
import { isChallengeReviewer, managesLeagueOrg, memberRole } from '../../runtime/access';
import type { Ctx } from '../../runtime/context';
import { displayName } from '../../runtime/users';
import { membershipOf, usersById } from '../../runtime/lookups';
import { hiddenError, hiddenNote } from '../report/hidden';

const SUMMARY_PREVIEW = 80;

export function achievementCard(achievement: Achievement, insider: boolean): AchievementCard {
  const cover = achievement.images.find((image) => image.status === 'pass' || (insider && image.status !== 'risky'));
  return {
    id: achievement._id,
    teamId: achievement.teamId,
    teamName: achievement.teamName,
    field: achievement.field,
    type: achievement.type,
    title: achievement.title,
    summary: Array.from(achievement.summary).slice(0, SUMMARY_PREVIEW).join(''),
    coverUrl: cover ? fileUrl(cover.fileId) : '',
    status: achievement.status,
    confirmedAt: achievement.confirmedAt,
    featured: achievement.featured && achievement.status === 'confirmed',
    featureNote: achievement.feature?.note ?? '',
    revised: achievement.revised,
    contentFlag: insider && achievement.contentFlag === 'review',
    hidden: insider ? hiddenNote(achievement.hidden) : null,
  };
}

/** How the caller stands to an achievement's team and its confirmation. */
type Standing = {
  role: MemberRole | null;
  /** May confirm it: an organizer over the team, or the reviewer of the cited challenge. */
  verifier: boolean;
  /** Organizes the team's league org (may make it a 典型案例). */
  organizer: boolean;
  /** The challenge the achievement names (`challengeId`), read once for both the verifier check and the detail. */
  challenge: Challenge | null;
};

/**
 * The caller's standing, read in one round: their membership, the org tree (organizers only) and
 * the cited challenge together. A known role (the handler's grant) is not read again.
 */
async function standingOf(ctx: Ctx, caller: User, achievement: Achievement, knownRole?: MemberRole | null): Promise<Standing> {
  const onTeam = knownRole !== undefined && knownRole !== null;
  const [role, organizer, challenge] = await Promise.all([
    knownRole !== undefined ? knownRole : memberRole(ctx, achievement.teamId, caller._id),
    !onTeam && managesLeagueOrg(ctx, caller, achievement.leagueOrgId),
    achievement.challengeId ? findById(ctx.db, 'challenges', achievement.challengeId) : null,
  ]);
  if (role !== null) return { role, verifier: false, organizer: false, challenge };
  const verifier = organizer || (challenge !== null && (await isChallengeReviewer(ctx, caller, challenge)));
  return { role, verifier, organizer, challenge };
}

function viewerFrom(caller: User, achievement: Achievement, { role, verifier, organizer }: Standing) {
  const isAuthor = achievement.authorId === caller._id;
  const viewer: AchievementViewer = {
    isTeam: role !== null,
    canEdit: role === 'leader' || (role !== null && isAuthor && achievement.status === 'draft'),
    canSubmit: role === 'leader' && allows(ACHIEVEMENT_MACHINE, achievement.status, 'submit'),
    canDiscard: achievement.status === 'draft' && (role === 'leader' || (role !== null && isAuthor)),
    canConfirm: verifier && allows(ACHIEVEMENT_MACHINE, achievement.status, 'confirm'),
    canFeature: organizer && achievement.status === 'confirmed',
  };
  return {
    viewer,
    insider: role !== null || verifier,
    visible: achievement.status === 'confirmed' || role !== null || verifier,
    // Hidden after a report: only the team and the organizers over it still open it.
    seesHidden: role !== null || organizer,
  };
}

/** How the caller stands to an achievement; decides what they see and may do. */
export async function viewerOf(ctx: Ctx, caller: User, achievement: Achievement) {
  return viewerFrom(caller, achievement, await standingOf(ctx, caller, achievement));
}

/** Everyone the detail names. */
function peopleOf(achievement: Achievement): string[] {
  return [
    achievement.authorId,
    ...achievement.contributorIds,
    achievement.confirmation?.by ?? '',
    achievement.returned?.by ?? '',
    achievement.feature?.by ?? '',
    ...achievement.versions.map((version) => version.confirmation.by),
  ];
}

/** What a detail needs besides the achievement, and what it was read for (so a write can tell if it still fits). */
export type DetailData = Standing & {
  caller: User;
  users: Map<string, User>;
  askedUsers: Set<string>;
  claimId: string | null;
  challengeId: string | null;
  claim: Claim | null;
  /** The cited claim's challenge, shown on the detail. */
  claimChallenge: Challenge | null;
  /** The confirmer whose membership was read, and whether they are in the team now. */
  confirmer: { userId: string; isMember: boolean } | null;
};

/**
 * Everything a detail reads, in one round: the caller's standing, the people it names (and `people`
 * about to be named, e.g. the caller confirming it), the cited claim. A handler passes what it has already
 * read (its grant's role, the claim it checked) so it is not read again.
 */
export async function detailData(
  ctx: Ctx,
  caller: User,
  achievement: Achievement,
  known: { role?: MemberRole | null; claim?: Claim | null; people?: string[] } = {},
): Promise<DetailData> {
  const people = [...peopleOf(achievement), ...(known.people ?? [])];
  const claimId = achievement.claimId ?? null;
  const confirmerId = achievement.confirmation?.by ?? '';
  const [standing, users, claim, confirmerMembership] = await Promise.all([
    standingOf(ctx, caller, achievement, known.role),
    usersById(ctx, people),
    claimId === null ? null : known.claim?._id === claimId ? known.claim : findById(ctx.db, 'claims', claimId),
    confirmerId ? membershipOf(ctx, achievement.teamId, confirmerId) : null,
  ]);
  const confirmer = confirmerId ? { userId: confirmerId, isMember: confirmerMembership !== null } : null;
  // The claim's challenge is the one the achievement names; another (never written so) is read apart.
  const claimChallenge =
    !claim || claim.challengeId === standing.challenge?._id ? standing.challenge : await findById(ctx.db, 'challenges', claim.challengeId);
  const challengeId = achievement.challengeId ?? null;
  return { ...standing, caller, users, askedUsers: new Set(people), claimId, challengeId, claim, claimChallenge, confirmer };
}

/** The detail from what was read; NOT_FOUND when the caller may not see it. */
export function detailFrom(achievement: Achievement, data: DetailData): AchievementDetail {
  const { viewer, insider, visible, seesHidden } = viewerFrom(data.caller, achievement, data);
  if (!visible) throw notFound();
  if (achievement.hidden && !seesHidden) throw hiddenError();
  const name = (id: string) => displayName(data.users.get(id));
  const { claim, claimChallenge: challenge } = data;
  return {
    ...achievementCard(achievement, insider),
    evidence: achievement.evidence,
    images: achievement.images
      .filter((image) => image.status === 'pass' || (insider && (image.status !== 'risky' || viewer.isTeam)))
      .map((image) => ({ fileId: image.fileId, url: fileUrl(image.fileId), status: image.status })),
    attachments: achievement.attachments.map((file) => ({ name: file.name, fileId: file.fileId, url: fileUrl(file.fileId) })),
    contributors: achievement.contributorIds.map((userId) => ({ userId, name: name(userId) })),
    claim: claim && challenge ? { claimId: claim._id, challengeId: challenge._id, challengeTitle: challenge.title } : null,
    authorName: name(achievement.authorId),
    confirmation: achievement.confirmation
      ? {
          byName: name(achievement.confirmation.by),
          at: achievement.confirmation.at,
          outsideTeam: achievement.confirmation.outsideTeam ?? true,
          joinedSince: data.confirmer?.userId === achievement.confirmation.by && data.confirmer.isMember,
        }
      : null,
    returned:
      achievement.returned && achievement.status === 'returned' && insider
        ? { byName: name(achievement.returned.by), at: achievement.returned.at, reason: achievement.returned.reason }
        : null,
    feature: achievement.feature
      ? { byName: name(achievement.feature.by), at: achievement.feature.at, note: achievement.feature.note }
      : null,
    versions: achievement.versions.map((version) => ({
      title: version.title,
      summary: version.summary,
      evidence: version.evidence,
      confirmedByName: name(version.confirmation.by),
      confirmedAt: version.confirmation.at,
    })),
    updatedAt: achievement.updatedAt,
    viewer,
    hidden: hiddenNote(achievement.hidden),
    // The line back to the enterprise need its challenge came from (already read for the detail).
    needId: (data.claimChallenge ?? data.challenge)?.solicit?.needId ?? null,
  };
}

export async function achievementDetail(ctx: Ctx, caller: User, achievement: Achievement): Promise<AchievementDetail> {
  return detailFrom(achievement, await detailData(ctx, caller, achievement));
}

/**
 * The detail of an achievement just written, from what was read before the write. Should the
 * written record name someone or something not read (another write got in between), it is read afresh.
 */
export async function writtenDetail(ctx: Ctx, achievement: Achievement, data: DetailData): Promise<AchievementDetail> {
  const fits =
    peopleOf(achievement).every((id) => data.askedUsers.has(id)) &&
    (achievement.claimId ?? null) === data.claimId &&
    (achievement.challengeId ?? null) === data.challengeId;
  return fits ? detailFrom(achievement, data) : achievementDetail(ctx, data.caller, achievement);
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND', '找不到这项成果，或它还没有经过确认');
}
