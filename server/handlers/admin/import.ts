/** Importing orgs from a sheet: the template, a preview with row errors, and the confirmed import (all or nothing). */
import { AppError } from '../../../core/errors';
import type { Org } from '../../../core/types';
import { txFind, txSet } from '../../db/collections';
import { audit, leagueOrgOf } from '../../runtime/audit';
import { keyedId } from '../../runtime/keyed-id';
import { checkTexts } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import { uploaderOf } from '../../runtime/files';
import type { Handler } from '../../runtime/function';
import { loadOrgs, managedOrgIds } from '../../runtime/orgs';
import type { User } from '../../../core/types';
import { planImport, previewOf, type PlannedRow } from './import-plan';
import { readSheet, templateWorkbook } from './sheet';

const TEMPLATE_NAME = '组织导入模板.xlsx';

export const importTemplate: Handler<'admin', 'importTemplate'> = async ({ ctx }) => {
  const fileId = await ctx.storage.write('admin/org-import-template.xlsx', await templateWorkbook());
  const [url] = await ctx.storage.tempUrls([fileId]);
  return { fileId, url, fileName: TEMPLATE_NAME };
};

async function planFile(ctx: Ctx, caller: User, fileId: string): Promise<{ rows: PlannedRow[]; orgs: Org[] }> {
  if (uploaderOf(fileId) !== caller._id) throw new AppError('INVALID_INPUT', '只能导入你自己上传的表格，请重新选择文件');
  let content: Buffer;
  try {
    content = await ctx.storage.read(fileId);
  } catch {
    throw new AppError('NOT_FOUND', '找不到上传的表格，请重新上传');
  }
  const [sheet, orgs] = await Promise.all([readSheet(content), loadOrgs(ctx)]);
  return { rows: planImport(sheet, orgs, managedOrgIds(orgs, caller)), orgs };
}

export const previewImport: Handler<'admin', 'previewImport'> = async ({ ctx, caller, input }) => {
  const { rows } = await planFile(ctx, caller, input.fileId);
  return previewOf(rows);
};

/** Rows to create, parents before children (a sheet may list a child first). */
function creationOrder(rows: PlannedRow[]): PlannedRow[] {
  const pending = rows.filter((row) => row.status === 'create');
  const ordered: PlannedRow[] = [];
  const placed = new Set<number>();
  while (ordered.length < pending.length) {
    for (const row of pending) {
      if (!placed.has(row.row) && (row.parentRow === null || placed.has(row.parentRow))) {
        ordered.push(row);
        placed.add(row.row);
      }
    }
  }
  return ordered;
}

/** The same sheet row from the same file names the same org: a confirm sent twice creates it once. */
const importedId = (fileId: string, row: PlannedRow) => keyedId('org-', fileId, row.kind ?? '', row.name);

export const confirmImport: Handler<'admin', 'confirmImport'> = async ({ ctx, caller, input }) => {
  const { rows, orgs } = await planFile(ctx, caller, input.fileId);
  const errors = rows.filter((row) => row.status === 'error').length;
  if (errors) throw new AppError('INVALID_INPUT', `表格中还有 ${errors} 行错误，请改正后重新上传并预览`);
  const ordered = creationOrder(rows);
  if (!ordered.length) return { created: 0, skipped: rows.length };
  await checkTexts(
    ctx,
    ordered.flatMap((row) => [row.name, row.unitName]),
  );
  const idOfRow = new Map(ordered.map((row) => [row.row, importedId(input.fileId, row)]));
  const now = ctx.now();
  let created = 0;
  await ctx.db.runTransaction(async (tx) => {
    created = 0;
    const names: string[] = [];
    // All reads first, together: one round trip, not one per row, before the writes.
    const present = await Promise.all(ordered.map((row) => txFind(tx, 'orgs', idOfRow.get(row.row) as string)));
    for (const [at, row] of ordered.entries()) {
      const _id = idOfRow.get(row.row) as string;
      if (present[at]) continue;
      names.push(row.name);
      const parentId = row.parentId ?? idOfRow.get(row.parentRow as number) ?? null;
      await txSet(tx, 'orgs', {
        _id,
        kind: row.kind ?? 'league',
        name: row.name,
        unitName: row.unitName,
        parentId,
        createdAt: now,
        createdBy: caller._id,
        retiredAt: null,
      });
      created += 1;
    }
    if (created) {
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'admin',
        action: 'confirmImport',
        target: `files/${input.fileId}`,
        // Listed under the existing org the first new one hangs from (rows below it hang from new ones).
        orgId: leagueOrgOf(orgs, ordered.find((row) => row.parentId)?.parentId ?? ''),
        summary: `从表格导入 ${created} 个组织：${names.join('、')}`.slice(0, 500),
      });
    }
  });
  return { created, skipped: rows.length - created };
};
