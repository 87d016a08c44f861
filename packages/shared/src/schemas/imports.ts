import { z } from 'zod';
import { pageOf, pageQuery, Timestamp } from './common.js';

/**
 * Imports and exports of the registry: CSV and XLSX files of seekers, employers and vacancies
 * (Korean column headers, docs/imports.md), and 고용24 OPEN-API XML (구인 목록 and 상세).
 */

/** What a file holds. `work24` is a 고용24 OPEN-API XML response (list or detail) of vacancies. */
export const REGISTRY_IMPORT_KINDS = ['seekers', 'employers', 'vacancies', 'work24'] as const;
export type RegistryImportKind = (typeof REGISTRY_IMPORT_KINDS)[number];

/** What can be exported (the same columns an import reads). */
export const REGISTRY_EXPORT_KINDS = ['seekers', 'employers', 'vacancies'] as const;
export type RegistryExportKind = (typeof REGISTRY_EXPORT_KINDS)[number];

/**
 * `all`: nothing is written unless every row is valid; `valid_only`: the valid rows are written
 * and the others reported.
 */
export const REGISTRY_IMPORT_MODES = ['all', 'valid_only'] as const;
export type RegistryImportMode = (typeof REGISTRY_IMPORT_MODES)[number];

export const ImportKindParams = z.strictObject({ kind: z.enum(REGISTRY_IMPORT_KINDS) });

/** `POST /imports/{kind}?mode=&dryRun=`: `dryRun=true` checks every row and writes nothing. */
export const ImportQuery = z.strictObject({
  mode: z.enum(REGISTRY_IMPORT_MODES).default('all'),
  dryRun: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

/** `template=true`: the file with its header row only, to fill in. */
export const ExportQuery = z.strictObject({
  template: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** A problem with one cell (or row) of a file: the field of the input, its column header, the message. */
export const ImportRowError = z.object({
  /** Path in the input, e.g. `wage.amount`, or `row` for the row as a whole. */
  field: z.string(),
  /** The Korean column header of the file (null for problems that are not one column's). */
  column: z.string().nullable(),
  code: z.string(),
  message: z.object({ ko: z.string(), en: z.string() }),
});
export type ImportRowError = z.infer<typeof ImportRowError>;

/**
 * What became of one row: `inserted`/`updated` (written), `valid` (a dry run, or a valid row not
 * written because another row was invalid in mode `all`), `invalid` (not written).
 */
export const IMPORT_ROW_STATUSES = ['inserted', 'updated', 'valid', 'invalid'] as const;

export const ImportRowReport = z.object({
  /** The row's number as a spreadsheet shows it (the header is row 1); for 고용24, the posting's position. */
  row: z.number().int(),
  status: z.enum(IMPORT_ROW_STATUSES),
  /** The record written or matched (null when none). */
  id: z.number().int().nullable(),
  /** What identifies the row to a person: a business number, a 구인인증번호 (never a person's name). */
  key: z.string().nullable(),
  errors: z.array(ImportRowError),
  /** Things worth knowing that did not stop the row (e.g. a 고용24 wage under the minimum wage). */
  notes: z.array(ImportRowError),
});
export type ImportRowReport = z.infer<typeof ImportRowReport>;

export const ImportReport = z.object({
  /** The `registry_imports` record (null for a dry run, which is not recorded). */
  id: z.number().int().nullable(),
  kind: z.enum(REGISTRY_IMPORT_KINDS),
  format: z.enum(['csv', 'xlsx', 'work24']),
  /** The uploaded file's name. */
  source: z.string(),
  mode: z.enum(REGISTRY_IMPORT_MODES),
  dryRun: z.boolean(),
  /** Whether anything was written. */
  written: z.boolean(),
  totalRows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  invalid: z.number().int(),
  /** Rows not written: the invalid ones, and in mode `all` with an invalid row, every row. */
  skipped: z.number().int(),
  rows: z.array(ImportRowReport),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** A past import, as `GET /imports` lists it. */
export const ImportRun = z.object({
  id: z.number().int(),
  kind: z.enum(['seekers', 'employers', 'vacancies']),
  format: z.enum(['csv', 'xlsx', 'work24']),
  source: z.string(),
  mode: z.enum(REGISTRY_IMPORT_MODES),
  totalRows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  createdBy: z.number().int().nullable(),
  createdAt: Timestamp,
});
export type ImportRun = z.infer<typeof ImportRun>;

export const ImportRunQuery = pageQuery(['createdAt'] as const, 'createdAt');
export const ImportRunPage = pageOf(ImportRun);
