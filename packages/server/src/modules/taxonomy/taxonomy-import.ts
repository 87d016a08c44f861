import { type FieldError, type ImportMode, SchemeName, TaxonomyCode } from '@ilteo/shared';
import { fieldError } from '../../http/errors.js';
import { decodeText, parseCsv } from './csv.js';

/**
 * Reading and checking a taxonomy file, before anything is written: every row is checked and
 * every problem is reported with its line and column (`rows.12.parent_code`), so a user fixes the
 * file once. Nothing here touches the database; the service reads what exists and writes the plan.
 */

/** The largest file and the most rows an import takes (ESCO's 14,000 skills fit easily). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
const MAX_LABEL = 200;
const MAX_ALIASES = 50;

/** One row of a taxonomy file, checked on its own. */
export interface ImportRow {
  line: number;
  scheme: string;
  code: string;
  label: string;
  labelEn: string | null;
  parentCode: string | null;
  aliases: string[];
}

/** An item as the database holds it, for the checks that need what exists. */
export interface ExistingItem {
  code: string;
  label: string;
  labelEn: string | null;
  parentCode: string | null;
  level: number;
  aliases: string[];
}

/** What an import of one scheme will do. */
export interface SchemePlan {
  scheme: string;
  /** Rows that are new or differ from what exists, with their computed level. */
  inserts: (ImportRow & { level: number })[];
  updates: (ImportRow & { level: number })[];
  /** Rows identical to what exists. */
  unchanged: number;
  /** Existing items the file does not mention whose level changed (merge: a parent moved). */
  levelChanges: { code: string; level: number }[];
  /** Existing items the file does not mention (replace only). */
  deletions: string[];
}

/** The accepted columns; `label`/`label_en` are accepted for `name`/`name_en`. */
const COLUMN_NAMES: Record<string, Column> = {
  scheme: 'scheme',
  code: 'code',
  name: 'name',
  label: 'name',
  name_en: 'name_en',
  label_en: 'name_en',
  parent_code: 'parent_code',
  aliases: 'aliases',
};
type Column = 'scheme' | 'code' | 'name' | 'name_en' | 'parent_code' | 'aliases';

/**
 * Reads a CSV file of taxonomy items: a header row with `code` and `name` (and optionally
 * `scheme`, `name_en`, `parent_code`, `aliases` separated by `;` or `|`), then one item a row.
 * `scheme` is the scheme of rows whose scheme cell is empty (or of every row, without the column).
 * `rows` holds every row whose scheme, code and parent are usable, for the structural checks;
 * nothing may be written while `errors` is not empty.
 */
export function readTaxonomyCsv(
  bytes: Uint8Array,
  scheme?: string,
): { rows: ImportRow[]; errors: FieldError[] } {
  const { records, error } = parseCsv(decodeText(bytes));
  if (error) return { rows: [], errors: [error] };
  const [header, ...data] = records;
  if (!header || data.length === 0) return { rows: [], errors: [fieldError('file', 'no_rows')] };
  if (data.length > MAX_IMPORT_ROWS)
    return { rows: [], errors: [fieldError('file', 'too_many_rows', { max: MAX_IMPORT_ROWS })] };

  const errors: FieldError[] = [];
  const columns = new Map<Column, number>();
  header.cells.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    const column = COLUMN_NAMES[name];
    if (!column) errors.push(fieldError(`columns.${raw.trim() || index + 1}`, 'unknown_field'));
    else if (columns.has(column)) errors.push(fieldError(`columns.${name}`, 'invalid_value'));
    else columns.set(column, index);
  });
  for (const required of ['code', 'name'] as const) {
    if (!columns.has(required))
      errors.push(fieldError(`columns.${required}`, 'column_missing', { column: required }));
  }
  if (!columns.has('scheme') && !scheme) errors.push(fieldError('scheme', 'required'));
  if (errors.length) return { rows: [], errors };

  const rows: ImportRow[] = [];
  for (const record of data) {
    const at = (column: string) => `rows.${record.line}.${column}`;
    const cell = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? '' : (record.cells[index] ?? '').trim();
    };
    const before = errors.length;
    if (record.cells.slice(header.cells.length).some((c) => c.trim() !== '')) {
      errors.push(fieldError(`rows.${record.line}`, 'invalid_format'));
    }
    const rowScheme = cell('scheme') || scheme || '';
    if (!rowScheme) errors.push(fieldError(at('scheme'), 'required'));
    else if (scheme && rowScheme !== scheme) {
      errors.push(fieldError(at('scheme'), 'scheme_mismatch', { value: rowScheme, expected: scheme }));
    } else if (!SchemeName.safeParse(rowScheme).success)
      errors.push(fieldError(at('scheme'), 'invalid_format'));
    const code = cell('code');
    if (!code) errors.push(fieldError(at('code'), 'required'));
    else if (!TaxonomyCode.safeParse(code).success) errors.push(fieldError(at('code'), 'invalid_format'));
    const label = cell('name');
    if (!label) errors.push(fieldError(at('name'), 'required'));
    else if (label.length > MAX_LABEL) errors.push(fieldError(at('name'), 'too_big', { max: MAX_LABEL }));
    const labelEn = cell('name_en');
    if (labelEn.length > MAX_LABEL) errors.push(fieldError(at('name_en'), 'too_big', { max: MAX_LABEL }));
    const parentCode = cell('parent_code');
    if (parentCode && !TaxonomyCode.safeParse(parentCode).success) {
      errors.push(fieldError(at('parent_code'), 'invalid_format'));
    }
    const aliases = [
      ...new Set(
        cell('aliases')
          .split(/[;|]/)
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    ];
    if (aliases.length > MAX_ALIASES)
      errors.push(fieldError(at('aliases'), 'too_big_number', { max: MAX_ALIASES }));
    else if (aliases.some((a) => a.length > MAX_LABEL))
      errors.push(fieldError(at('aliases'), 'too_big', { max: MAX_LABEL }));
    // A row with a usable scheme and code takes part in the structural checks even when another
    // cell is bad, so one report lists every problem.
    const structural = !errors.slice(before).some((e) => /\.(scheme|code|parent_code)$/.test(e.field));
    if (structural && rowScheme && code) {
      rows.push({
        line: record.line,
        scheme: rowScheme,
        code,
        label,
        labelEn: labelEn || null,
        parentCode: parentCode || null,
        aliases,
      });
    }
  }
  return { rows, errors };
}

/**
 * Plans the import of one scheme's rows against the items that exist: duplicate codes, unknown
 * parents and cycles are errors; levels come from the parent chain. Merge keeps items the file
 * does not mention (their parents may be in the database); replace deletes them (so every parent
 * must be in the file).
 */
export function planScheme(
  scheme: string,
  rows: ImportRow[],
  existing: ExistingItem[],
  mode: ImportMode,
): { plan: SchemePlan; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const fileRows = new Map<string, ImportRow>();
  for (const row of rows) {
    const first = fileRows.get(row.code);
    if (first)
      errors.push(
        fieldError(`rows.${row.line}.code`, 'duplicate_code', { value: row.code, line: first.line }),
      );
    else fileRows.set(row.code, row);
  }
  // The tree after the import: what stays of the database, overlaid by the file.
  const parentOf = new Map<string, string | null>();
  if (mode === 'merge') for (const item of existing) parentOf.set(item.code, item.parentCode);
  for (const row of fileRows.values()) parentOf.set(row.code, row.parentCode);

  for (const row of fileRows.values()) {
    if (row.parentCode !== null && !parentOf.has(row.parentCode)) {
      errors.push(fieldError(`rows.${row.line}.parent_code`, 'unknown_parent', { value: row.parentCode }));
    }
  }
  for (const cycle of cyclesOf(parentOf)) {
    const path = [...cycle, cycle[0]!].join(' → ');
    for (const code of cycle) {
      const row = fileRows.get(code);
      if (row) errors.push(fieldError(`rows.${row.line}.parent_code`, 'parent_cycle', { value: path }));
    }
  }
  const plan: SchemePlan = {
    scheme,
    inserts: [],
    updates: [],
    unchanged: 0,
    levelChanges: [],
    deletions: [],
  };
  if (errors.length) return { plan, errors };

  const levels = levelsOf(parentOf);
  const before = new Map(existing.map((item) => [item.code, item]));
  for (const row of fileRows.values()) {
    const level = levels.get(row.code)!;
    const old = before.get(row.code);
    if (!old) plan.inserts.push({ ...row, level });
    else if (sameItem(old, row, level)) plan.unchanged++;
    else plan.updates.push({ ...row, level });
  }
  for (const item of existing) {
    if (fileRows.has(item.code)) continue;
    if (mode === 'replace') plan.deletions.push(item.code);
    else if (levels.get(item.code) !== item.level)
      plan.levelChanges.push({ code: item.code, level: levels.get(item.code)! });
  }
  return { plan, errors };
}

function sameItem(old: ExistingItem, row: ImportRow, level: number): boolean {
  return (
    old.label === row.label &&
    old.labelEn === row.labelEn &&
    old.parentCode === row.parentCode &&
    old.level === level &&
    JSON.stringify(old.aliases) === JSON.stringify(row.aliases)
  );
}

/** Each cycle of a parent map, as its codes in parent order, each cycle once. */
function cyclesOf(parentOf: Map<string, string | null>): string[][] {
  const state = new Map<string, 'walking' | 'done'>();
  const cycles: string[][] = [];
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    let code: string | null | undefined = start;
    while (code != null && parentOf.has(code) && !state.has(code)) {
      state.set(code, 'walking');
      path.push(code);
      code = parentOf.get(code);
    }
    if (code != null && state.get(code) === 'walking') cycles.push(path.slice(path.indexOf(code)));
    for (const p of path) state.set(p, 'done');
  }
  return cycles;
}

/** Depth of every code in an acyclic parent map whose parents all exist (1 = top). */
function levelsOf(parentOf: Map<string, string | null>): Map<string, number> {
  const levels = new Map<string, number>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    let code: string | null = start;
    while (code !== null && !levels.has(code)) {
      path.push(code);
      code = parentOf.get(code) ?? null;
    }
    let level = code === null ? 0 : levels.get(code)!;
    for (let i = path.length - 1; i >= 0; i--) levels.set(path[i]!, ++level);
  }
  return levels;
}
