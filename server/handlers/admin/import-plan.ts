/**
 * What an org sheet would do to the tree, row by row, without writing anything: create, already
 * there (skipped: re-importing the same sheet changes nothing), or an error in Chinese saying what
 * to fix. Parents are orgs the importer manages or league rows of the same sheet, in any order.
 */
import { IMPORT_MAX_ROWS, normalizeOrgName, ORG_NAME_MAX, orgNameKey, UNIT_NAME_MAX } from '../../../core/admin-rules';
import { onlyInvisible } from '../../../core/schemas/user-text';
import type { Org, OrgKind } from '../../../core/types';
import type { ImportPreview, ImportRow } from '../../../core/views';

/** One row as read from the sheet: its Excel row number and four texts. */
export type SheetRow = {
  row: number;
  kind: string;
  name: string;
  unitName: string;
  parentName: string;
  /** What the reader found wrong with the row itself (a cell that is not text). */
  problem?: string;
};

export type PlannedRow = ImportRow & { parentId: string | null; parentRow: number | null };

const KINDS: Record<string, OrgKind> = { 团组织: 'league', 党组织: 'party' };

function textError(label: string, value: string, max: number): string | null {
  if (!value || onlyInvisible(value)) return `请填写${label}`;
  if (value.length < 2) return `${label}至少 2 个字`;
  if (value.length > max) return `${label}最多 ${max} 个字`;
  return null;
}

export function planImport(rows: SheetRow[], orgs: Org[], managed: Set<string>): PlannedRow[] {
  if (rows.length > IMPORT_MAX_ROWS) {
    return [{ ...blank(rows[IMPORT_MAX_ROWS]), status: 'error', message: `一次最多导入 ${IMPORT_MAX_ROWS} 行，请把表格分成几份导入` }];
  }
  const active = orgs.filter((org) => !org.retiredAt);
  const planned: PlannedRow[] = rows.map((row) => ({ ...blank(row), kind: KINDS[row.kind] ?? null }));
  const firstRowOf = new Map<string, number>();

  // Row-local checks: kind, name, unit, parent given, repeats within the sheet.
  planned.forEach((row, at) => {
    const message =
      rows[at].problem ??
      (row.kind ? null : '类型须为「团组织」或「党组织」') ??
      textError('名称', row.name, ORG_NAME_MAX) ??
      textError('所在单位', row.unitName, UNIT_NAME_MAX) ??
      (row.parentName ? null : '请填写上级组织（你所管理的团组织，或表中的团组织）');
    if (message) return fail(row, message);
    const key = `${row.kind}:${orgNameKey(row.name)}`;
    const earlier = firstRowOf.get(key);
    if (earlier !== undefined) return fail(row, `与第 ${planned[earlier].row} 行重名`);
    firstRowOf.set(key, at);
  });

  // Against the tree: the same org under the same parent is already there; the same name elsewhere is a conflict.
  for (const row of planned) {
    if (row.status === 'error' || !row.kind) continue;
    const same = active.find((org) => org.kind === row.kind && orgNameKey(org.name) === orgNameKey(row.name));
    if (!same) continue;
    const parentName = orgs.find((org) => org._id === same.parentId)?.name ?? '';
    if (orgNameKey(parentName) === orgNameKey(row.parentName)) {
      row.status = 'exists';
      row.message = '已存在，导入时跳过';
      row.parentId = same.parentId;
    } else
      fail(row, `已有同名的${row.kind === 'league' ? '团组织' : '党组织'}「${row.name}」（上级：${parentName || '无'}），请换一个名称`);
  }

  // Parents of new rows: an org the importer manages, else a league row of this sheet (checked first itself).
  const sheetLeague = new Map<string, PlannedRow>();
  for (const row of planned)
    if (row.kind === 'league' && !sheetLeague.has(orgNameKey(row.name))) sheetLeague.set(orgNameKey(row.name), row);
  const resolving = new Set<PlannedRow>();
  const resolve = (row: PlannedRow): void => {
    if (row.status !== 'create' || row.parentId || row.parentRow) return;
    const parentKey = orgNameKey(row.parentName);
    const named = active.filter((org) => orgNameKey(org.name) === parentKey && managed.has(org._id));
    const existingParent = named.find((org) => org.kind === 'league');
    const sheetParent = sheetLeague.get(parentKey);
    if (existingParent) {
      row.parentId = existingParent._id;
      return;
    }
    // A sheet row naming an org already in the tree is a parent only if the importer manages it (found above).
    if (!sheetParent && named.length) return fail(row, `「${row.parentName}」是党组织，党组织下不能建下级组织，请填它所联系的团组织`);
    if (!sheetParent || sheetParent === row || sheetParent.status === 'exists') {
      return fail(row, `找不到上级组织「${row.parentName}」：须为你所管理的团组织，或本表中的团组织`);
    }
    if (resolving.has(sheetParent)) return fail(row, '上级关系绕成了一个圈，请检查「上级组织」一列');
    resolving.add(row);
    resolve(sheetParent);
    resolving.delete(row);
    if (sheetParent.status === 'error') {
      return fail(row, `上级组织「${row.parentName}」那一行（第 ${sheetParent.row} 行）有错误，请先改正它`);
    }
    row.parentRow = sheetParent.row;
  };
  planned.forEach(resolve);
  return planned;
}

function blank(row: SheetRow): PlannedRow {
  return {
    row: row.row,
    kind: null,
    name: normalizeOrgName(row.name),
    unitName: normalizeOrgName(row.unitName),
    parentName: normalizeOrgName(row.parentName),
    status: 'create',
    message: '',
    parentId: null,
    parentRow: null,
  };
}

function fail(row: PlannedRow, message: string): void {
  row.status = 'error';
  row.message = message;
}

export function previewOf(rows: PlannedRow[]): ImportPreview {
  return {
    rows: rows.map(({ parentId: _parentId, parentRow: _parentRow, ...row }) => row),
    creates: rows.filter((row) => row.status === 'create').length,
    exists: rows.filter((row) => row.status === 'exists').length,
    errors: rows.filter((row) => row.status === 'error').length,
  };
}
