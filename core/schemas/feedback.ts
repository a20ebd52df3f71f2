import * as v from 'valibot';
import { MAX_LETTER_ITEMS, MAX_PERIOD_DAYS } from '../feedback-rules';
import { cursor, day, id, input, optionalUserText, requestId } from './common';

const PERIOD_REVERSED = '开始日期不能晚于结束日期';
const PERIOD_TOO_LONG = `时间段最长 ${MAX_PERIOD_DAYS} 天`;
const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

export const contactCodeInput = input({ partyOrgId: id('党组织') });

export const bindContactInput = input({
  code: v.pipe(v.string('绑定码须为文字'), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{8}$/, '绑定码是 8 位字母或数字')),
});

export const letterCandidatesInput = v.pipe(
  input({ teamId: id('队伍编号'), from: day('开始日期'), to: day('结束日期') }),
  v.check((value) => value.from <= value.to, PERIOD_REVERSED),
  v.check((value) => daysBetween(value.from, value.to) <= MAX_PERIOD_DAYS, PERIOD_TOO_LONG),
);

export const issueLetterInput = v.pipe(
  input({
    teamId: id('队伍编号'),
    from: day('开始日期'),
    to: day('结束日期'),
    itemIds: v.pipe(
      v.array(
        v.pipe(v.string('记录编号须为文字'), v.regex(/^(achievement|gate|claim|attendance):[A-Za-z0-9_-]{1,120}$/, '记录编号格式不正确')),
        '记录格式不正确',
      ),
      v.minLength(1, '请至少选择 1 项已确认的记录'),
      v.maxLength(MAX_LETTER_ITEMS, `一封反馈函最多 ${MAX_LETTER_ITEMS} 项`),
    ),
    note: optionalUserText('说明', 300),
    draftId: v.optional(v.nullable(id('草稿编号')), null),
    requestId,
  }),
  v.check((value) => value.from <= value.to, PERIOD_REVERSED),
  v.check((value) => daysBetween(value.from, value.to) <= MAX_PERIOD_DAYS, PERIOD_TOO_LONG),
);
export type IssueLetterInput = v.InferInput<typeof issueLetterInput>;

export const LETTER_SCOPES = ['contact', 'manage'] as const;
export const lettersInput = input({ scope: v.optional(v.picklist(LETTER_SCOPES, '筛选条件有误'), 'contact'), cursor });

export const letterIdInput = input({ letterId: id('反馈函编号') });

export const acknowledgeLetterInput = input({ letterId: id('反馈函编号'), reply: optionalUserText('回复', 300) });

export const verifyLetterInput = input({
  refCode: v.pipe(v.string('查验码须为文字'), v.trim(), v.toUpperCase(), v.regex(/^[A-Z0-9]{10}$/, '查验码是 10 位字母或数字')),
});
