/** An org import sheet (the template's header and the given rows), stored as `openid`'s own upload. */
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../core/admin-rules';
import type { World } from './world';

export async function uploadOrgSheet(
  world: World,
  openid: string,
  rows: string[][],
  name = 'orgs.xlsx',
  header: readonly string[] = IMPORT_COLUMNS,
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织');
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow(row);
  const content = Buffer.from(await book.xlsx.writeBuffer());
  return world.cloud.storage.write(`uploads/${openid}/${name}`, content);
}
