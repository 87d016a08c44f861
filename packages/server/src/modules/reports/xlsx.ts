import ExcelJS from 'exceljs';
import type { CellFormat, CellValue, Column, Report, TemplatePlan } from './report-model.js';
import {
  LIST_SEPARATOR,
  PLAN_FIELDS,
  PLAN_SHEET,
  PROGRAM_SHEET,
  PROGRAM_TEMPLATE_COLUMNS,
  type ProgramTemplateKey,
  STRATEGY_SHEET,
  STRATEGY_TEMPLATE_COLUMNS,
} from './template.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: undefined,
  count: '#,##0',
  won: '#,##0',
  percent: '0.0%',
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FFB8C2CC' } };
const FONT = 'Malgun Gothic';

/** Writes a value into a cell with its number format (a percentage of 71.3 is stored as 0.713, shown 71.3%). */
function setCell(cell: ExcelJS.Cell, value: CellValue, format: CellFormat): void {
  if (value === null || value === '') {
    cell.value = null;
    return;
  }
  cell.value = format === 'percent' && typeof value === 'number' ? value / 100 : value;
  const numFmt = NUMBER_FORMATS[format];
  if (numFmt && typeof value === 'number') cell.numFmt = numFmt;
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: FONT, bold: true };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 30;
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  });
}

/** A table sheet: one header row (frozen, filterable) and one row per item. */
function addTable<R>(sheet: ExcelJS.Worksheet, columns: Column<R>[], rows: R[], startRow = 1): void {
  const header = sheet.getRow(startRow);
  columns.forEach((c, i) => {
    header.getCell(i + 1).value = c.header;
    const column = sheet.getColumn(i + 1);
    column.width = Math.max(column.width ?? 0, c.width);
  });
  styleHeader(header);
  rows.forEach((r, n) => {
    const row = sheet.getRow(startRow + 1 + n);
    row.font = { name: FONT };
    columns.forEach((c, i) => {
      setCell(row.getCell(i + 1), c.value(r), c.format);
    });
  });
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], and unique. */
function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[:\\/?*[\]]/g, ' ').trim();
  let name = clean.slice(0, 31);
  for (let n = 2; taken.has(name); n++) name = `${clean.slice(0, 31 - String(n).length - 1)}~${n}`;
  taken.add(name);
  return name;
}

function addSummary(workbook: ExcelJS.Workbook, report: Report): void {
  const sheet = workbook.addWorksheet('요약', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 60;
  const title = sheet.getRow(1);
  title.getCell(1).value = report.title;
  title.font = { name: FONT, bold: true, size: 14 };
  title.height = 24;
  sheet.mergeCells(1, 1, 1, 6);
  let row = 3;
  for (const item of report.summary) {
    const r = sheet.getRow(row++);
    r.getCell(1).value = item.label;
    r.getCell(1).font = { name: FONT, bold: true };
    setCell(r.getCell(2), item.value, item.format);
    r.getCell(2).font = { name: FONT };
    r.getCell(2).alignment = { horizontal: 'left' };
  }
  for (const text of [report.asOfText, report.scopeNote, report.note]) {
    if (!text) continue;
    const r = sheet.getRow(row++);
    r.getCell(1).value = text;
    r.getCell(1).font = { name: FONT, italic: true, color: { argb: 'FF555555' } };
  }
  row++;
  const heading = sheet.getRow(row++);
  heading.getCell(1).value = '전략별 현황';
  heading.font = { name: FONT, bold: true, size: 12 };
  addTable(sheet, report.strategyColumns, report.strategies, row);
}

function addProgramSheets(workbook: ExcelJS.Workbook, report: Report, taken: Set<string>): void {
  report.strategies.forEach((strategy, i) => {
    const sheet = workbook.addWorksheet(sheetName(`${i + 1}. ${strategy.name}`, taken), {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    });
    const rows = report.programs.filter((p) => p.strategyKey === strategy.key);
    addTable(sheet, report.programColumns, rows);
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: report.programColumns.length } };
  });
}

type TemplateProgram = TemplatePlan['programs'][number];

function templateValue(p: TemplateProgram, key: ProgramTemplateKey): CellValue {
  switch (key) {
    case 'strategy':
      return p.strategyName;
    case 'name':
      return p.name;
    case 'description':
      return p.description;
    case 'unitCode':
      return p.unitCode;
    case 'jobType':
      return p.jobType;
    case 'targetGroups':
      return p.targetGroups.join(LIST_SEPARATOR);
    case 'budgetNational':
      return p.budget.national;
    case 'budgetCity':
      return p.budget.city;
    case 'budgetDistrict':
      return p.budget.district;
    case 'budgetOther':
      return p.budget.other;
    case 'annualTarget':
      return p.annualTarget;
    case 'groupTargets':
      return Object.entries(p.groupTargets)
        .map(([g, n]) => `${g}:${n}`)
        .join(LIST_SEPARATOR);
    case 'illustrative':
      return p.illustrative ? 'Y' : 'N';
    default:
      return p.phasing[Number(key.slice(1)) - 1] ?? null;
  }
}

/** The machine-readable sheets (계획, 전략목록, 사업목록) that a plan import reads back. */
function addTemplate(workbook: ExcelJS.Workbook, template: TemplatePlan): void {
  const plan = workbook.addWorksheet(PLAN_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  addTable(
    plan,
    [
      { header: '항목', width: 20, format: 'text', value: (f: (typeof PLAN_FIELDS)[number]) => f.label },
      { header: '값', width: 60, format: 'text', value: (f) => template.fields[f.key] },
      { header: '키', width: 24, format: 'text', value: (f) => f.key },
    ],
    [...PLAN_FIELDS],
  );

  const strategies = workbook.addWorksheet(STRATEGY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  addTable(
    strategies,
    STRATEGY_TEMPLATE_COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      format: 'text' as const,
      value: (s: TemplatePlan['strategies'][number]) => s[c.key],
    })),
    template.strategies,
  );

  const programs = workbook.addWorksheet(PROGRAM_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }],
  });
  const numeric = (key: ProgramTemplateKey) =>
    key.startsWith('budget') || key === 'annualTarget' || /^m\d+$/.test(key);
  addTable(
    programs,
    PROGRAM_TEMPLATE_COLUMNS.map((c) => ({
      header: c.header,
      width: c.width,
      format: numeric(c.key) ? ('count' as const) : ('text' as const),
      value: (p: TemplateProgram) => templateValue(p, c.key),
    })),
    template.programs,
  );
}

/**
 * The plan as a workbook: 요약 (summary and strategies), one sheet per strategy with its programs,
 * and, for the back office, the template sheets an import reads.
 */
export async function renderXlsx(report: Report): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ilteo';
  workbook.title = report.title;
  workbook.company = report.organisationName;
  workbook.created = new Date();
  const taken = new Set(['요약', PLAN_SHEET, STRATEGY_SHEET, PROGRAM_SHEET]);
  addSummary(workbook, report);
  addProgramSheets(workbook, report, taken);
  if (report.template) addTemplate(workbook, report.template);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
