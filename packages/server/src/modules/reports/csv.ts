import type { CellValue, Column, ProgramLine, Report } from './report-model.js';

export const CSV_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
function field(value: CellValue, format: Column<ProgramLine>['format']): string {
  if (value === null) return '';
  let text = String(value);
  if (format === 'text' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The programs as CSV: UTF-8 with a BOM (so Excel reads Korean), CRLF lines, one row per program
 * with the program sheets' columns after a 전략 column (in the workbook, the strategy is the sheet).
 * Numbers are plain (no thousands separators); percentages are numbers of percent (71.3).
 */
export function renderCsv(report: Report): Buffer {
  const columns: Column<ProgramLine>[] = [
    { header: '전략', width: 0, format: 'text', value: (p) => p.strategyName },
    ...report.programColumns,
  ];
  const lines = [
    columns.map((c) => field(c.header, 'text')).join(','),
    ...report.programs.map((p) => columns.map((c) => field(c.value(p), c.format)).join(',')),
  ];
  return Buffer.from(`${BOM + lines.join('\r\n')}\r\n`, 'utf8');
}
