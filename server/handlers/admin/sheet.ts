/** The org sheet as Excel: the template to fill in, and the rows read back from a filled one. */
import ExcelJS from 'exceljs';
import { AppError } from '../../../core/errors';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '../../../core/admin-rules';
import type { SheetRow } from './import-plan';
import { unpackedSize } from './zip-size';

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

/** A sheet larger than this, or unpacking to more than UNPACKED_MAX, is not an org list. */
export const FILE_MAX_BYTES = 1024 * 1024;
const UNPACKED_MAX = 5 * 1024 * 1024;
/** Longer cells are cut here before anything else looks at them (names are at most 60 characters). */
const CELL_MAX = 100;

const cut = (value: string) => value.trim().slice(0, CELL_MAX);

/** A cell as text; a cell holding something else (an error, a date, a formula's non-text result) is `null`. */
function text(value: ExcelJS.CellValue | undefined): string | null {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return cut(String(value));
  if (typeof value !== 'object') return null;
  if ('richText' in value) return cut(value.richText.map((part) => part.text).join(''));
  if ('text' in value && typeof value.text === 'string') return cut(value.text);
  if ('result' in value && typeof value.result === 'string') return cut(value.result);
  return null;
}

/** Rows 2… of the first sheet; a file that is not an .xlsx or lacks the columns is a clear error. */
export async function readSheet(content: Buffer): Promise<SheetRow[]> {
  if (content.length > FILE_MAX_BYTES) throw new AppError('INVALID_INPUT', '表格文件超过 1 MB，请只保留要导入的组织（一次最多 200 行）');
  const unpacked = unpackedSize(content);
  if (unpacked === null) throw new AppError('INVALID_INPUT', '无法读取这个文件，请上传用模板填写的 .xlsx 表格');
  if (unpacked > UNPACKED_MAX) throw new AppError('INVALID_INPUT', '表格内容过大，请只保留要导入的组织（一次最多 200 行）');
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new AppError('INVALID_INPUT', '无法读取这个文件，请上传用模板填写的 .xlsx 表格');
  }
  // The sheet a person sees first: hidden sheets are skipped.
  const sheet = book.worksheets.find((candidate) => candidate.state === 'visible');
  const header = sheet ? IMPORT_COLUMNS.map((_, at) => text(sheet.getRow(1).getCell(at + 1).value)) : [];
  if (!sheet || header.join() !== IMPORT_COLUMNS.join()) {
    throw new AppError('INVALID_INPUT', `表格第一行须为「${IMPORT_COLUMNS.join('、')}」，请下载模板后填写`);
  }
  if (sheet.actualRowCount > IMPORT_MAX_ROWS + 1) {
    throw new AppError('INVALID_INPUT', `一次最多导入 ${IMPORT_MAX_ROWS} 行，请把表格分成几份导入`);
  }
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = IMPORT_COLUMNS.map((_, at) => text(row.getCell(at + 1).value));
    const [kind, name, unitName, parentName] = cells.map((cell) => cell ?? '');
    const notText = cells.findIndex((cell) => cell === null);
    if (cells.some((cell) => cell !== '')) {
      rows.push({
        row: number,
        kind,
        name,
        unitName,
        parentName,
        problem: notText >= 0 ? `「${IMPORT_COLUMNS[notText]}」一列须为文字` : undefined,
      });
    }
  });
  if (!rows.length) throw new AppError('INVALID_INPUT', '表格里没有要导入的组织，请从第 2 行起填写');
  return rows;
}
