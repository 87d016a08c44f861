import type { Insertable, Kysely } from 'kysely';
import type { Database, RegistryImportTable } from '../../db/tables.js';

type Q = Kysely<Database>;

/**
 * What imports and exports read. Every write to a seeker, employer or vacancy goes through that
 * module's command; this file writes only the record of an import run.
 */

/** The companies of an organisation, oldest first. */
export function employersOf(db: Q, organisationId: number) {
  return db
    .selectFrom('employers')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();
}

/** The vacancies of an organisation with their company's name and business number, oldest first. */
export function vacanciesOf(db: Q, organisationId: number) {
  return db
    .selectFrom('vacancies')
    .innerJoin('employers', 'employers.id', 'vacancies.employer_id')
    .selectAll('vacancies')
    .select(['employers.name as employer_name', 'employers.business_number as employer_business_number'])
    .where('vacancies.organisation_id', '=', organisationId)
    .orderBy('vacancies.id')
    .execute();
}

/** The seekers of an organisation, oldest first. */
export function seekersOf(db: Q, organisationId: number) {
  return db
    .selectFrom('seekers')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('id')
    .execute();
}

/** One company of an organisation. */
export function employerOf(db: Q, organisationId: number, id: number) {
  return db
    .selectFrom('employers')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The companies of an organisation with exactly this name (고용24 postings without a business number). */
export function employersNamed(db: Q, organisationId: number, name: string) {
  return db
    .selectFrom('employers')
    .select(['id', 'name', 'business_number'])
    .where('organisation_id', '=', organisationId)
    .where('name', '=', name)
    .orderBy('id')
    .execute();
}

/** One vacancy of an organisation. */
export function vacancyOf(db: Q, organisationId: number, id: number) {
  return db
    .selectFrom('vacancies')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** One seeker of an organisation. */
export function seekerOf(db: Q, organisationId: number, id: number) {
  return db
    .selectFrom('seekers')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Labels of taxonomy items of one kind, keyed `scheme|code`. */
export async function itemLabels(
  db: Q,
  kind: 'occupation' | 'skill' | 'certificate',
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('taxonomy_items')
    .select(['scheme', 'code', 'label'])
    .where('kind', '=', kind)
    .execute();
  return new Map(rows.map((r) => [`${r.scheme}|${r.code}`, r.label]));
}

/** Whether an occupation item exists. */
export async function occupationExists(db: Q, scheme: string, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('taxonomy_items')
    .select('id')
    .where('kind', '=', 'occupation')
    .where('scheme', '=', scheme)
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** A 시군구 region by its 행정안전부 code (28237 → 부평구), in any region scheme. */
export function regionByAdminCode(db: Q, adminCode: string) {
  return db
    .selectFrom('regions')
    .select(['scheme', 'code', 'name'])
    .where('admin_code', '=', adminCode)
    .executeTakeFirst();
}

/** Records an import run and returns its id. */
export async function insertImportRun(db: Q, row: Insertable<RegistryImportTable>): Promise<number> {
  const created = await db
    .insertInto('registry_imports')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

/** The import runs of an organisation, newest first. */
export async function listImportRuns(
  db: Q,
  organisationId: number,
  page: { page: number; pageSize: number; order: 'asc' | 'desc' },
) {
  const base = db.selectFrom('registry_imports').where('organisation_id', '=', organisationId);
  const [rows, total] = await Promise.all([
    base
      .select([
        'id',
        'kind',
        'format',
        'source',
        'mode',
        'total_rows',
        'inserted',
        'updated',
        'skipped',
        'created_by',
        'created_at',
      ])
      .orderBy('created_at', page.order)
      .orderBy('id', page.order)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}
