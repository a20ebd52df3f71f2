/**
 * The detail a write on a need answers with, read alongside the write's own reads: what the detail
 * needs (names, thread, outcome targets) is read from the need before the write, and the view is
 * built from what was written. Only when the need changed between the access check and the
 * transaction (someone else wrote in between) is it read again.
 */
import type { Need, Org, User } from '../../../core/types';
import type { NeedDetail } from '../../../core/views';
import type { Ctx } from '../../runtime/context';
import { early } from '../../runtime/early';
import { needDetail, needDetailView, readNeedDetail, standing, type NeedDetailData } from './views';

/** The write's result, and whether the need was as the access check read it when the write began. */
export type Written = { need: Need; asRead: boolean };

export const unchangedSince = (before: Need, current: Need) =>
  current.updatedAt === before.updatedAt && current.steps.length === before.steps.length;

/** Starts the detail's reads for a write by `caller` (who is the only new name the write adds). */
export function readForView(ctx: Ctx, caller: User, need: Need, orgs: Org[]): Promise<NeedDetailData> {
  return early(readNeedDetail(ctx, need, standing(caller, need, orgs).insider, [caller]));
}

export async function viewAfterWrite(
  ctx: Ctx,
  caller: User,
  written: Written,
  orgs: Org[],
  reads: Promise<NeedDetailData>,
  extra: (data: NeedDetailData) => Partial<NeedDetailData> = () => ({}),
): Promise<NeedDetail> {
  if (!written.asRead) return needDetail(ctx, caller, written.need, orgs);
  const data = await reads;
  return needDetailView(caller, written.need, orgs, { ...data, ...extra(data) }, ctx.now());
}
