import type { EmployerFlag, KsicSection } from '@ilteo/shared';
import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import { containsInsensitive, type DialectName } from '../../db/dialect.js';
import type { Database, EmployerTable } from '../../db/tables.js';

type Q = Kysely<Database>;

/** One company. */
export function findEmployer(db: Q, id: number) {
  return db.selectFrom('employers').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The company of an organisation with a business number (ten digits). */
export function employerByBusinessNumber(db: Q, organisationId: number, digits: string) {
  return db
    .selectFrom('employers')
    .select(['id', 'name'])
    .where('organisation_id', '=', organisationId)
    .where('business_number', '=', digits)
    .executeTakeFirst();
}

/** Adds a company and returns its id. */
export async function insertEmployerRow(db: Q, row: Insertable<EmployerTable>): Promise<number> {
  const created = await db.insertInto('employers').values(row).returning('id').executeTakeFirstOrThrow();
  return created.id;
}

/**
 * Updates a company and bumps its version; with `version`, only if it is still the one the
 * caller read. Returns whether a row changed (false: gone, or someone else changed it first).
 */
export async function updateEmployerRow(
  db: Q,
  id: number,
  version: number | undefined,
  patch: Updateable<EmployerTable>,
): Promise<boolean> {
  let query = db
    .updateTable('employers')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id);
  if (version !== undefined) query = query.where('version', '=', version);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** How many open vacancies each company has. */
export async function openVacancyCounts(db: Q, employerIds: number[]): Promise<Map<number, number>> {
  if (employerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('vacancies')
    .select(['employer_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('employer_id', 'in', employerIds)
    .where('status', '=', 'open')
    .groupBy('employer_id')
    .execute();
  return new Map(rows.map((r) => [r.employer_id, Number(r.n)]));
}

export interface EmployerListFilter {
  organisationId: number;
  q?: string | undefined;
  verified?: boolean | undefined;
  flag?: EmployerFlag | undefined;
  industry?: KsicSection | undefined;
  dongCode?: string | undefined;
}

/** A page of an organisation's companies, with their open vacancies, and how many match. */
export async function listEmployers(
  db: Q,
  dialect: DialectName,
  filter: EmployerListFilter,
  page: {
    page: number;
    pageSize: number;
    sort: 'name' | 'updatedAt' | 'openVacancies';
    order: 'asc' | 'desc';
  },
) {
  let query = db.selectFrom('employers').where('organisation_id', '=', filter.organisationId);
  if (filter.q) {
    const q = filter.q;
    const digits = q.replace(/[\s-]/g, '');
    query = query.where((eb) =>
      eb.or([
        containsInsensitive(dialect, eb.ref('name'), q),
        ...(/^\d+$/.test(digits) ? [containsInsensitive(dialect, eb.ref('business_number'), digits)] : []),
      ]),
    );
  }
  if (filter.verified !== undefined) {
    query = query.where('verified_at', filter.verified ? 'is not' : 'is', null);
  }
  if (filter.flag) {
    const flag = filter.flag;
    query = query.where((eb) => containsInsensitive(dialect, eb.ref('flags'), `"${flag}"`));
  }
  if (filter.industry) query = query.where('industry', '=', filter.industry);
  if (filter.dongCode) query = query.where('dong_code', '=', filter.dongCode);
  const rowsQuery = query
    .selectAll('employers')
    .select((eb) =>
      eb
        .selectFrom('vacancies')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('vacancies.employer_id', '=', 'employers.id')
        .where('vacancies.status', '=', 'open')
        .as('open_vacancies'),
    );
  const sorted =
    page.sort === 'name'
      ? rowsQuery.orderBy('employers.name', page.order)
      : page.sort === 'openVacancies'
        ? rowsQuery.orderBy('open_vacancies', page.order)
        : rowsQuery.orderBy('employers.updated_at', page.order);
  const [rows, count] = await Promise.all([
    sorted
      .orderBy('employers.id', page.order)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** A dong of a region scheme, with its centroid. */
export function findDong(db: Q, scheme: string, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'lat', 'lon'])
    .where('scheme', '=', scheme)
    .where('code', '=', code)
    .where('level', '=', 'dong')
    .executeTakeFirst();
}

/** Names of regions by `scheme code`, for presenting places. */
export async function regionNames(
  db: Q,
  places: { region_scheme: string | null; dong_code: string | null }[],
): Promise<Map<string, string>> {
  const wanted = places.filter((p) => p.region_scheme && p.dong_code);
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('regions')
    .select(['scheme', 'code', 'name'])
    .where('scheme', 'in', [...new Set(wanted.map((p) => p.region_scheme!))])
    .where('code', 'in', [...new Set(wanted.map((p) => p.dong_code!))])
    .execute();
  return new Map(rows.map((r) => [`${r.scheme} ${r.code}`, r.name]));
}

/** The organisation's `region_scheme` setting, if it has one. */
export async function regionSchemeSetting(db: Q, organisationId: number): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisation_settings')
    .select('value')
    .where('organisation_id', '=', organisationId)
    .where('key', '=', 'region_scheme')
    .executeTakeFirst();
  if (!row) return undefined;
  const value: unknown = JSON.parse(row.value);
  return typeof value === 'string' ? value : undefined;
}
