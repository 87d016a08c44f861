import {
  type Budget,
  type FieldError,
  type FieldMessageCode,
  JOB_TYPE_LABELS,
  JOB_TYPES,
  type JobType,
  TARGET_GROUP_LABELS,
  TARGET_GROUPS,
  type TargetGroup,
} from '@ilteo/shared';
import ExcelJS from 'exceljs';
import type { UnitRow } from '../../db/tables.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { zipEntries } from '../plan/evidence.filetype.js';
import { evenPhasing, phasingSum } from '../plan/phasing.js';
import {
  columnLetter,
  LIST_SEPARATOR,
  MONTH_KEYS,
  PLAN_FIELDS,
  PLAN_SHEET,
  PROGRAM_SHEET,
  PROGRAM_TEMPLATE_COLUMNS,
  type ProgramTemplateKey,
  STRATEGY_SHEET,
  STRATEGY_TEMPLATE_COLUMNS,
} from './template.js';

/**
 * Reads a plan workbook (the template an export writes) into a plan ready to be written, or
 * refuses it with one field error per bad cell, each located as `sheet!A1`. Nothing here writes.
 */

/** The largest workbook accepted, and the most it may unpack to (a ZIP bomb is refused unread). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 60 * 1024 * 1024;
const MAX_PROGRAM_ROWS = 2000;
const MAX_STRATEGY_ROWS = 200;

export interface ImportedProgram {
  name: string;
  description: string;
  ownerUnitId: number;
  jobType: JobType;
  targetGroups: TargetGroup[];
  budget: Budget;
  annualTarget: number;
  phasing: number[];
  /** `even` when the months are left blank or are exactly the even spread, so a changed target re-spreads them. */
  phasingMode: 'even' | 'custom';
  groupTargets: Partial<Record<TargetGroup, number>>;
  illustrative: boolean;
}

export interface ImportedPlanFields {
  title: string;
  vision: string;
  masterPlan: string;
  previousYearTarget: number | null;
  employmentRateTarget: number | null;
  employedIncreaseTarget: number | null;
  paceBehindBelow: number;
  paceAheadAbove: number;
}

export interface ImportedPlan {
  /** Null when the workbook has no `계획` sheet. */
  fields: ImportedPlanFields | null;
  strategies: { name: string; description: string; programs: ImportedProgram[] }[];
}

type Raw = string | number | boolean | null;

/** A cell's value as plain data: formulas give their result, rich text its text, blanks null. */
function rawValue(value: ExcelJS.CellValue): Raw {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('result' in value) return rawValue((value.result ?? null) as ExcelJS.CellValue);
  if ('richText' in value) return rawValue(value.richText.map((t) => t.text).join(''));
  if ('text' in value && typeof value.text === 'string') return rawValue(value.text);
  if ('error' in value) return String(value.error);
  return null;
}

/** Collects errors while cells are read; each reader returns undefined for a bad cell. */
class CellReader {
  readonly errors: FieldError[] = [];

  fail(ref: string, code: FieldMessageCode, params: Record<string, string | number> = {}): undefined {
    this.errors.push(fieldError(ref, code, params));
    return undefined;
  }

  text(ref: string, raw: Raw, max: number, required: boolean): string | undefined {
    if (raw === null) return required ? this.fail(ref, 'required') : '';
    const text = String(raw);
    return text.length > max ? this.fail(ref, 'too_big', { max }) : text;
  }

  /** A number (commas allowed, as people type them in text cells); null when blank. */
  number(ref: string, raw: Raw, min: number, max: number, whole: boolean): number | null | undefined {
    if (raw === null) return null;
    let n: number;
    if (typeof raw === 'number') n = raw;
    else {
      const text = String(raw).replaceAll(',', '').trim();
      if (typeof raw === 'boolean' || !/^[-+]?\d+(\.\d+)?$/.test(text))
        return this.fail(ref, 'not_a_number', { value: String(raw) });
      n = Number(text);
    }
    if (n < min) return this.fail(ref, 'too_small_number', { min });
    if (whole && !Number.isInteger(n)) return this.fail(ref, 'not_a_whole_number', { value: String(raw) });
    if (n > max) return this.fail(ref, 'too_big_number', { max });
    return n;
  }

  count(ref: string, raw: Raw, max: number, required: boolean): number | undefined {
    const n = this.number(ref, raw, 0, max, true);
    if (n === null) return required ? this.fail(ref, 'required') : 0;
    return n;
  }
}

/** A key of a list, given as the key itself (`youth`) or its Korean label (`청년`). */
function keyOf<K extends string>(
  value: string,
  keys: readonly K[],
  labels: Record<K, { ko: string }>,
): K | undefined {
  const v = value.trim();
  return keys.find((k) => k === v || labels[k].ko === v);
}

const splitList = (text: string) =>
  text
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

function readBoolean(reader: CellReader, ref: string, raw: Raw): boolean | undefined {
  if (raw === null) return false;
  if (typeof raw === 'boolean') return raw;
  const v = String(raw).trim().toUpperCase();
  if (['Y', 'YES', 'TRUE', '1', '예', 'O'].includes(v)) return true;
  if (['N', 'NO', 'FALSE', '0', '아니오', 'X'].includes(v)) return false;
  return reader.fail(ref, 'invalid_value');
}

/** Finds each template column by its header (or key) in row 1. */
function headerMap(sheet: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const header = rawValue(cell.value);
    if (header === null) return;
    const h = String(header).trim();
    const match = PROGRAM_TEMPLATE_COLUMNS.find((c) => c.header === h || c.key === h);
    if (match && !map.has(match.key)) map.set(match.key, column);
  });
  return map;
}

const isEmptyRow = (row: ExcelJS.Row) => {
  let empty = true;
  row.eachCell((cell) => {
    if (rawValue(cell.value) !== null) empty = false;
  });
  return empty;
};

function readPlanFields(reader: CellReader, sheet: ExcelJS.Worksheet): ImportedPlanFields | null {
  const rows = new Map<string, { raw: Raw; ref: string }>();
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const key = rawValue(row.getCell(3).value);
    const label = rawValue(row.getCell(1).value);
    const field = PLAN_FIELDS.find((f) => f.key === key || f.label === label);
    if (field) rows.set(field.key, { raw: rawValue(row.getCell(2).value), ref: `${PLAN_SHEET}!B${n}` });
  });
  const at = (key: string) => rows.get(key) ?? { raw: null, ref: `${PLAN_SHEET}!B` };
  const title = reader.text(at('title').ref, at('title').raw, 200, true);
  const vision = reader.text(at('vision').ref, at('vision').raw, 500, false);
  const masterPlan = reader.text(at('masterPlan').ref, at('masterPlan').raw, 200, false);
  const previousYearTarget = reader.number(
    at('previousYearTarget').ref,
    at('previousYearTarget').raw,
    0,
    10_000_000,
    true,
  );
  const employmentRateTarget = reader.number(
    at('employmentRateTarget').ref,
    at('employmentRateTarget').raw,
    0,
    100,
    false,
  );
  const employedIncreaseTarget = reader.number(
    at('employedIncreaseTarget').ref,
    at('employedIncreaseTarget').raw,
    -10_000_000,
    10_000_000,
    true,
  );
  const behind = reader.number(at('paceBehindBelow').ref, at('paceBehindBelow').raw, 0, 100, false);
  const ahead = reader.number(at('paceAheadAbove').ref, at('paceAheadAbove').raw, 100, 1000, false);
  if (
    title === undefined ||
    vision === undefined ||
    masterPlan === undefined ||
    previousYearTarget === undefined ||
    employmentRateTarget === undefined ||
    employedIncreaseTarget === undefined ||
    behind === undefined ||
    ahead === undefined
  ) {
    return null;
  }
  return {
    title,
    vision,
    masterPlan,
    previousYearTarget,
    employmentRateTarget,
    employedIncreaseTarget,
    paceBehindBelow: behind ?? 90,
    paceAheadAbove: ahead ?? 110,
  };
}

function readStrategies(
  reader: CellReader,
  sheet: ExcelJS.Worksheet,
): { name: string; description: string }[] {
  const list: { name: string; description: string }[] = [];
  const nameColumn = 1;
  const descriptionColumn = 2;
  if (String(rawValue(sheet.getRow(1).getCell(1).value) ?? '') !== STRATEGY_TEMPLATE_COLUMNS[0].header) {
    reader.fail(`${STRATEGY_SHEET}!A1`, 'column_missing', { column: STRATEGY_TEMPLATE_COLUMNS[0].header });
    return list;
  }
  if (sheet.actualRowCount - 1 > MAX_STRATEGY_ROWS) {
    reader.fail(STRATEGY_SHEET, 'too_many_rows', { max: MAX_STRATEGY_ROWS });
    return list;
  }
  sheet.eachRow((row, n) => {
    if (n === 1 || isEmptyRow(row)) return;
    const name = reader.text(`${STRATEGY_SHEET}!A${n}`, rawValue(row.getCell(nameColumn).value), 200, true);
    const description = reader.text(
      `${STRATEGY_SHEET}!B${n}`,
      rawValue(row.getCell(descriptionColumn).value),
      2000,
      false,
    );
    if (name !== undefined && list.some((s) => s.name === name)) {
      reader.fail(`${STRATEGY_SHEET}!A${n}`, 'invalid_value');
    } else if (name !== undefined && description !== undefined) {
      list.push({ name, description });
    }
  });
  return list;
}

/** A valid row of the `사업목록` sheet, with the strategy it names and where. */
interface ProgramRow {
  strategy: string;
  strategyRef: string;
  program: ImportedProgram;
}

const REQUIRED_COLUMNS: ProgramTemplateKey[] = [
  'strategy',
  'name',
  'unitCode',
  'jobType',
  'targetGroups',
  'annualTarget',
];

function readPrograms(reader: CellReader, sheet: ExcelJS.Worksheet, units: UnitRow[]): ProgramRow[] {
  const columns = headerMap(sheet);
  const header = (key: ProgramTemplateKey) => PROGRAM_TEMPLATE_COLUMNS.find((c) => c.key === key)!.header;
  const monthColumns = MONTH_KEYS.filter((k) => columns.has(k));
  const missing = [
    ...REQUIRED_COLUMNS.filter((k) => !columns.has(k)),
    ...(monthColumns.length > 0 ? MONTH_KEYS.filter((k) => !columns.has(k)) : []),
  ];
  for (const key of missing) reader.fail(`${PROGRAM_SHEET}!1:1`, 'column_missing', { column: header(key) });
  if (missing.length) return [];
  if (sheet.actualRowCount - 1 > MAX_PROGRAM_ROWS) {
    reader.fail(PROGRAM_SHEET, 'too_many_rows', { max: MAX_PROGRAM_ROWS });
    return [];
  }
  const owners = new Map(
    units.filter((u) => u.kind === 'department' || u.kind === 'agency').map((u) => [u.code, u.id]),
  );
  const out: ProgramRow[] = [];

  sheet.eachRow((row, n) => {
    if (n === 1 || isEmptyRow(row)) return;
    const ref = (key: ProgramTemplateKey) => `${PROGRAM_SHEET}!${columnLetter(columns.get(key)!)}${n}`;
    const raw = (key: ProgramTemplateKey): Raw =>
      columns.has(key) ? rawValue(row.getCell(columns.get(key)!).value) : null;
    const before = reader.errors.length;

    const strategy = reader.text(ref('strategy'), raw('strategy'), 200, true);
    const name = reader.text(ref('name'), raw('name'), 200, true);
    const description = columns.has('description')
      ? reader.text(ref('description'), raw('description'), 4000, false)
      : '';

    const unitCode = raw('unitCode');
    let ownerUnitId: number | undefined;
    if (unitCode === null) reader.fail(ref('unitCode'), 'required');
    else {
      ownerUnitId = owners.get(String(unitCode).trim());
      if (ownerUnitId === undefined)
        reader.fail(ref('unitCode'), 'unknown_unit', { value: String(unitCode) });
    }

    const jobTypeRaw = raw('jobType');
    let jobType: JobType | undefined;
    if (jobTypeRaw === null) reader.fail(ref('jobType'), 'required');
    else {
      jobType = keyOf(String(jobTypeRaw), JOB_TYPES, JOB_TYPE_LABELS);
      if (!jobType)
        reader.fail(ref('jobType'), 'unknown_key', {
          value: String(jobTypeRaw),
          allowed: JOB_TYPES.join(', '),
        });
    }

    const groupsRaw = raw('targetGroups');
    const targetGroups: TargetGroup[] = [];
    if (groupsRaw === null) reader.fail(ref('targetGroups'), 'required');
    else {
      for (const item of splitList(String(groupsRaw))) {
        const group = keyOf(item, TARGET_GROUPS, TARGET_GROUP_LABELS);
        if (!group) {
          reader.fail(ref('targetGroups'), 'unknown_key', { value: item, allowed: TARGET_GROUPS.join(', ') });
          break;
        }
        if (!targetGroups.includes(group)) targetGroups.push(group);
      }
    }

    const budget = (key: ProgramTemplateKey) =>
      columns.has(key) ? reader.count(ref(key), raw(key), 1_000_000_000_000_000, false) : 0;
    const national = budget('budgetNational');
    const city = budget('budgetCity');
    const district = budget('budgetDistrict');
    const other = budget('budgetOther');

    const annualTarget = reader.count(ref('annualTarget'), raw('annualTarget'), 10_000_000, true);

    let phasing: number[] | undefined;
    if (monthColumns.length === 12 && MONTH_KEYS.some((k) => raw(k) !== null)) {
      const months = MONTH_KEYS.map((k) => reader.count(ref(k), raw(k), 10_000_000, true));
      if (months.every((m) => m !== undefined)) {
        phasing = months as number[];
        if (annualTarget !== undefined && phasingSum(phasing) !== annualTarget) {
          reader.fail(
            `${PROGRAM_SHEET}!${columnLetter(columns.get('m1')!)}${n}:${columnLetter(columns.get('m12')!)}${n}`,
            'phasing_sum',
            {
              sum: phasingSum(phasing),
              target: annualTarget,
            },
          );
        }
      }
    }

    const groupTargets: Partial<Record<TargetGroup, number>> = {};
    const groupsText = raw('groupTargets');
    if (groupsText !== null) {
      const gref = ref('groupTargets');
      for (const item of String(groupsText)
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean)) {
        const match = /^([^:]+):\s*([\d,]+)$/.exec(item);
        const group = match ? keyOf(match[1]!, TARGET_GROUPS, TARGET_GROUP_LABELS) : undefined;
        if (!match) {
          reader.fail(gref, 'invalid_format');
          break;
        }
        if (!group) {
          reader.fail(gref, 'unknown_key', { value: match[1]!, allowed: TARGET_GROUPS.join(', ') });
          break;
        }
        if (!targetGroups.includes(group)) {
          reader.fail(gref, 'group_not_targeted');
          break;
        }
        groupTargets[group] = Number(match[2]!.replaceAll(',', ''));
      }
      const sum = Object.values(groupTargets).reduce<number>((a, b) => a + (b ?? 0), 0);
      if (annualTarget !== undefined && sum > annualTarget && !reader.errors.some((e) => e.field === gref)) {
        reader.fail(gref, 'group_sum', { sum, total: annualTarget });
      }
    }

    const illustrative = columns.has('illustrative')
      ? readBoolean(reader, ref('illustrative'), raw('illustrative'))
      : false;

    if (reader.errors.length > before) return;
    const target = annualTarget!;
    const even = evenPhasing(target);
    const given = phasing ?? even;
    out.push({
      strategy: strategy!,
      strategyRef: ref('strategy'),
      program: {
        name: name!,
        description: description!,
        ownerUnitId: ownerUnitId!,
        jobType: jobType!,
        targetGroups,
        budget: { national: national!, city: city!, district: district!, other: other! },
        annualTarget: target,
        phasing: given,
        phasingMode: given.every((v, i) => v === even[i]) ? 'even' : 'custom',
        groupTargets,
        illustrative: illustrative!,
      },
    });
  });
  return out;
}

/** Opens an uploaded workbook, refusing anything that is not an XLSX file or unpacks to too much. */
async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const entries = zipEntries(bytes);
  if (!entries?.some((e) => e.name.startsWith('xl/')))
    throw validationError([fieldError('file', 'not_xlsx')]);
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
  return workbook;
}

/**
 * Reads and checks a plan workbook; throws a validation error listing every bad cell. A new plan
 * needs the `계획` sheet; replacing a plan's structure takes it when it is there.
 */
export async function readPlanWorkbook(
  bytes: Buffer,
  units: UnitRow[],
  requirePlanSheet: boolean,
): Promise<ImportedPlan> {
  const workbook = await openWorkbook(bytes);
  const reader = new CellReader();
  const planSheet = workbook.getWorksheet(PLAN_SHEET);
  const strategySheet = workbook.getWorksheet(STRATEGY_SHEET);
  const programSheet = workbook.getWorksheet(PROGRAM_SHEET);
  const fields = planSheet ? readPlanFields(reader, planSheet) : null;
  if (!planSheet && requirePlanSheet) reader.fail(PLAN_SHEET, 'sheet_missing', { sheet: PLAN_SHEET });
  const listed = strategySheet ? readStrategies(reader, strategySheet) : null;
  if (!programSheet) reader.fail(PROGRAM_SHEET, 'sheet_missing', { sheet: PROGRAM_SHEET });
  const rows = programSheet ? readPrograms(reader, programSheet, units) : [];

  // Strategies as the `전략목록` sheet lists them; without it, in the order the programs name them.
  const strategies = (listed ?? []).map((s) => ({ ...s, programs: [] as ImportedProgram[] }));
  for (const row of rows) {
    let strategy = strategies.find((s) => s.name === row.strategy);
    if (!strategy && listed) {
      reader.fail(row.strategyRef, 'unknown_strategy', { value: row.strategy });
      continue;
    }
    if (!strategy) {
      strategy = { name: row.strategy, description: '', programs: [] };
      strategies.push(strategy);
    }
    strategy.programs.push(row.program);
  }
  if (reader.errors.length) throw validationError(reader.errors);
  return { fields, strategies };
}
