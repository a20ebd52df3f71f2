/** 成果, the team's side: drafts, submission for confirmation, edits after confirmation, image verdicts. */
import { ACHIEVEMENT_MACHINE, type AchievementStatus } from '../../../core/achievement-rules';
import { AppError } from '../../../core/errors';
import type { Achievement, StoredImage, Team, User } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { memberRole } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import type { HandlerArgs, Handlers } from '../../runtime/function';
import { startImageChecks } from '../../runtime/media';
import { achievementDetail, notFound } from './views';
import { reviewHandlers } from './review';
import { must } from '../../runtime/machine';
import { feedHandlers } from './feed';
import { teamMembers } from '../../runtime/lookups';

/** Claims whose work may be reported as an achievement: racing, or ended well. */
const CITABLE_CLAIMS = ['accepted', 'won', 'completed'];

async function teamAchievement(ctx: Ctx, team: Team, achievementId: string): Promise<Achievement> {
  const achievement = await findById(ctx.db, 'achievements', achievementId);
  if (!achievement || achievement.teamId !== team._id) throw notFound();
  return achievement;
}

async function checkContributors(ctx: Ctx, teamId: string, contributorIds: string[]): Promise<string[]> {
  const members = await teamMembers(ctx, teamId);
  const unique = [...new Set(contributorIds)];
  if (unique.some((userId) => !members.some((member) => member.userId === userId)))
    throw new AppError('INVALID_INPUT', '贡献者须为本队成员');
  return unique;
}

async function citedChallenge(ctx: Ctx, teamId: string, claimId: string | null): Promise<string | null> {
  if (!claimId) return null;
  const claim = await findById(ctx.db, 'claims', claimId);
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

type SaveArgs = HandlerArgs<'achievement', 'save'>;

/** Who may change an existing achievement: the leader always, a member only their own draft. */
function requireEditor(role: string | null, caller: User, achievement: Achievement): void {
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

async function save({ ctx, caller, input, team }: SaveArgs) {
  const current = team;
  if (current.status !== 'registered') throw new AppError('STATE_CONFLICT', '只有已备案的突击队可以发布成果');
  const role = await memberRole(ctx, current._id, caller._id);
  if (input.submit && role !== 'leader') throw new AppError('FORBIDDEN', '只有队长可以提交确认；队员可以先存草稿，由队长提交');
  const achievementId = input.achievementId ?? `ach-${input.requestId}`;
  const existing = await findById(ctx.db, 'achievements', achievementId);
  if (existing && existing.requestId === input.requestId) {
    if (existing.teamId !== current._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后提交');
    return achievementDetail(ctx, caller, existing);
  }
  if (input.achievementId && !existing) throw notFound();
  if (existing) {
    if (existing.teamId !== current._id) throw notFound();
    requireEditor(role, caller, existing);
  }
  const contributorIds = await checkContributors(ctx, current._id, input.contributorIds);
  const challengeId = await citedChallenge(ctx, current._id, input.claimId);
  const verdict = await checkText(ctx, 1, input.title, input.summary, input.evidence.ref, ...input.attachments.map((file) => file.name));
  const { images, checks } = await imagesOf(ctx, input.images, existing?.images ?? []);
  const status = nextStatusOnSave(existing?.status ?? null, input.submit);

  await ctx.db.runTransaction(async (tx) => {
    const fresh = await txFind(tx, 'achievements', achievementId);
    if (fresh?.requestId === input.requestId) return;
    if ((fresh?.updatedAt ?? null) !== (existing?.updatedAt ?? null))
      throw new AppError('STATE_CONFLICT', '这项成果刚被修改过，请刷新后再改');
    const now = ctx.now();
    const revising = fresh?.status === 'confirmed';
    const next: Achievement = {
      _id: achievementId,
      teamId: current._id,
      teamName: current.name,
      leagueOrgId: current.leagueOrgId,
      field: current.field,
      authorId: fresh?.authorId ?? caller._id,
      type: input.type,
      title: input.title,
      summary: input.summary,
      evidence: { kind: input.evidence.kind, ref: input.evidence.ref },
      images,
      attachments: input.attachments.map((file) => ({ name: file.name, fileId: file.fileId })),
      contributorIds,
      claimId: input.claimId,
      challengeId,
      status,
      contentFlag: verdict === 'review' ? 'review' : null,
      requestId: input.requestId,
      createdAt: fresh?.createdAt ?? now,
      updatedAt: now,
      submittedAt: status === 'submitted' && fresh?.status !== 'submitted' ? now : (fresh?.submittedAt ?? null),
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
    };
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
    const doing = !fresh ? '起草' : revising ? '修改已确认的' : '修改';
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'achievement',
      action: 'save',
      target: `achievements/${achievementId}`,
      summary: `${doing}成果「${input.title}」${status === 'submitted' && fresh?.status !== 'submitted' ? '并提交确认' : ''}`,
    });
  });
  return achievementDetail(ctx, caller, (await findById(ctx.db, 'achievements', achievementId))!);
}

export const achievementHandlers: Handlers<'achievement'> = {
  save,

  submit: async ({ ctx, caller, input, team }) => {
    const achievement = await teamAchievement(ctx, team, input.achievementId);
    must(ACHIEVEMENT_MACHINE, achievement.status, 'submit', achievement.status === 'submitted' ? '已提交，等待确认' : '当前状态不能提交');
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'achievements', achievement._id);
      const next = must(ACHIEVEMENT_MACHINE, fresh?.status ?? 'submitted', 'submit', '已提交，等待确认');
      const now = ctx.now();
      await txUpdate(tx, 'achievements', achievement._id, { status: next, submittedAt: now, updatedAt: now });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'achievement',
        action: 'submit',
        target: `achievements/${achievement._id}`,
        summary: `提交成果「${achievement.title}」待确认`,
      });
    });
    return achievementDetail(ctx, caller, (await findById(ctx.db, 'achievements', achievement._id))!);
  },

  discard: async ({ ctx, caller, input, team }) => {
    const achievement = await teamAchievement(ctx, team, input.achievementId);
    const role = await memberRole(ctx, team._id, caller._id);
    if (achievement.status !== 'draft') throw new AppError('STATE_CONFLICT', '只有草稿可以删除；提交过的成果会保留记录');
    requireEditor(role, caller, achievement);
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'achievements', achievement._id);
      if (fresh?.status !== 'draft') throw new AppError('STATE_CONFLICT', '只有草稿可以删除；提交过的成果会保留记录');
      await tx.collection('achievements').doc(achievement._id).remove();
      await audit(tx, {
        at: ctx.now(),
        actor: caller._id,
        fn: 'achievement',
        action: 'discard',
        target: `achievements/${achievement._id}`,
        summary: `删除成果草稿「${achievement.title}」`,
      });
    });
    return { discarded: true as const };
  },

  detail: async ({ ctx, caller, input }) => {
    const achievement = await findById(ctx.db, 'achievements', input.achievementId);
    if (!achievement) throw notFound();
    return achievementDetail(ctx, caller, achievement);
  },

  mediaVerdict: async ({ ctx, input }) => {
    const check = await findById(ctx.db, 'mediaChecks', input.traceId);
    if (!check || check.status !== 'pending') return { applied: false };
    const applied = await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'mediaChecks', check._id);
      if (fresh?.status !== 'pending') return false;
      const now = ctx.now();
      await txUpdate(tx, 'mediaChecks', check._id, { status: input.suggest, checkedAt: now });
      const achievement = await txFind(tx, 'achievements', check.docId);
      if (achievement) {
        const images = achievement.images.map((image) => (image.fileId === check.fileId ? { ...image, status: input.suggest } : image));
        await txUpdate(tx, 'achievements', achievement._id, { images: ctx.db.command.set(images) });
      }
      await audit(tx, {
        at: now,
        actor: 'system',
        fn: 'achievement',
        action: 'mediaVerdict',
        target: `achievements/${check.docId}`,
        summary: `图片安全检查结果：${input.suggest}`,
      });
      return true;
    });
    return { applied };
  },

  ...reviewHandlers,
  ...feedHandlers,
};
