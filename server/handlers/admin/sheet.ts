/** The org sheet as Excel: the template to fill in, and the rows read back from a filled one. */
import ExcelJS from 'exceljs';
import { AppError } from '../../../core/errors';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '../../../core/admin-rules';
import type { SheetRow } from './import-plan';

const WIDTHS = [10, 28, 32, 28];

export async function templateWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = IMPORT_COLUMNS.map((header, at) => ({ header, width: WIDTHS[at] }));
  sheet.getRow(1).font = { bold: true };
  for (let row = 2; row <= IMPORT_MAX_ROWS + 1; row += 1) {
    sheet.getCell(row, 1).dataValidation = { type: 'list', allowBlank: true, formulae: ['"团组织,党组织"'] };
  }
  const help = book.addWorksheet('填写说明');
  help.columns = [{ width: 16 }, { width: 70 }];
  [
    ['列', '怎么填'],
    ['类型', '「团组织」或「党组织」'],
    ['名称', '组织全称，2–40 字，不能与已有组织重名，例如「华芯微电子团委」'],
    ['所在单位', '组织所在的单位，例如「华芯微电子有限公司」'],
    ['上级组织', '你所管理的团组织的名称，或本表中另一行团组织的名称；党组织填它所联系的团组织'],
    ['说明', `从第 2 行起每行一个组织，最多 ${IMPORT_MAX_ROWS} 行；上传后先预览，确认无误才会导入；同一张表重复导入不会重复创建`],
  ].forEach((values, at) => {
    help.addRow(values);
    if (at === 0) help.getRow(1).font = { bold: true };
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

const text = (value: ExcelJS.CellValue | undefined): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if (typeof value === 'object' && 'text' in value) return String(value.text).trim();
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '').trim();
  return String(value).trim();
};

/** Rows 2… of the first sheet; a file that is not an .xlsx or lacks the columns is a clear error. */
export async function readSheet(content: Buffer): Promise<SheetRow[]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INVALID_INPUT', '无法读取这个文件，请上传用模板填写的 .xlsx 表格');
  }
  const sheet = book.worksheets[0];
  const header = sheet ? IMPORT_COLUMNS.map((_, at) => text(sheet.getRow(1).getCell(at + 1).value)) : [];
  if (!sheet || header.join() !== IMPORT_COLUMNS.join()) {
    throw new AppError('INVALID_INPUT', `表格第一行须为「${IMPORT_COLUMNS.join('、')}」，请下载模板后填写`);
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const [kind, name, unitName, parentName] = IMPORT_COLUMNS.map((_, at) => text(row.getCell(at + 1).value));
    if (kind || name || unitName || parentName) rows.push({ row: number, kind, name, unitName, parentName });
  });
  if (!rows.length) throw new AppError('INVALID_INPUT', '表格里没有要导入的组织，请从第 2 行起填写');
  return rows;
}
