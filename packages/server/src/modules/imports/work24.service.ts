import fs from 'node:fs';
import { type FieldError, type ItemRef, minimumWageFor, VacancyInput } from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { fieldError } from '../../http/errors.js';
import { referenceDataPath } from '../../reference-data.js';
import {
  type EmployerRecord,
  findEmployerByBusinessNumber,
  writeEmployer,
} from '../employers/employers.commands.js';
import { parseCsv } from '../taxonomy/csv.js';
import { applyTaxonomyRows } from '../taxonomy/import.service.js';
import {
  checkVacancy,
  findVacancyByExternalId,
  minimumWageError,
  minimumWageTable,
  writeVacancy,
} from '../vacancies/vacancies.commands.js';
import { DEFAULT_OCCUPATION_SCHEME, onColumns, VACANCY_COLUMNS, zodErrors } from './columns.js';
import * as repo from './imports.repository.js';
import type { RowOutcome } from './imports.service.js';
import { vacancyInputOf } from './records.js';
import type { Work24Posting } from './work24.js';

/**
 * Writing 고용24 postings as vacancies. A posting seen before (same 구인인증번호) updates its
 * vacancy: a detail enriches what a list brought. Companies are matched by business number, else
 * by name, else created (unverified). 고용24 직종 codes become KECO-2018 occupations where the
 * mapping is known, otherwise items of the scheme `WORK24` (docs/imports.md says how).
 */

/** The scheme 고용24 직종 codes are kept under when no KECO-2018 occupation matches. */
export const WORK24_SCHEME = 'WORK24';

interface Work24Codes {
  regions: Map<string, string>;
  /** The 직종 codes of the partial list, which are KECO-2018 세분류 + two digits. */
  occupations: Map<string, string>;
}

let codesCache: Work24Codes | null = null;

/** reference-data/work24/work24_codes_region_occupation_partial.json. */
function work24Codes(): Work24Codes {
  if (codesCache) return codesCache;
  const json = JSON.parse(
    fs.readFileSync(referenceDataPath('work24/work24_codes_region_occupation_partial.json'), 'utf8'),
  ) as Record<string, unknown>;
  const list = (prefix: string) =>
    (Object.entries(json).find(([key]) => key.startsWith(prefix))?.[1] ?? []) as {
      code: string;
      name: string;
    }[];
  codesCache = {
    regions: new Map(list('region_codes').map((r) => [r.code, r.name])),
    occupations: new Map(list('occupation_codes').map((r) => [r.code, r.name])),
  };
  return codesCache;
}

let kecoCache: Map<string, string> | null = null;

/** KECO-2018 세분류 codes by their name with spaces and middle dots removed. */
function kecoByName(): Map<string, string> {
  if (kecoCache) return kecoCache;
  const text = fs.readFileSync(referenceDataPath('keco-2018/keco2018_detail_450_with_ksco7.csv'), 'utf8');
  const [header, ...records] = parseCsv(text).records;
  const code = header!.cells.indexOf('keco_detail');
  const name = header!.cells.indexOf('keco_detail_name');
  kecoCache = new Map(records.map((r) => [nameKey(r.cells[name]!), r.cells[code]!.trim()]));
  return kecoCache;
}

function nameKey(name: string): string {
  return name.replace(/[\s·‧ㆍ]/g, '');
}

/**
 * The occupation of a posting:
 * 1. the detail's 직종 name equals a KECO-2018 세분류 name → that code (고용24's current codes are
 *    not always KECO-2018's: `155500 환경공학 기술자 및 연구원` is KECO-2018 `1553`);
 * 2. the code is in the 고용24 code list of reference-data (KECO-2018 era: its first four digits
 *    are the KECO-2018 세분류, checked for every code of the list) → that 세분류;
 * 3. a vacancy imported before keeps the occupation it has, unless that is a WORK24 code;
 * 4. otherwise the 고용24 code itself, scheme WORK24, registered as a taxonomy item.
 */
async function occupationOf(
  ctx: Ctx,
  trx: Kysely<Database>,
  posting: Work24Posting,
  notes: FieldError[],
  before: ItemRef | undefined,
): Promise<ItemRef | null> {
  const byName = posting.jobsName ? kecoByName().get(nameKey(posting.jobsName)) : undefined;
  if (byName && (await repo.occupationExists(trx, DEFAULT_OCCUPATION_SCHEME, byName))) {
    return { scheme: DEFAULT_OCCUPATION_SCHEME, code: byName };
  }
  const code = posting.jobsCd;
  if (!code) return null;
  const listed = work24Codes().occupations.get(code);
  if (listed && (await repo.occupationExists(trx, DEFAULT_OCCUPATION_SCHEME, code.slice(0, 4)))) {
    return { scheme: DEFAULT_OCCUPATION_SCHEME, code: code.slice(0, 4) };
  }
  // A list brings only the code: it keeps the occupation an earlier detail mapped.
  if (before && before.scheme !== WORK24_SCHEME) return before;
  const label = posting.jobsName ?? listed ?? `고용24 직종 ${code}`;
  if (!(await repo.occupationExists(trx, WORK24_SCHEME, code)) || posting.jobsName) {
    await applyTaxonomyRows(
      ctx,
      trx,
      'occupation',
      [{ line: 1, scheme: WORK24_SCHEME, code, label, labelEn: null, parentCode: null, aliases: [] }],
      'merge',
      'work24',
    );
  }
  // When 고용24 gave no name, the label is just the code: don't say it twice.
  const named = label.endsWith(code) ? code : `${code} ${label}`;
  notes.push(fieldError('occupation', 'work24_occupation', { value: named }));
  return { scheme: WORK24_SCHEME, code };
}

/** Today in Korea (a posting without a date opens on the day it is imported). */
function koreanToday(): string {
  return new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** The company of a posting: by business number, else by name; created (unverified) if none. */
async function employerOf(
  ctx: Ctx,
  trx: Kysely<Database>,
  organisationId: number,
  posting: Work24Posting,
  notes: FieldError[],
): Promise<number> {
  if (posting.businessNumber) {
    const found = await findEmployerByBusinessNumber(trx, organisationId, posting.businessNumber);
    if (found) return found.id;
  } else {
    if (posting.invalidBusinessNumber) {
      notes.push(
        fieldError('businessNumber', 'work24_business_number', { value: posting.invalidBusinessNumber }),
      );
    }
    const named = await repo.employersNamed(trx, organisationId, posting.company);
    if (named[0]) return named[0].id;
  }
  // What 고용24 says of the company; what it does not say stays empty until staff complete it.
  const input = {
    businessNumber: posting.businessNumber,
    name: posting.company.slice(0, 100),
    representative: posting.representative?.slice(0, 50) ?? null,
    industry: posting.industry,
    size: posting.size,
    place: posting.companyAddress ? { address: posting.companyAddress.slice(0, 200) } : {},
    flags: [],
    ...(posting.homepage ? { homepage: posting.homepage } : {}),
    contacts: [],
  } satisfies EmployerRecord;
  return writeEmployer(ctx, trx, { organisationId, input });
}

/** Imports postings in order; one outcome per posting (row = its position in the file). */
export async function importWork24Postings(
  ctx: Ctx,
  trx: Kysely<Database>,
  organisationId: number,
  postings: Work24Posting[],
  onProgress?: (done: number, total: number) => void,
): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  const wages = await minimumWageTable(trx);
  for (const [i, posting] of postings.entries()) {
    outcomes.push(await importPosting(ctx, trx, organisationId, posting, i + 1, wages));
    if (onProgress && (i % 100 === 99 || i === postings.length - 1)) onProgress(i + 1, postings.length);
  }
  return outcomes;
}

async function importPosting(
  ctx: Ctx,
  trx: Kysely<Database>,
  organisationId: number,
  posting: Work24Posting,
  row: number,
  wages: Record<number, number>,
): Promise<RowOutcome> {
  const out: RowOutcome = { row, key: posting.wantedAuthNo, id: null, written: null, errors: [], notes: [] };
  const notes: FieldError[] = [];
  const errors: FieldError[] = [];
  const found = await findVacancyByExternalId(trx, organisationId, 'work24', posting.wantedAuthNo);
  const existing = found ? await repo.vacancyOf(trx, organisationId, found.id) : undefined;
  const before = existing ? vacancyInputOf(existing) : undefined;

  const occupation =
    (await occupationOf(ctx, trx, posting, notes, before?.occupation)) ?? before?.occupation ?? null;
  if (!occupation) errors.push(fieldError('occupation', 'required'));
  let wage = posting.wage ?? before?.wage ?? null;
  if (!wage) {
    wage = { type: 'monthly', amount: 0 };
    notes.push(fieldError('wage.amount', 'work24_wage_unknown'));
  }
  let opensOn = posting.opensOn ?? before?.opensOn ?? null;
  if (!opensOn) {
    opensOn = koreanToday();
    notes.push(fieldError('opensOn', 'work24_missing', { value: '등록일(regDt)' }));
  }
  let employmentType = posting.employmentType ?? before?.employmentType ?? null;
  if (!employmentType) {
    employmentType = 'permanent';
    notes.push(fieldError('employmentType', 'work24_missing', { value: '고용형태(empTpCd)' }));
  }
  const closesOn = posting.closesOn ?? (posting.opensOn || !before ? null : before.closesOn);
  const draft = {
    title: (posting.title ?? before?.title ?? '').slice(0, 100),
    description: (posting.description || before?.description || '').slice(0, 5000),
    ...(occupation ? { occupation } : {}),
    requiredSkills: before?.requiredSkills ?? [],
    preferredSkills: before?.preferredSkills ?? [],
    requiredCertificates: before?.requiredCertificates ?? [],
    preferredCertificates: before?.preferredCertificates ?? [],
    education: posting.education ?? before?.education ?? 'any',
    career: posting.career ?? before?.career ?? 'any',
    minCareerMonths: posting.minCareerMonths ?? before?.minCareerMonths ?? 0,
    wage,
    weeklyHours: posting.weeklyHours ?? before?.weeklyHours ?? 40,
    shifts: before?.shifts ?? ['day'],
    employmentType,
    openings: posting.openings ?? before?.openings ?? 1,
    place: posting.address ? { address: posting.address.slice(0, 200) } : (before?.place ?? {}),
    opensOn,
    // A posting that closed before it opened is 고용24's data, not ours to fix: it closes the day it opens.
    closesOn: closesOn !== null && closesOn < opensOn ? opensOn : closesOn,
    preferredGroups: before?.preferredGroups ?? [],
    eligibleGroups: before?.eligibleGroups ?? [],
    status: 'open',
  };
  const regionName =
    posting.regionName ??
    (posting.regionCode ? (work24Codes().regions.get(posting.regionCode) ?? null) : null) ??
    (existing?.region_name || null);
  const extra = {
    source: 'work24' as const,
    externalId: posting.wantedAuthNo,
    externalUrl: posting.externalUrl ?? existing?.external_url ?? null,
    regionName,
    skipMinimumWage: true,
  };
  const parsed = VacancyInput.safeParse(draft);
  if (!parsed.success) errors.push(...zodErrors(parsed.error));
  else {
    errors.push(...(await checkVacancy(trx, organisationId, parsed.data, extra)));
    const year = Number(opensOn.slice(0, 4));
    if (wage.amount > 0 && minimumWageError(wages, year, wage)?.code === 'below_minimum_wage') {
      const hourly = minimumWageFor(wages, year) ?? 0;
      notes.push(
        fieldError('wage.amount', 'work24_below_minimum_wage', {
          year,
          hourly: new Intl.NumberFormat('en-US').format(hourly),
        }),
      );
    }
  }
  if (parsed.success && errors.length === 0) {
    const employerId = existing?.employer_id ?? (await employerOf(ctx, trx, organisationId, posting, notes));
    out.id = await writeVacancy(ctx, trx, {
      ...(existing ? { id: existing.id } : {}),
      organisationId,
      employerId,
      input: parsed.data,
      extra,
      keepStatus: existing !== undefined,
    });
    out.written = existing ? 'updated' : 'inserted';
  } else out.id = existing?.id ?? null;
  out.errors = onColumns(VACANCY_COLUMNS, errors);
  out.notes = onColumns(VACANCY_COLUMNS, notes);
  return out;
}
