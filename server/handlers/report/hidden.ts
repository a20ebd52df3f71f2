/** Content hidden after a report: what the screens show of the mark, and what others are told. */
import { AppError } from '../../../core/errors';
import type { HiddenMark } from '../../../core/types';

export const HIDDEN_REFUSAL = '该内容已被隐藏';

export type HiddenNote = { reason: string; at: number };

/** The mark as a view shows it (who hid it and the report stay on record only). */
export function hiddenNote(mark: HiddenMark | null | undefined): HiddenNote | null {
  return mark ? { reason: mark.reason, at: mark.at } : null;
}

export function hiddenError(): AppError {
  return new AppError('NOT_FOUND', HIDDEN_REFUSAL);
}
