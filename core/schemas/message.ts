import * as v from 'valibot';
import { TEMPLATE_KEYS } from '../templates';
import { cursor, id, input } from './common';

export const inboxInput = input({ cursor, unreadOnly: v.optional(v.boolean('筛选条件有误'), false) });

export const markReadInput = input({
  ids: v.optional(v.pipe(v.array(id('消息编号'), '消息编号有误'), v.maxLength(100, '一次最多标记 100 条'))),
  all: v.optional(v.boolean('参数有误'), false),
});

export const recordConsentInput = input({
  accepted: v.pipe(v.array(v.picklist(TEMPLATE_KEYS, '未知的消息类型'), '参数有误'), v.maxLength(3, '一次最多订阅 3 种消息')),
});
