/**
 * An export's sheets as data (headers, widths, kinds of cell) and the workbook written from them:
 * bold frozen header row with a filter, widths set, dates as real Excel dates.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { shanghaiDay } from '../../../../core/time';

export type Cell = string | number | Date | null;
/** `day` and `moment` cells hold Dates; they are written as Excel dates with a day or day-and-time format. */
export type ColumnKind = 'text' | 'number' | 'day' | 'moment';
export type Column = { header: string; width: number; kind?: ColumnKind };
export type SheetSpec = { name: string; columns: Column[]; rows: Cell[][]; empty: string };

const FORMATS: Partial<Record<ColumnKind, string>> = { day: 'yyyy-mm-dd', moment: 'yyyy-mm-dd hh:mm' };
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/**
 * A moment as an Excel cell. Excel dates carry no zone (exceljs writes a Date's UTC fields), so the
 * cell holds the Asia/Shanghai wall time: what the app shows is what the sheet shows.
 */
export function moment(ms: number | null | undefined): Date | null {
  return ms === null || ms === undefined ? null : new Date(ms + SHANGHAI_OFFSET_MS);
}

/** A calendar day (YYYY-MM-DD, as stored) as an Excel date. */
export function calendarDay(day: string | null | undefined): Date | null {
  if (!day) return null;
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, date));
}

/** The Shanghai day of a moment as an Excel date. */
export const dayOf = (ms: number | null | undefined): Date | null =>
  ms === null || ms === undefined ? null : calendarDay(shanghaiDay(ms));

export const yesNo = (flag: boolean) => (flag ? '是' : '否');

type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

function writeSheet(sheet: SheetWriter, spec: SheetSpec): void {
  sheet.columns = spec.columns.map((column) => {
    const numFmt = column.kind ? FORMATS[column.kind] : undefined;
    return { header: column.header, width: column.width, style: numFmt ? { numFmt } : {} };
  });
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.columns.length } };
  // Nothing to say is an empty cell, not an empty string. An empty sheet says so rather than looking like a failed export.
  const rows = spec.rows.length ? spec.rows.map((row) => row.map((cell) => (cell === '' ? null : cell))) : [[spec.empty]];
  for (const row of rows) sheet.addRow(row).commit();
  sheet.commit();
}

/**
 * The workbook, streamed: each row is written into the zip as it is added, so a 10,000-row sheet
 * never sits in memory as cell objects (bench/export.ts).
 */
export async function workbookOf(sheets: SheetSpec[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: true });
  book.creator = '科创突击队';
  for (const spec of sheets) writeSheet(book.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] }), spec);
  await book.commit();
  return Buffer.concat(chunks);
}
