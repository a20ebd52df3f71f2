import * as v from 'valibot';
import { CURSOR_PATTERN } from '../cursor';
import { FIELDS } from '../fields';
import { INVITE_ALPHABET, INVITE_LENGTH } from '../team-rules';
import { onlyInvisible, USER_TEXT } from './user-text';

/**
 * Text a person types that other people see (names, titles, bodies, reasons, notes…), trimmed,
 * with a Chinese label used in every message about it. Marked as user text: the function runtime
 * puts every such field of an action's input through the content check before the handler runs.
 * A value made only of invisible characters (zero-width, bidi controls, control characters, lone
 * surrogates…) is refused here, so the form shows it beside the field too.
 */
export function userText(label: string, min: number, max: number) {
  return v.pipe(
    v.string(`${label}须为文字`),
    v.trim(),
    v.check((value) => !onlyInvisible(value), `${label}不能只由不可见字符组成，请重新填写`),
    v.minLength(min, min === 1 ? `请填写${label}` : `${label}至少 ${min} 个字`),
    v.maxLength(max, `${label}最多 ${max} 个字`),
    v.metadata(USER_TEXT),
  );
}

export function optionalUserText(label: string, max: number) {
  return v.optional(userText(label, 0, max), '');
}

export function id(label: string) {
  return v.pipe(
    v.string(`${label}须为文字`),
    v.minLength(1, `缺少${label}`),
    v.maxLength(64, `${label}格式不正确`),
    v.regex(/^[A-Za-z0-9_-]+$/, `${label}格式不正确`),
  );
}

/** Client-generated id that makes a retried request idempotent. */
export const requestId = v.pipe(v.string('请求编号须为文字'), v.regex(/^[A-Za-z0-9-]{8,40}$/, '请求编号格式不正确'));

export const field = v.picklist(FIELDS, '请从列表中选择所属领域');

export const inviteCode = v.pipe(
  v.string('邀请码须为文字'),
  v.trim(),
  v.toUpperCase(),
  v.length(INVITE_LENGTH, `邀请码是 ${INVITE_LENGTH} 位字母或数字`),
  v.check((code) => [...code].every((c) => INVITE_ALPHABET.includes(c)), '邀请码中有无效字符，请核对'),
);

export const phone = v.optional(v.pipe(v.string('手机号须为文字'), v.trim(), v.regex(/^(1\d{10})?$/, '请填写 11 位手机号，或留空')));

export const fileId = v.pipe(
  v.string('文件编号须为文字'),
  v.maxLength(300, '文件编号过长'),
  v.regex(/^(cloud|local):\/\/[\w./-]+$/, '文件编号格式不正确'),
);

export const cursor = v.optional(v.nullable(v.pipe(v.string('分页参数有误'), v.regex(CURSOR_PATTERN, '分页参数有误'))), null);

/** Every action's input is a strict object: an unknown key is refused, not ignored. */
export function input<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, '提交的内容格式不正确');
}

export const empty = input({});

/** A calendar day in Asia/Shanghai, written YYYY-MM-DD. */
export function day(label: string) {
  return v.pipe(
    v.string(`请选择${label}`),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 年-月-日`),
    v.check((value) => {
      const [y, m, d] = value.split('-').map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    }, `${label}不是有效的日期`),
  );
}
