import * as v from 'valibot';
import { failure, ok, type Failure, type Result } from './errors';

/** Validate against a shared schema; the first problem becomes a message a user can act on. */
export function validate<S extends v.GenericSchema<unknown, unknown>>(schema: S, raw: unknown): Result<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, raw);
  if (parsed.success) return ok(parsed.output);
  return failure('INVALID_INPUT', describeIssue(parsed.issues[0]));
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  // An unknown key in a strict object: name the key so the caller can fix the request.
  if (issue.expected === 'never' && issue.path?.length) {
    const key = issue.path[issue.path.length - 1]?.key;
    return `提交的内容包含无法识别的字段「${String(key)}」`;
  }
  return issue.message;
}

/** Each invalid field's first problem, keyed by its path (`realName`, `milestones.0.title`). */
export type FieldErrors = Record<string, string>;
export type FormCheck<T> = Result<T> | (Failure & { fields: FieldErrors });

/** Like validate, for a form: every invalid field gets its own message, to show beside that field. */
export function validateForm<S extends v.GenericSchema<unknown, unknown>>(schema: S, raw: unknown): FormCheck<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, raw);
  if (parsed.success) return ok(parsed.output);
  const fields: FieldErrors = {};
  for (const issue of parsed.issues) {
    const path = (issue.path ?? []).map((step) => String(step.key)).join('.');
    fields[path] ??= describeIssue(issue);
  }
  return { ...failure('INVALID_INPUT', describeIssue(parsed.issues[0])), fields };
}
