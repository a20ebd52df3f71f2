/** 成果, the team's side: drafts and edits (save.ts), submission for confirmation, discarding a draft, image verdicts. */
import { ACHIEVEMENT_MACHINE } from '../../../core/achievement-rules';
import { AppError } from '../../../core/errors';
import type { Achievement, Team } from '../../../core/types';
import { findById, txFind, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { must } from '../../runtime/machine';
import { feedHandlers } from './feed';
import { reviewHandlers } from './review';
import { requireEditor, saveAchievement } from './save';
import { achievementDetail, detailData, notFound, writtenDetail } from './views';

async function teamAchievement(ctx: Ctx, team: Team, achievementId: string): Promise<Achievement> {
  const achievement = await findById(ctx.db, 'achievements', achievementId);
  if (!achievement || achievement.teamId !== team._id) throw notFound();
  return achievement;
}

export const achievementHandlers: Handlers<'achievement'> = {
  save: saveAchievement,

  submit: async ({ ctx, caller, input, team, membership }) => {
    const achievement = await teamAchievement(ctx, team, input.achievementId);
    must(ACHIEVEMENT_MACHINE, achievement.status, 'submit', achievement.status === 'submitted' ? '已提交，等待确认' : '当前状态不能提交');
    const data = await detailData(ctx, caller, achievement, { role: membership.role });
    const submitted = await ctx.db.runTransaction(async (tx): Promise<Achievement> => {
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
        orgId: achievement.leagueOrgId,
        teamId: achievement.teamId,
        summary: `提交成果「${achievement.title}」待确认`,
      });
      return { ...(fresh ?? achievement), status: next, submittedAt: now, updatedAt: now };
    });
    return writtenDetail(ctx, submitted, data);
  },

  discard: async ({ ctx, caller, input, team, membership }) => {
    const achievement = await teamAchievement(ctx, team, input.achievementId);
    const role = membership.role;
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
        orgId: achievement.leagueOrgId,
        teamId: achievement.teamId,
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
        orgId: achievement?.leagueOrgId,
        teamId: achievement?.teamId,
        summary: `图片安全检查结果：${input.suggest}`,
      });
      return true;
    });
    return { applied };
  },

  ...reviewHandlers,
  ...feedHandlers,
};
