/**
 * 导出 Excel: one table of an org's subtree as an .xlsx in cloud storage, answered with a temporary
 * URL and a Chinese file name. Rounds: the runtime's (caller and org tree), the builder's reads of
 * the records, then the names they show alongside the audit entry; the file is written after.
 */
import { EXPORT_LABELS } from '../../../core/cockpit-rules';
import { AppError } from '../../../core/errors';
import { formatDate } from '../../../core/time';
import { audit } from '../../runtime/audit';
import type { Handler } from '../../runtime/function';
import { EXPORTS } from './exports';
import { scopeLabel, scopeOf } from './exports/scope';
import { workbookOf } from './exports/sheet';

/** Characters a file name may not hold on Windows, macOS or in WeChat's viewer. */
const UNSAFE = /[\\/:*?"<>|\s]+/g;

export const exportTable: Handler<'cockpit', 'export'> = async ({ ctx, caller, input, org, orgs }) => {
  if (org.kind !== 'league') throw new AppError('INVALID_INPUT', '请选择团组织导出：党组织下没有队伍与活动');
  const now = ctx.now();
  const scope = scopeOf(caller, org, orgs, now);
  const label = EXPORT_LABELS[input.table];
  const loaded = await EXPORTS[input.table](ctx, scope, { eventId: input.table === 'attendance' ? input.eventId : undefined });
  const what = loaded.subject ? `${label}（${loaded.subject}）` : label;
  const [sheets] = await Promise.all([
    loaded.finish(),
    audit(ctx.db, {
      at: now,
      actor: caller._id,
      fn: 'cockpit',
      action: 'export',
      target: `orgs/${org._id}`,
      orgId: org._id,
      summary: `导出「${what}」：${scopeLabel(scope)}，共 ${loaded.rows} 行`,
    }),
  ]);
  const fileId = await ctx.storage.write(`exports/${caller._id}/${now}-${input.table}.xlsx`, await workbookOf(sheets));
  const [url] = await ctx.storage.tempUrls([fileId]);
  const parts = [org.name, label, loaded.subject, formatDate(now)].filter(Boolean).map((part) => String(part).replace(UNSAFE, ''));
  return { fileId, url, fileName: `${parts.join('-')}.xlsx`, table: input.table, rows: loaded.rows };
};
