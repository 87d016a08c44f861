import type { TaxonomyKind, VacancyStatus } from '@ilteo/shared';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, VacancyTable } from '../../db/tables.js';

type Q = Kysely<Database>;

/** One vacancy. */
export function findVacancy(db: Q, id: number) {
  return db.selectFrom('vacancies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A vacancy imported from elsewhere, by its id there (고용24 구인인증번호). */
export function vacancyByExternalId(db: Q, organisationId: number, source: 'work24', externalId: string) {
  return db
    .selectFrom('vacancies')
    .select(['id', 'version'])
    .where('organisation_id', '=', organisationId)
    .where('source', '=', source)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** Adds a vacancy and returns its id. */
export async function insertVacancyRow(db: Q, row: Insertable<VacancyTable>): Promise<number> {
  const created = await db.insertInto('vacancies').values(row).returning('id').executeTakeFirstOrThrow();
  return created.id;
}

/**
 * Updates a vacancy and bumps its version; with `version`, only if it is still the one the caller
 * read. Returns whether a row changed.
 */
export async function updateVacancyRow(
  db: Q,
  id: number,
  version: number | undefined,
  patch: Updateable<VacancyTable>,
): Promise<boolean> {
  let query = db
    .updateTable('vacancies')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A page of one company's vacancies, every status, and how many match. */
export async function listEmployerVacancies(
  db: Q,
  employerId: number,
  filter: { status?: VacancyStatus | undefined },
  page: { page: number; pageSize: number; sort: 'updatedAt' | 'opensOn' | 'title'; order: 'asc' | 'desc' },
) {
  let query = db.selectFrom('vacancies').where('employer_id', '=', employerId);
  if (filter.status) query = query.where('status', '=', filter.status);
  const column = ({ updatedAt: 'updated_at', opensOn: 'opens_on', title: 'title' } as const)[page.sort];
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy(column, page.order)
      .orderBy('id', page.order)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Companies by id, with what a vacancy shows of them. */
export function employerSummaries(db: Q, ids: number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('employers')
    .select(['id', 'organisation_id', 'name', 'verified_at'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}

/** The taxonomy items of one kind among the given references, with their labels. */
export async function taxonomyItems(db: Q, kind: TaxonomyKind, refs: { scheme: string; code: string }[]) {
  if (refs.length === 0) return [];
  const rows = await db
    .selectFrom('taxonomy_items')
    .select(['kind', 'scheme', 'code', 'label'])
    .where('kind', '=', kind)
    .where('scheme', 'in', [...new Set(refs.map((r) => r.scheme))])
    .where('code', 'in', [...new Set(refs.map((r) => r.code))])
    .execute();
  return rows;
}

/** The minimum wage table, by year. */
export function minimumWageRows(db: Q) {
  return db.selectFrom('minimum_wages').selectAll().orderBy('year').execute();
}

/** One year's minimum wage. */
export function findMinimumWage(db: Q, year: number) {
  return db.selectFrom('minimum_wages').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Sets a year's minimum wage (adds the year or replaces its rate). */
export async function upsertMinimumWage(db: Q, year: number, hourly: number, now: string): Promise<void> {
  await db
    .insertInto('minimum_wages')
    .values({ year, hourly, updated_at: now })
    .onConflict((oc) => oc.column('year').doUpdateSet({ hourly, updated_at: now }))
    .execute();
}
