import {
  type EmployerContact,
  EmployerInput,
  type FieldError,
  type ImportReport,
  type ImportRowError,
  type ImportRowReport,
  type PageQuery,
  type RegistryImportKind,
  type RegistryImportMode,
  SeekerConsentsInput,
  SeekerProfileInput,
  VacancyInput,
} from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import {
  checkEmployer,
  findEmployerByBusinessNumber,
  writeEmployer,
} from '../employers/employers.commands.js';
import { checkSeeker, seekerConsentsOf, writeSeeker } from '../seekers/seekers.commands.js';
import { decodeText } from '../taxonomy/csv.js';
import { checkVacancy, findVacancyByExternalId, writeVacancy } from '../vacancies/vacancies.commands.js';
import {
  COLUMNS,
  type Column,
  FILE_CONTACTS,
  inputOf,
  onColumns,
  type ReadRow,
  readRows,
  zodErrors,
} from './columns.js';
import { organisationOf } from './imports.policy.js';
import { presentImportRun } from './imports.presenter.js';
import * as repo from './imports.repository.js';
import { employerRecord } from './records.js';
import { MAX_ROWS, readSheet } from './tabular.js';
import { parseWork24, work24ErrorMessage } from './work24.js';
import { importWork24Postings } from './work24.service.js';

/**
 * Imports of seekers, employers and vacancies from CSV or XLSX, and of vacancies from 고용24
 * XML. Every row is checked with the input's zod schema and its module's check command, then
 * written through that module's write command, all in one transaction. In mode `all` an invalid
 * row rolls the whole transaction back; in `valid_only` only the valid rows are written; a dry
 * run always rolls back. So a dry run sees exactly what a real run would do, including rows that
 * depend on earlier rows of the same file.
 */

/** The largest file an import takes. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportRequest {
  kind: RegistryImportKind;
  mode: RegistryImportMode;
  dryRun: boolean;
  /** The uploaded file's name, as the report and the import log show it. */
  filename: string;
  bytes: Buffer;
  /** The organisation imported into (the command line names it; a request's actor has one). */
  organisationId: number;
  /** Progress for long files (the command line draws it on stderr). */
  onProgress?: (done: number, total: number) => void;
}

/** One row's outcome while a run is in progress. */
export interface RowOutcome {
  row: number;
  key: string | null;
  id: number | null;
  written: 'inserted' | 'updated' | null;
  errors: ImportRowError[];
  notes: ImportRowError[];
}

class Rollback extends Error {}

/** Runs an import and reports every row. Files that cannot be read are a 400 naming the problem. */
export async function importRegistryFile(ctx: Ctx, request: ImportRequest): Promise<ImportReport> {
  if (request.bytes.length > MAX_IMPORT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', {}, [fieldError('file', 'file_too_large', { max: '10 MB' })]);
  }
  const prepared = request.kind === 'work24' ? prepareWork24(request.bytes) : await prepareSheet(request);
  const { format } = prepared;
  let outcomes: RowOutcome[] = [];
  let runId: number | null = null;
  let written = false;
  const k = ctx.db.kysely;
  try {
    await k.transaction().execute(async (trx) => {
      outcomes = await prepared.run(ctx, trx, request);
      const invalid = outcomes.some((o) => o.errors.length > 0);
      if (request.dryRun || (request.mode === 'all' && invalid)) throw new Rollback();
      written = outcomes.some((o) => o.written !== null);
      const report = reportOf(request, format, outcomes, written, null);
      runId = await recordRun(ctx, trx, request, report);
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  if (runId === null) {
    // Rolled back: rows that were written in the transaction were not kept.
    outcomes = outcomes.map((o) => ({ ...o, id: o.written === 'inserted' ? null : o.id, written: null }));
  }
  const report = reportOf(request, format, outcomes, written, runId);
  if (runId === null && !request.dryRun) {
    // A refused run is recorded too, so staff can see it was tried and why it wrote nothing.
    report.id = await k.transaction().execute((trx) => recordRun(ctx, trx, request, report));
  }
  return report;
}

/** An uploaded file imported into the signed-in staff member's organisation. */
export function importUpload(
  ctx: Ctx,
  upload: Omit<ImportRequest, 'organisationId' | 'onProgress'>,
): Promise<ImportReport> {
  return importRegistryFile(ctx, { ...upload, organisationId: organisationOf(ctx.actor) });
}

/** The organisation's past imports, newest first. */
export async function browseImportRuns(ctx: Ctx, query: PageQuery) {
  const { rows, total } = await repo.listImportRuns(ctx.db.kysely, organisationOf(ctx.actor), {
    page: query.page,
    pageSize: query.pageSize,
    order: query.order,
  });
  return { items: rows.map(presentImportRun), total, page: query.page, pageSize: query.pageSize };
}

type Runner = (ctx: Ctx, trx: Kysely<Database>, request: ImportRequest) => Promise<RowOutcome[]>;

function prepareWork24(bytes: Buffer): { format: 'work24'; run: Runner } {
  const doc = parseWork24(decodeText(bytes));
  if (doc.type === 'unreadable') throw validationError([fieldError('file', 'not_work24_xml')]);
  if (doc.type === 'error') {
    const message = work24ErrorMessage(doc.code, doc.message);
    throw new AppError(doc.code === '006' ? 'WORK24_NO_RESULTS' : 'WORK24_ERROR', message, [
      { field: 'file', code: `work24_${doc.code ?? 'error'}`, message },
    ]);
  }
  const postings = doc.type === 'list' ? doc.postings : [doc.posting];
  if (postings.length > MAX_ROWS)
    throw validationError([fieldError('file', 'too_many_rows', { max: MAX_ROWS })]);
  return {
    format: 'work24',
    run: (ctx, trx, request) =>
      importWork24Postings(ctx, trx, request.organisationId, postings, request.onProgress),
  };
}

async function prepareSheet(request: ImportRequest): Promise<{ format: 'csv' | 'xlsx'; run: Runner }> {
  const kind = request.kind as Exclude<RegistryImportKind, 'work24'>;
  const sheet = await readSheet(request.bytes);
  const columns = COLUMNS[kind];
  const { rows, missing } = readRows(columns, sheet.headers, sheet.rows);
  if (missing.length) throw validationError(missing);
  if (rows.length === 0) throw validationError([fieldError('file', 'no_rows')]);
  if (rows.length > MAX_ROWS) throw validationError([fieldError('file', 'too_many_rows', { max: MAX_ROWS })]);
  const runRow = { seekers: seekerRow, employers: employerRow, vacancies: vacancyRow }[kind];
  return {
    format: sheet.format,
    run: async (ctx, trx, req) => {
      const seen = new Map<string, number>();
      const outcomes: RowOutcome[] = [];
      for (const [i, row] of rows.entries()) {
        outcomes.push(await runRow(ctx, trx, req.organisationId, columns, row, seen));
        if (req.onProgress && (i % 100 === 99 || i === rows.length - 1)) req.onProgress(i + 1, rows.length);
      }
      return outcomes;
    },
  };
}

function reportOf(
  request: ImportRequest,
  format: ImportReport['format'],
  outcomes: RowOutcome[],
  written: boolean,
  id: number | null,
): ImportReport {
  const rows: ImportRowReport[] = outcomes.map((o) => ({
    row: o.row,
    status: o.errors.length ? 'invalid' : (o.written ?? 'valid'),
    id: o.id,
    key: o.key,
    errors: o.errors,
    notes: o.notes,
  }));
  const count = (status: ImportRowReport['status']) => rows.filter((r) => r.status === status).length;
  const inserted = count('inserted');
  const updated = count('updated');
  return {
    id,
    kind: request.kind,
    format,
    source: request.filename,
    mode: request.mode,
    dryRun: request.dryRun,
    written,
    totalRows: rows.length,
    inserted,
    updated,
    invalid: count('invalid'),
    skipped: rows.length - inserted - updated,
    rows,
  };
}

async function recordRun(
  ctx: Ctx,
  trx: Kysely<Database>,
  request: ImportRequest,
  report: ImportReport,
): Promise<number> {
  const id = await repo.insertImportRun(trx, {
    organisation_id: request.organisationId,
    kind: request.kind === 'work24' ? 'vacancies' : request.kind,
    format: report.format,
    source: request.filename,
    mode: request.mode,
    total_rows: report.totalRows,
    inserted: report.inserted,
    updated: report.updated,
    skipped: report.skipped,
    report: JSON.stringify(report.rows),
    created_by: ctx.actor.userId,
    created_at: new Date().toISOString(),
  });
  await audit(
    ctx,
    {
      action: 'registry.import',
      entityType: 'registry_import',
      entityId: id,
      after: {
        kind: request.kind,
        format: report.format,
        source: request.filename,
        mode: request.mode,
        totalRows: report.totalRows,
        inserted: report.inserted,
        updated: report.updated,
        skipped: report.skipped,
      },
    },
    trx,
  );
  return id;
}

/* Rows of each kind. */

/** Errors of a row: the cells' own first, then the others, one per field. */
function merged(columns: Column[], cellErrors: ImportRowError[], more: FieldError[]): ImportRowError[] {
  const taken = new Set(cellErrors.map((e) => e.field));
  return [
    ...cellErrors,
    ...onColumns(
      columns,
      more.filter((e) => !taken.has(e.field)),
    ),
  ];
}

function outcome(row: ReadRow, key: string | null): RowOutcome {
  return { row: row.row, key, id: null, written: null, errors: [], notes: [] };
}

/** A key seen on an earlier row of the file is a duplicate: the second row is refused. */
function duplicate(seen: Map<string, number>, key: string, row: number, field: string): FieldError | null {
  const first = seen.get(key);
  if (first !== undefined && first !== row)
    return fieldError(field, 'duplicate_in_file', { line: first, value: key });
  seen.set(key, row);
  return null;
}

/**
 * Profile fields a company may lack (a sign-up gives only its name; 고용24 often no representative,
 * and masks some business numbers), with their columns.
 */
const INCOMPLETE_FIELDS = {
  businessNumber: 'business_number',
  representative: 'representative',
  industry: 'industry',
  size: 'size',
} as const;

async function employerRow(
  ctx: Ctx,
  trx: Kysely<Database>,
  organisationId: number,
  columns: Column[],
  row: ReadRow,
  seen: Map<string, number>,
): Promise<RowOutcome> {
  const draft = { place: {}, ...inputOf(row.draft) } as Record<string, unknown>;
  const more: FieldError[] = [];
  const id = row.draft.$id as number | undefined;
  let existing = id !== undefined ? await repo.employerOf(trx, organisationId, id) : undefined;
  if (id !== undefined && !existing) more.push(fieldError('$id', 'unknown_record', { value: id }));
  if (id === undefined && typeof draft.businessNumber === 'string') {
    const holder = await findEmployerByBusinessNumber(trx, organisationId, draft.businessNumber);
    if (holder) existing = await repo.employerOf(trx, organisationId, holder.id);
  }
  // A profile a sign-up or 고용24 left incomplete may stay so when the file leaves it blank too.
  const incomplete = existing
    ? (Object.keys(INCOMPLETE_FIELDS) as (keyof typeof INCOMPLETE_FIELDS)[]).filter(
        (f) => existing[INCOMPLETE_FIELDS[f]] === null && draft[f] === undefined,
      )
    : [];
  const parsed = (
    incomplete.length
      ? EmployerInput.partial(
          Object.fromEntries(incomplete.map((f) => [f, true])) as { representative: true },
        )
      : EmployerInput
  ).safeParse(draft) as z.ZodSafeParseResult<EmployerInput>;
  const out = outcome(row, parsed.success ? (parsed.data.businessNumber ?? null) : null);
  if (!parsed.success) more.push(...zodErrors(parsed.error));
  if (parsed.success) {
    const input = parsed.data;
    const twice = input.businessNumber
      ? duplicate(seen, input.businessNumber, row.row, 'businessNumber')
      : null;
    if (twice) more.push(twice);
    if (!twice) more.push(...(await checkEmployer(trx, organisationId, input, existing?.id)));
    if (row.errors.length === 0 && more.length === 0) {
      // The file carries the first contacts; any further ones of the profile are kept.
      const contacts = existing
        ? [
            ...input.contacts,
            ...(employerRecord(existing).contacts as EmployerContact[]).slice(FILE_CONTACTS),
          ].slice(0, 5)
        : input.contacts;
      out.id = await writeEmployer(ctx, trx, {
        ...(existing ? { id: existing.id } : {}),
        organisationId,
        input: { ...input, contacts },
      });
      out.written = existing ? 'updated' : 'inserted';
    }
  }
  out.errors = merged(columns, row.errors, more);
  if (out.errors.length) out.id = existing?.id ?? null;
  return out;
}

async function vacancyRow(
  ctx: Ctx,
  trx: Kysely<Database>,
  organisationId: number,
  columns: Column[],
  row: ReadRow,
  seen: Map<string, number>,
): Promise<RowOutcome> {
  const d = row.draft;
  const status = d.$status as string | undefined;
  const externalId = (d.$externalId as string | undefined) ?? null;
  const parsed = VacancyInput.safeParse({
    ...inputOf(d),
    ...(status === 'draft' || status === 'open' ? { status } : {}),
  });
  const out = outcome(row, externalId);
  const more: FieldError[] = parsed.success ? [] : zodErrors(parsed.error);

  const id = d.$id as number | undefined;
  let existing = id !== undefined ? await repo.vacancyOf(trx, organisationId, id) : undefined;
  if (id !== undefined && !existing) more.push(fieldError('$id', 'unknown_record', { value: id }));
  if (externalId) {
    const twice = duplicate(seen, externalId, row.row, '$externalId');
    if (twice) more.push(twice);
    if (id === undefined) {
      const found = await findVacancyByExternalId(trx, organisationId, 'work24', externalId);
      if (found) existing = await repo.vacancyOf(trx, organisationId, found.id);
    }
  }
  if (!existing && (status === 'closed' || status === 'filled')) {
    more.push(fieldError('$status', 'invalid_value'));
  }

  const employerId = await employerOfRow(trx, organisationId, d, more);
  const fromWork24 = externalId !== null || existing?.source === 'work24';
  const extra = externalId
    ? {
        source: 'work24' as const,
        externalId,
        externalUrl: (d.$externalUrl as string | undefined) ?? null,
        skipMinimumWage: true,
      }
    : { skipMinimumWage: fromWork24 };
  if (parsed.success) more.push(...(await checkVacancy(trx, organisationId, parsed.data, extra)));
  if (parsed.success && employerId !== null && row.errors.length === 0 && more.length === 0) {
    out.id = await writeVacancy(ctx, trx, {
      ...(existing ? { id: existing.id } : {}),
      organisationId,
      employerId,
      input: parsed.data,
      extra,
      // Closed and filled vacancies stay so; an update without a status keeps it.
      keepStatus: status === undefined || status === 'closed' || status === 'filled',
    });
    out.written = existing ? 'updated' : 'inserted';
  }
  out.errors = merged(columns, row.errors, more);
  if (out.errors.length) out.id = existing?.id ?? null;
  return out;
}

/** The company a vacancy row names, by ID or business number; errors go into `errors`. */
async function employerOfRow(
  trx: Kysely<Database>,
  organisationId: number,
  d: Record<string, unknown>,
  errors: FieldError[],
): Promise<number | null> {
  const id = d.$employerId as number | undefined;
  if (id !== undefined) {
    if (await repo.employerOf(trx, organisationId, id)) return id;
    errors.push(fieldError('$employerId', 'unknown_employer', { value: id }));
    return null;
  }
  const number = d.$businessNumber as string | undefined;
  if (!number) {
    errors.push(fieldError('$businessNumber', 'required'));
    return null;
  }
  const found = await findEmployerByBusinessNumber(trx, organisationId, number);
  if (found) return found.id;
  errors.push(fieldError('$businessNumber', 'unknown_employer', { value: number }));
  return null;
}

async function seekerRow(
  ctx: Ctx,
  trx: Kysely<Database>,
  organisationId: number,
  columns: Column[],
  row: ReadRow,
  _seen: Map<string, number>,
): Promise<RowOutcome> {
  const d = row.draft;
  const parsed = SeekerProfileInput.safeParse(inputOf(d));
  // No key: a seeker's name or contact never goes into the report.
  const out = outcome(row, null);
  const more: FieldError[] = parsed.success ? [] : zodErrors(parsed.error);
  const id = d.$id as number | undefined;
  const existing = id !== undefined ? await repo.seekerOf(trx, organisationId, id) : undefined;
  if (id !== undefined && !existing) more.push(fieldError('$id', 'unknown_record', { value: id }));

  let sensitive = false;
  let consents: z.infer<typeof SeekerConsentsInput> | undefined;
  if (existing) {
    const standing = (await seekerConsentsOf(trx, [existing.id])).get(existing.id);
    // Consents change only through their own routes; a withdrawn seeker is not processed.
    if (!standing?.has('employment_services')) more.push(fieldError('$id', 'employment_consent_required'));
    sensitive = standing?.has('sensitive') ?? false;
  } else if (id === undefined) {
    const given = SeekerConsentsInput.safeParse(d.$consents ?? {});
    if (given.success) {
      consents = given.data;
      sensitive = given.data.sensitive;
    } else more.push(...zodErrors(given.error, '$consents'));
  }
  if (parsed.success) more.push(...(await checkSeeker(trx, organisationId, parsed.data, { sensitive })));
  if (parsed.success && row.errors.length === 0 && more.length === 0) {
    out.id = await writeSeeker(ctx, trx, {
      ...(existing ? { id: existing.id } : {}),
      organisationId,
      input: parsed.data,
      ...(consents ? { consents } : {}),
      registeredBy: 'import',
    });
    out.written = existing ? 'updated' : 'inserted';
  }
  out.errors = merged(columns, row.errors, more);
  if (out.errors.length) out.id = existing?.id ?? null;
  return out;
}
