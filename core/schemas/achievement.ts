import * as v from 'valibot';
import { ACHIEVEMENT_TYPES, MAX_ACHIEVEMENT_ATTACHMENTS, MAX_ACHIEVEMENT_IMAGES, MAX_CONTRIBUTORS } from '../achievement-rules';
import { cursor, field, fileId, id, input, optionalUserText, requestId, userText } from './common';
import { evidence, evidenceFitsKind } from './evidence';

const achievementId = id('成果编号');

const attachment = v.strictObject({ name: userText('附件名称', 1, 60), fileId }, '附件格式不正确');

export const saveAchievementInput = v.pipe(
  input({
    teamId: id('队伍编号'),
    /** null creates a new draft; an id edits that achievement. */
    achievementId: v.optional(v.nullable(achievementId), null),
    type: v.picklist(ACHIEVEMENT_TYPES, '请选择成果类型'),
    title: userText('成果名称', 4, 60),
    summary: userText('成果简介', 10, 1000),
    evidence,
    images: v.optional(
      v.pipe(v.array(fileId, '图片格式不正确'), v.maxLength(MAX_ACHIEVEMENT_IMAGES, `图片最多 ${MAX_ACHIEVEMENT_IMAGES} 张`)),
      [],
    ),
    attachments: v.optional(
      v.pipe(v.array(attachment, '附件格式不正确'), v.maxLength(MAX_ACHIEVEMENT_ATTACHMENTS, `附件最多 ${MAX_ACHIEVEMENT_ATTACHMENTS} 个`)),
      [],
    ),
    contributorIds: v.pipe(
      v.array(id('贡献者'), '贡献者格式不正确'),
      v.minLength(1, '请至少选择 1 位贡献者'),
      v.maxLength(MAX_CONTRIBUTORS, `贡献者最多 ${MAX_CONTRIBUTORS} 位`),
    ),
    claimId: v.optional(v.nullable(id('揭榜编号')), null),
    /** Submit for confirmation right away (the leader's 提交确认); otherwise keep as a draft. */
    submit: v.optional(v.boolean('提交方式有误'), false),
    requestId,
  }),
  evidenceFitsKind(),
);
export type SaveAchievementInput = v.InferInput<typeof saveAchievementInput>;

export const teamAchievementInput = input({ teamId: id('队伍编号'), achievementId });

export const achievementIdInput = input({ achievementId });

export const returnAchievementInput = input({ achievementId, reason: userText('退回原因', 2, 200) });

export const featureAchievementInput = v.pipe(
  input({
    achievementId,
    featured: v.boolean('请选择设为或取消典型案例'),
    note: optionalUserText('典型案例说明', 200),
  }),
  v.check((value) => !value.featured || value.note.length >= 10, '设为典型案例请写一段简短、据实的说明（至少 10 个字）'),
);

export const feedInput = input({
  field: v.optional(v.nullable(field), null),
  type: v.optional(v.nullable(v.picklist(ACHIEVEMENT_TYPES, '筛选条件有误')), null),
  cursor,
});
export type FeedInput = v.InferInput<typeof feedInput>;

export const teamAchievementsInput = input({ teamId: id('队伍编号') });

export const pendingAchievementsInput = input({ cursor });

/** WeChat's wxa_media_check push, reduced to what the verdict needs. */
export const mediaVerdictInput = input({
  traceId: v.pipe(v.string('trace_id 须为文字'), v.minLength(1, '缺少 trace_id'), v.maxLength(128, 'trace_id 过长')),
  suggest: v.picklist(['pass', 'review', 'risky'], '检测结果有误'),
});
