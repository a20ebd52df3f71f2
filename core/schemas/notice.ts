import * as v from 'valibot';
import { MAX_NOTICE_TEAMS, NOTICE_AUDIENCES } from '../notice-rules';
import { cursor, id, input, requestId, userText } from './common';

const noticeId = id('通知编号');

export const publishNoticeInput = v.pipe(
  input({
    leagueOrgId: id('发布团组织'),
    title: userText('通知标题', 4, 40),
    body: userText('通知内容', 10, 2000),
    audience: v.picklist(NOTICE_AUDIENCES, '请选择通知对象'),
    teamIds: v.optional(
      v.pipe(v.array(id('队伍编号'), '队伍格式不正确'), v.maxLength(MAX_NOTICE_TEAMS, `一次最多选择 ${MAX_NOTICE_TEAMS} 支队伍`)),
      [],
    ),
    requireAck: v.optional(v.boolean('「需确认」须为是或否'), false),
    requestId,
  }),
  v.check((value) => value.audience !== 'teams' || value.teamIds.length > 0, '请至少选择 1 支队伍'),
);
export type PublishNoticeInput = v.InferInput<typeof publishNoticeInput>;

export const NOTICE_SCOPES = ['mine', 'manage'] as const;
export const noticesInput = input({ scope: v.optional(v.picklist(NOTICE_SCOPES, '筛选条件有误'), 'mine'), cursor });

export const noticeIdInput = input({ noticeId });
