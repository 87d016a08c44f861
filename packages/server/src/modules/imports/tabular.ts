import ExcelJS from 'exceljs';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { zipEntries } from '../plan/evidence.filetype.js';
import { decodeText, parseCsv } from '../taxonomy/csv.js';

/**
 * Spreadsheet files as header + rows of text cells, both ways: CSV (UTF-8 with or without a BOM;
 * CP949 as Korean Excel saves it) and XLSX (the first sheet). Pure: bytes in, cells out.
 */

/** A data row and its number as a spreadsheet shows it (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface Sheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: SheetRow[];
}

/** The most data rows one file may have. */
export const MAX_ROWS = 20_000;
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Which spreadsheet format the bytes are, by their content (not their name). */
export function sniffFormat(bytes: Buffer): 'csv' | 'xlsx' | null {
  if (bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50) {
    return zipEntries(bytes)?.some((e) => e.name.startsWith('xl/')) ? 'xlsx' : null;
  }
  // Text has no NUL bytes; a PDF, an image or a Word document does.
  if (bytes.subarray(0, 8192).includes(0)) return null;
  return 'csv';
}

/** Reads a CSV or XLSX file; a file that is neither is a field error on `file`. */
export async function readSheet(bytes: Buffer): Promise<Sheet> {
  const format = sniffFormat(bytes);
  if (format === 'xlsx') return readXlsx(bytes);
  if (format === 'csv') return readCsv(bytes);
  throw validationError([fieldError('file', 'not_csv_or_xlsx')]);
}

function readCsv(bytes: Buffer): Sheet {
  const { records, error } = parseCsv(decodeText(bytes));
  if (error) throw validationError([{ ...error, field: 'file' }]);
  const [header, ...data] = records;
  if (!header) throw validationError([fieldError('file', 'no_rows')]);
  return {
    format: 'csv',
    headers: header.cells.map((c) => c.trim()),
    rows: data.map((r) => ({ row: r.line, cells: r.cells.map(undefuse) })),
  };
}

async function readXlsx(bytes: Buffer): Promise<Sheet> {
  const entries = zipEntries(bytes) ?? [];
  if (entries.reduce((s, e) => s + e.uncompressedSize, 0) > MAX_UNPACKED_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', {}, [
      fieldError('file', 'file_too_large', { max: '60 MB (압축 해제 후 / unpacked)' }),
    ]);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's declared Buffer type predates Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw validationError([fieldError('file', 'not_xlsx')]);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw validationError([fieldError('file', 'no_rows')]);
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  for (let c = 1; c <= headerRow.cellCount; c++) headers.push(cellText(headerRow.getCell(c).value).trim());
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells = headers.map((_, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: n, cells });
  });
  return { format: 'xlsx', headers, rows };
}

/** A cell as text: numbers plainly, dates as YYYY-MM-DD, formulas by their result, rich text joined. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('result' in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  return '';
}

/** A cell of our own CSV that was defused on export (`'=…`) reads as typed. */
function undefuse(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export type Cell = string | number | null;

/** Text a spreadsheet would run as a formula gets a leading apostrophe (CSV only). */
function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV as Excel reads Korean: UTF-8 with a BOM, CRLF lines. */
export function writeCsv(headers: string[], rows: Cell[][]): Buffer {
  const lines = [headers.map(csvField).join(','), ...rows.map((r) => r.map(csvField).join(','))];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** One sheet with a bold, frozen header row; numbers stay numbers, everything else is text. */
export async function writeXlsx(sheetName: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ilteo';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(headers).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((c) => (c === null ? null : c)));
  headers.forEach((h, i) => {
    // Codes such as 0111 or 2306051 must not lose their leading zeros in Excel.
    sheet.getColumn(i + 1).numFmt = '@';
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length * 2 + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
