/** Achievements shaped for the screens, with what each viewer may see and do. */
import { ACHIEVEMENT_MACHINE } from '../../../core/achievement-rules';
import { allows } from '../../../core/machine';
import { AppError } from '../../../core/errors';
import { fileUrl } from '../../../core/files';
import type { Achievement, User } from '../../../core/types';
import type { AchievementCard, AchievementDetail, AchievementViewer } from '../../../core/views';
import { findById } from '../../db/collections';
import { isAchievementVerifier, managesLeagueOrg, memberRole } from '../../runtime/access';
import type { Ctx } from '../../runtime/context';
import { displayName } from '../../runtime/users';
import { usersById } from '../../runtime/lookups';

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
  };
}

/** How the caller stands to an achievement; decides what they see and may do. */
export async function viewerOf(ctx: Ctx, caller: User, achievement: Achievement) {
  const role = await memberRole(ctx, achievement.teamId, caller._id);
  const verifier = role === null && (await isAchievementVerifier(ctx, caller, achievement));
  const organizer = role === null && (await managesLeagueOrg(ctx, caller, achievement.leagueOrgId));
  const isAuthor = achievement.authorId === caller._id;
  const viewer: AchievementViewer = {
    isTeam: role !== null,
    canEdit: role === 'leader' || (role !== null && isAuthor && achievement.status === 'draft'),
    canSubmit: role === 'leader' && allows(ACHIEVEMENT_MACHINE, achievement.status, 'submit'),
    canDiscard: achievement.status === 'draft' && (role === 'leader' || (role !== null && isAuthor)),
    canConfirm: verifier && allows(ACHIEVEMENT_MACHINE, achievement.status, 'confirm'),
    canFeature: organizer && achievement.status === 'confirmed',
  };
  return { viewer, insider: role !== null || verifier, visible: achievement.status === 'confirmed' || role !== null || verifier };
}

export async function achievementDetail(ctx: Ctx, caller: User, achievement: Achievement): Promise<AchievementDetail> {
  const { viewer, insider, visible } = await viewerOf(ctx, caller, achievement);
  if (!visible) throw notFound();
  const people = [
    achievement.authorId,
    ...achievement.contributorIds,
    achievement.confirmation?.by ?? '',
    achievement.returned?.by ?? '',
    achievement.feature?.by ?? '',
    ...achievement.versions.map((version) => version.confirmation.by),
  ];
  const users = await usersById(ctx, people);
  const name = (id: string) => displayName(users.get(id));
  const claim = achievement.claimId ? await findById(ctx.db, 'claims', achievement.claimId) : null;
  const challenge = claim ? await findById(ctx.db, 'challenges', claim.challengeId) : null;
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
    confirmation: achievement.confirmation ? { byName: name(achievement.confirmation.by), at: achievement.confirmation.at } : null,
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
  };
}

export function notFound(): AppError {
  return new AppError('NOT_FOUND', '找不到这项成果，或它还没有经过确认');
}
