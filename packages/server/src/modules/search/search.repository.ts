import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

type Q = Kysely<Database>;

/** Rows per page when the index is built, and ids per `IN (…)`: within both databases' limits. */
export const PAGE = 5000;
const CHUNK = 500;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

function vacancyColumns(db: Q) {
  return db.selectFrom('vacancies as v').innerJoin('employers as e', 'e.id', 'v.employer_id').select([
    'v.id',
    'v.organisation_id',
    'v.employer_id',
    'e.name as employer_name',
    'v.title',
    'v.description',
    'v.occupation_scheme',
    'v.occupation_code',
    'v.wage_monthly',
    'v.employment_type',
    'v.career',
    'v.education',
    'v.preferred_groups',
    'v.eligible_groups',
    'v.dong_code',
    'v.lat',
    'v.lon',
    'v.opens_on',
    'v.closes_on',
    'v.status',
    'v.source',
    // What the matcher reads besides (#5).
    'v.required_skills',
    'v.preferred_skills',
    'v.required_certificates',
    'v.preferred_certificates',
    'v.min_career_months',
    'v.weekly_hours',
    'v.shifts',
  ]);
}
export type VacancyIndexRow = Awaited<ReturnType<ReturnType<typeof vacancyColumns>['execute']>>[number];

/** One page of vacancies in id order, after `afterId`, with their employer's name. */
export function vacancyPage(db: Q, afterId: number): Promise<VacancyIndexRow[]> {
  return vacancyColumns(db).where('v.id', '>', afterId).orderBy('v.id').limit(PAGE).execute();
}

/** The vacancies with these ids, or of these employers (those that still exist). */
export async function vacanciesOf(db: Q, ids: number[], employerIds: number[]): Promise<VacancyIndexRow[]> {
  const rows: VacancyIndexRow[] = [];
  for (const chunk of chunks(ids))
    rows.push(...(await vacancyColumns(db).where('v.id', 'in', chunk).execute()));
  for (const chunk of chunks(employerIds)) {
    rows.push(...(await vacancyColumns(db).where('v.employer_id', 'in', chunk).execute()));
  }
  return rows;
}

function seekerColumns(db: Q) {
  return db.selectFrom('seekers').select([
    'id',
    'organisation_id',
    'name',
    'birth_year',
    'desired_occupations',
    'skills',
    'certificates',
    'education',
    'home_dong_code',
    'groups',
    'status',
    'employment_types',
    // What the matcher reads besides (#5).
    'careers',
    'wage_monthly',
    'wage_firm',
    'weekly_hours',
    'shifts',
    'commute_km',
    'available_from',
  ]);
}
export type SeekerIndexRow = Awaited<ReturnType<ReturnType<typeof seekerColumns>['execute']>>[number];

/** One page of seekers in id order, after `afterId`. */
export function seekerPage(db: Q, afterId: number): Promise<SeekerIndexRow[]> {
  return seekerColumns(db).where('id', '>', afterId).orderBy('id').limit(PAGE).execute();
}

/** The seekers with these ids (those that still exist). */
export async function seekersOf(db: Q, ids: number[]): Promise<SeekerIndexRow[]> {
  const rows: SeekerIndexRow[] = [];
  for (const chunk of chunks(ids)) rows.push(...(await seekerColumns(db).where('id', 'in', chunk).execute()));
  return rows;
}

/** The standing consents' purposes of these seekers (the matcher's `recommendable`). */
export async function standingConsents(db: Q, seekerIds: number[]): Promise<Map<number, Set<string>>> {
  const out = new Map<number, Set<string>>();
  for (const chunk of chunks(seekerIds)) {
    const rows = await db
      .selectFrom('seeker_consents')
      .select(['seeker_id', 'purpose'])
      .where('seeker_id', 'in', chunk)
      .where('withdrawn_at', 'is', null)
      .execute();
    for (const row of rows) {
      const set = out.get(row.seeker_id) ?? new Set<string>();
      set.add(row.purpose);
      out.set(row.seeker_id, set);
    }
  }
  return out;
}

/** Dongs of every region scheme, with names and centroids. */
export function dongs(db: Q) {
  return db
    .selectFrom('regions')
    .select(['scheme', 'code', 'name', 'lat', 'lon'])
    .where('level', '=', 'dong')
    .execute();
}

/** Each organisation's age rules setting (JSON), for the seekers' age groups. */
export function ageRuleSettings(db: Q) {
  return db
    .selectFrom('organisation_settings')
    .select(['organisation_id', 'value', 'updated_at'])
    .where('key', '=', 'age_rules')
    .execute();
}

/** The newest change's id (0 when the log is empty). */
export async function lastChangeId(db: Q): Promise<number> {
  const row = await db
    .selectFrom('change_log')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Ids of the changes from `fromId` on: what the follower checks for gaps at start. */
export async function changeIdsFrom(db: Q, fromId: number): Promise<number[]> {
  const rows = await db.selectFrom('change_log').select('id').where('id', '>=', fromId).execute();
  return rows.map((r) => r.id);
}

/** Changes after `afterId`, and the changes with the given ids (gaps being waited for), in id order. */
export function changesSince(db: Q, afterId: number, gapIds: number[]) {
  return db
    .selectFrom('change_log')
    .select(['id', 'entity', 'entity_id'])
    .where((eb) =>
      gapIds.length === 0 ? eb('id', '>', afterId) : eb.or([eb('id', '>', afterId), eb('id', 'in', gapIds)]),
    )
    .orderBy('id')
    .limit(PAGE)
    .execute();
}

/** What a vacancy search result shows, for one page of ids. */
export async function vacancyItems(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('vacancies as v')
    .innerJoin('employers as e', 'e.id', 'v.employer_id')
    .select([
      'v.id',
      'v.title',
      'e.name as employer_name',
      'v.occupation_scheme',
      'v.occupation_code',
      'v.wage_type',
      'v.wage_amount',
      'v.wage_monthly',
      'v.employment_type',
      'v.career',
      'v.education',
      'v.region_scheme',
      'v.dong_code',
      'v.region_name',
      'v.opens_on',
      'v.closes_on',
      'v.preferred_groups',
      'v.status',
      'v.source',
      'v.is_demo',
    ])
    .where('v.id', 'in', ids)
    .execute();
}
export type VacancyItemRow = Awaited<ReturnType<typeof vacancyItems>>[number];

/** What a seeker list shows (masked by the presenter), for one page of ids. */
export async function seekerItems(db: Q, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('seekers')
    .select([
      'id',
      'organisation_id',
      'name',
      'phone',
      'birth_year',
      'desired_occupations',
      'education',
      'home_dong_code',
      'groups',
      'status',
      'is_demo',
      'updated_at',
    ])
    .where('id', 'in', ids)
    .execute();
}
export type SeekerItemRow = Awaited<ReturnType<typeof seekerItems>>[number];
