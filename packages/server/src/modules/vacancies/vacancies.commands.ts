import {
  type FieldError,
  type ItemRef,
  meetsMinimumWage,
  minimumAmount,
  minimumWageFor,
  monthlyEquivalent,
  type TaxonomyKind,
  type VacancyInput,
  type WageType,
} from '@ilteo/shared';
import type { Kysely, Updateable } from 'kysely';
import type { Database, VacancyTable } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { checkPlace, placeColumns } from '../employers/place.js';
import { recordChange } from '../search/change-log.js';
import { labelKey } from './vacancies.presenter.js';
import * as repo from './vacancies.repository.js';

/** Where a vacancy comes from and what an import knows beyond the input. */
export interface VacancyExtra {
  source?: 'own' | 'work24';
  externalId?: string | null;
  externalUrl?: string | null;
  /** A place outside the deployment's regions, as the source names it (고용24's "대구 서구"). */
  regionName?: string | null;
  isDemo?: boolean;
  /** For vacancies posted elsewhere (고용24 checks its own); never for vacancies posted here. */
  skipMinimumWage?: boolean;
}

const WAGE_TYPE_WORDS: Record<WageType, { ko: string; en: string }> = {
  hourly: { ko: '시급', en: 'an hour' },
  daily: { ko: '일급', en: 'a day' },
  monthly: { ko: '월급', en: 'a month' },
  annual: { ko: '연봉', en: 'a year' },
};

const thousands = new Intl.NumberFormat('en-US');

/** The minimum wage table as a map year → won an hour. */
export async function minimumWageTable(k: Kysely<Database>): Promise<Record<number, number>> {
  const rows = await repo.minimumWageRows(k);
  return Object.fromEntries(rows.map((r) => [r.year, r.hourly]));
}

/**
 * The minimum-wage field error of a wage in a year, or none: `below_minimum_wage` on
 * `wage.amount`, naming the minimum for the wage's own type (10,320원 an hour, 2,156,880원 a month…).
 */
export function minimumWageError(
  table: Readonly<Record<number, number>>,
  year: number,
  wage: { type: WageType; amount: number },
): FieldError | undefined {
  const hourly = minimumWageFor(table, year);
  if (hourly === null) return fieldError('wage.amount', 'no_minimum_wage', { year });
  if (meetsMinimumWage(wage.type, wage.amount, hourly)) return undefined;
  return fieldError('wage.amount', 'below_minimum_wage', {
    year,
    hourly: thousands.format(hourly),
    type: WAGE_TYPE_WORDS[wage.type].ko,
    typeEn: WAGE_TYPE_WORDS[wage.type].en,
    minimum: thousands.format(minimumAmount(wage.type, hourly)),
  });
}

function isCalendarDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const REF_FIELDS = [
  ['requiredSkills', 'skill'],
  ['preferredSkills', 'skill'],
  ['requiredCertificates', 'certificate'],
  ['preferredCertificates', 'certificate'],
] as const;

/**
 * Every rule about a vacancy beyond its zod schema: its taxonomy codes exist for their kind
 * (`unknown_item` on `occupation.code`, `requiredSkills.0.code`…), its dong exists
 * (`unknown_region`), it closes on or after it opens, and its wage meets the minimum wage of the
 * year it opens. Field paths are relative to the input.
 */
export async function checkVacancy(
  k: Kysely<Database>,
  organisationId: number,
  input: VacancyInput,
  extra: VacancyExtra = {},
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const byKind: Record<TaxonomyKind, ItemRef[]> = {
    occupation: [input.occupation],
    skill: [...input.requiredSkills, ...input.preferredSkills],
    certificate: [...input.requiredCertificates, ...input.preferredCertificates],
  };
  const known = new Set<string>();
  for (const kind of ['occupation', 'skill', 'certificate'] as const) {
    for (const item of await repo.taxonomyItems(k, kind, byKind[kind])) known.add(labelKey(kind, item));
  }
  if (!known.has(labelKey('occupation', input.occupation))) {
    errors.push(fieldError('occupation.code', 'unknown_item', { value: input.occupation.code }));
  }
  for (const [field, kind] of REF_FIELDS) {
    input[field].forEach((ref, i) => {
      if (!known.has(labelKey(kind, ref))) {
        errors.push(fieldError(`${field}.${i}.code`, 'unknown_item', { value: ref.code }));
      }
    });
  }
  errors.push(...(await checkPlace(k, organisationId, input.place)));
  const opensValid = isCalendarDate(input.opensOn);
  if (!opensValid) errors.push(fieldError('opensOn', 'invalid_format'));
  if (input.closesOn !== null) {
    if (!isCalendarDate(input.closesOn)) errors.push(fieldError('closesOn', 'invalid_format'));
    else if (input.closesOn < input.opensOn) errors.push(fieldError('closesOn', 'closes_before_opens'));
  }
  if (opensValid && !extra.skipMinimumWage) {
    const error = minimumWageError(await minimumWageTable(k), Number(input.opensOn.slice(0, 4)), input.wage);
    if (error) errors.push(error);
  }
  return errors;
}

/** The columns of a vacancy's content (everything but its company, status and origin). */
async function contentColumns(k: Kysely<Database>, organisationId: number, input: VacancyInput) {
  return {
    title: input.title,
    description: input.description,
    occupation_scheme: input.occupation.scheme,
    occupation_code: input.occupation.code,
    required_skills: JSON.stringify(input.requiredSkills),
    preferred_skills: JSON.stringify(input.preferredSkills),
    required_certificates: JSON.stringify(input.requiredCertificates),
    preferred_certificates: JSON.stringify(input.preferredCertificates),
    education: input.education,
    career: input.career,
    min_career_months: input.minCareerMonths,
    wage_type: input.wage.type,
    wage_amount: input.wage.amount,
    wage_monthly: monthlyEquivalent(input.wage.type, input.wage.amount),
    weekly_hours: input.weeklyHours,
    shifts: JSON.stringify([...new Set(input.shifts)]),
    employment_type: input.employmentType,
    openings: input.openings,
    ...(await placeColumns(k, organisationId, input.place)),
    opens_on: input.opensOn,
    closes_on: input.closesOn,
    preferred_groups: JSON.stringify([...new Set(input.preferredGroups)]),
    eligible_groups: JSON.stringify([...new Set(input.eligibleGroups)]),
  };
}

/**
 * Inserts a vacancy (no id) or overwrites it (id). Call `checkVacancy` first. On overwrite,
 * `version` (when given) must still be the one the caller read (else 409), `keepStatus` leaves the
 * status as it is (a PATCH), and the origin columns change only where `extra` names them. Records
 * the change for the search and audits it.
 */
export async function writeVacancy(
  ctx: Ctx,
  trx: Kysely<Database>,
  args: {
    id?: number;
    organisationId: number;
    employerId: number;
    input: VacancyInput;
    extra?: VacancyExtra;
    version?: number;
    keepStatus?: boolean;
  },
): Promise<number> {
  const { input, organisationId } = args;
  const extra = args.extra ?? {};
  const now = new Date().toISOString();
  const content = await contentColumns(trx, organisationId, input);
  if (args.id === undefined) {
    const id = await repo.insertVacancyRow(trx, {
      ...content,
      organisation_id: organisationId,
      employer_id: args.employerId,
      region_name: extra.regionName ?? null,
      status: input.status,
      source: extra.source ?? 'own',
      external_id: extra.externalId ?? null,
      external_url: extra.externalUrl ?? null,
      created_by: ctx.actor.userId,
      is_demo: extra.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
      closed_at: null,
    });
    await recordChange(trx, 'vacancy', id);
    await audit(ctx, { action: 'vacancy.create', entityType: 'vacancy', entityId: id, after: input }, trx);
    return id;
  }
  const before = await repo.findVacancy(trx, args.id);
  if (!before || before.organisation_id !== organisationId) throw new AppError('NOT_FOUND');
  const patch: Updateable<VacancyTable> = {
    ...content,
    employer_id: args.employerId,
    updated_at: now,
    ...(args.keepStatus || input.status === before.status ? {} : { status: input.status, closed_at: null }),
    ...(extra.regionName !== undefined ? { region_name: extra.regionName } : {}),
    ...(extra.source !== undefined ? { source: extra.source } : {}),
    ...(extra.externalId !== undefined ? { external_id: extra.externalId } : {}),
    ...(extra.externalUrl !== undefined ? { external_url: extra.externalUrl } : {}),
  };
  if (!(await repo.updateVacancyRow(trx, args.id, args.version, patch))) throw new AppError('CONFLICT');
  await recordChange(trx, 'vacancy', args.id);
  await audit(
    ctx,
    {
      action: 'vacancy.update',
      entityType: 'vacancy',
      entityId: args.id,
      before,
      after: input,
    },
    trx,
  );
  return args.id;
}

/** A vacancy imported from 고용24 before, by its 구인인증번호. */
export async function findVacancyByExternalId(
  k: Kysely<Database>,
  organisationId: number,
  source: 'work24',
  externalId: string,
): Promise<{ id: number; version: number } | undefined> {
  return repo.vacancyByExternalId(k, organisationId, source, externalId);
}
