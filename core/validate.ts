import * as v from 'valibot';
import { failure, ok, type Result } from './errors';

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
