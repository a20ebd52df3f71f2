/** Saving an achievement: a new draft, an edit, an edit after confirmation (kept as a version), optionally submitted. */
import { ACHIEVEMENT_MACHINE, type AchievementStatus } from '../../../core/achievement-rules';
import { AppError } from '../../../core/errors';
import type { Achievement, Claim, Member, StoredImage, Team, User } from '../../../core/types';
import type { AchievementDetail } from '../../../core/views';
import { findById, txFind, txSet } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { HandlerArgs } from '../../runtime/function';
import { teamMembers } from '../../runtime/lookups';
import { must } from '../../runtime/machine';
import { startImageChecks } from '../../runtime/media';
import { requireTeamFiles } from '../../runtime/files';
import { achievementDetail, detailData, notFound, writtenDetail } from './views';

/** Claims whose work may be reported as an achievement: racing, or ended well. */
const CITABLE_CLAIMS = ['accepted', 'won', 'completed'];

function checkContributors(members: Member[], contributorIds: string[]): string[] {
  const unique = [...new Set(contributorIds)];
  if (unique.some((userId) => !members.some((member) => member.userId === userId)))
    throw new AppError('INVALID_INPUT', '贡献者须为本队成员');
  return unique;
}

function citedChallenge(teamId: string, claimId: string | null, claim: Claim | null): string | null {
  if (!claimId) return null;
  if (!claim || claim.teamId !== teamId) throw new AppError('INVALID_INPUT', '所选揭榜不属于本队');
  if (!CITABLE_CLAIMS.includes(claim.status)) throw new AppError('STATE_CONFLICT', '只能关联攻关中或已夺榜、已完成的揭榜');
  return claim.challengeId;
}

/** Keep the verdicts of images already checked; new ones start pending with a check under way. */
async function imagesOf(ctx: Ctx, fileIds: string[], before: StoredImage[]) {
  const known = new Map(before.map((image) => [image.fileId, image.status]));
  const fresh = [...new Set(fileIds)].filter((fileId) => !known.has(fileId));
  const checks = await startImageChecks(ctx, fresh);
  const images: StoredImage[] = [...new Set(fileIds)].map((fileId) => ({ fileId, status: known.get(fileId) ?? 'pending' }));
  return { images, checks };
}

/** Who may change an existing achievement: the leader always, a member only their own draft. */
export function requireEditor(role: string | null, caller: User, achievement: Achievement): void {
  if (role === 'leader') return;
  if (achievement.authorId === caller._id && achievement.status === 'draft') return;
  throw new AppError('FORBIDDEN', '只有队长或起草人（草稿阶段）可以修改这项成果');
}

function nextStatusOnSave(current: AchievementStatus | null, submit: boolean): AchievementStatus {
  if (current === null) return submit ? 'submitted' : 'draft';
  if (current === 'confirmed') return must(ACHIEVEMENT_MACHINE, current, 'revise', '');
  if (submit && current !== 'submitted') return must(ACHIEVEMENT_MACHINE, current, 'submit', '当前状态不能提交');
  return current;
}

/** What a save sets from its input and checks. */
type Change = Pick<
  Achievement,
  | 'type'
  | 'title'
  | 'summary'
  | 'evidence'
  | 'images'
  | 'attachments'
  | 'contributorIds'
  | 'claimId'
  | 'challengeId'
  | 'needId'
  | 'enterpriseId'
  | 'status'
  | 'contentFlag'
  | 'requestId'
>;

/** The record a save writes over `fresh` (null for a new one). */
function nextAchievement(_id: string, team: Team, caller: User, fresh: Achievement | null, change: Change, now: number): Achievement {
  const revising = fresh?.status === 'confirmed';
  return {
    _id,
    teamId: team._id,
    teamName: team.name,
    leagueOrgId: team.leagueOrgId,
    field: team.field,
    authorId: fresh?.authorId ?? caller._id,
    ...change,
    createdAt: fresh?.createdAt ?? now,
    updatedAt: now,
    submittedAt: change.status === 'submitted' && fresh?.status !== 'submitted' ? now : (fresh?.submittedAt ?? null),
    confirmation: revising ? null : (fresh?.confirmation ?? null),
    confirmedAt: fresh?.confirmedAt ?? 0,
    returned: fresh?.returned ?? null,
    revised: revising || (fresh?.revised ?? false),
    // What was confirmed is kept as it was when the confirmed achievement is edited (已修改).
    versions:
      revising && fresh.confirmation
        ? [
            ...fresh.versions,
            {
              type: fresh.type,
              title: fresh.title,
              summary: fresh.summary,
              evidence: fresh.evidence,
              images: fresh.images,
              attachments: fresh.attachments,
              contributorIds: fresh.contributorIds,
              confirmation: fresh.confirmation,
            },
          ]
        : (fresh?.versions ?? []),
    featured: fresh?.featured ?? false,
    feature: fresh?.feature ?? null,
    // Editing does not lift a mark an organizer set after a report.
    hidden: fresh?.hidden ?? null,
  };
}

export async function saveAchievement({
  ctx,
  caller,
  input,
  team,
  membership,
  contentVerdict: verdict,
}: HandlerArgs<'achievement', 'save'>): Promise<AchievementDetail> {
  if (team.status !== 'registered') throw new AppError('STATE_CONFLICT', '只有已备案的突击队可以发布成果');
  const role = membership.role;
  if (input.submit && role !== 'leader') throw new AppError('FORBIDDEN', '只有队长可以提交确认；队员可以先存草稿，由队长提交');
  const achievementId = input.achievementId ?? `ach-${input.requestId}`;
  const [existing, members, claim] = await Promise.all([
    findById(ctx.db, 'achievements', achievementId),
    teamMembers(ctx, team._id),
    input.claimId ? findById(ctx.db, 'claims', input.claimId) : null,
  ]);
  if (existing && existing.requestId === input.requestId) {
    if (existing.teamId !== team._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后提交');
    return achievementDetail(ctx, caller, existing);
  }
  if (input.achievementId && !existing) throw notFound();
  if (existing) {
    if (existing.teamId !== team._id) throw notFound();
    requireEditor(role, caller, existing);
  }
  const contributorIds = checkContributors(members, input.contributorIds);
  requireTeamFiles(
    members,
    [...input.images, ...input.attachments.map((file) => file.fileId)],
    [...(existing?.images ?? []).map((image) => image.fileId), ...(existing?.attachments ?? []).map((file) => file.fileId)],
  );
  const challengeId = citedChallenge(team._id, input.claimId, claim);
  const change: Change = {
    type: input.type,
    title: input.title,
    summary: input.summary,
    evidence: { kind: input.evidence.kind, ref: input.evidence.ref },
    images: existing?.images ?? [],
    attachments: input.attachments.map((file) => ({ name: file.name, fileId: file.fileId })),
    contributorIds,
    claimId: input.claimId,
    challengeId,
    needId: challengeId ? (claim?.needId ?? null) : null,
    enterpriseId: challengeId ? (claim?.enterpriseId ?? null) : null,
    status: existing?.status ?? 'draft',
    contentFlag: verdict === 'review' ? 'review' : null,
    requestId: input.requestId,
  };
  // What the detail will name is known before the write (images and status do not change who or what it names).
  const planned = nextAchievement(achievementId, team, caller, existing, change, ctx.now());
  const [{ images, checks }, data] = await Promise.all([
    imagesOf(ctx, input.images, existing?.images ?? []),
    detailData(ctx, caller, planned, { role, claim }),
  ]);
  const status = nextStatusOnSave(existing?.status ?? null, input.submit);

  const saved = await ctx.db.runTransaction(async (tx): Promise<Achievement> => {
    const fresh = await txFind(tx, 'achievements', achievementId);
    if (fresh?.requestId === input.requestId) return fresh;
    if ((fresh?.updatedAt ?? null) !== (existing?.updatedAt ?? null))
      throw new AppError('STATE_CONFLICT', '这项成果刚被修改过，请刷新后再改');
    const now = ctx.now();
    const next = nextAchievement(achievementId, team, caller, fresh, { ...change, images, status }, now);
    await txSet(tx, 'achievements', next);
    for (const check of checks) {
      await txSet(tx, 'mediaChecks', {
        _id: check.traceId,
        target: 'achievements',
        docId: achievementId,
        fileId: check.fileId,
        status: 'pending',
        createdAt: now,
        checkedAt: null,
      });
    }
    const revising = fresh?.status === 'confirmed';
    const doing = !fresh ? '起草' : revising ? '修改已确认的' : '修改';
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'achievement',
      action: 'save',
      target: `achievements/${achievementId}`,
      orgId: next.leagueOrgId,
      teamId: next.teamId,
      summary: `${doing}成果「${input.title}」${status === 'submitted' && fresh?.status !== 'submitted' ? '并提交确认' : ''}`,
    });
    return next;
  });
  return writtenDetail(ctx, saved, data);
}
