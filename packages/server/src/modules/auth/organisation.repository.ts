import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

type Q = Kysely<Database>;

/** The organisation this deployment serves: the first one created. */
export function primaryOrganisation(db: Q) {
  return db.selectFrom('organisations').selectAll().orderBy('id').limit(1).executeTakeFirst();
}

/** An organisation by id. */
export function findOrganisation(db: Q, id: number) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The units of an organisation, in display order. */
export function unitsOf(db: Q, organisationId: number) {
  return db
    .selectFrom('units')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

/** Inserts an organisation and returns its id. */
export async function insertOrganisation(
  db: Q,
  org: { code: string; name: string; nameEn: string; isDemo: boolean; now: string },
): Promise<number> {
  const row = await db
    .insertInto('organisations')
    .values({
      code: org.code,
      name: org.name,
      name_en: org.nameEn,
      is_demo: org.isDemo ? 1 : 0,
      created_at: org.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts units of an organisation. */
export async function insertUnits(
  db: Q,
  organisationId: number,
  units: {
    kind: 'department' | 'agency' | 'dong_centre' | 'job_centre';
    code: string;
    name: string;
    nameEn: string;
  }[],
): Promise<void> {
  if (units.length === 0) return;
  await db
    .insertInto('units')
    .values(
      units.map((u, i) => ({
        organisation_id: organisationId,
        kind: u.kind,
        code: u.code,
        name: u.name,
        name_en: u.nameEn,
        sort_order: i,
      })),
    )
    .execute();
}

/** Inserts an employer (the company an employer account acts for) and returns its id. */
export async function insertEmployer(
  db: Q,
  employer: { organisationId: number; name: string; isDemo: boolean; now: string },
): Promise<number> {
  const row = await db
    .insertInto('employers')
    .values({
      organisation_id: employer.organisationId,
      name: employer.name,
      is_demo: employer.isDemo ? 1 : 0,
      created_at: employer.now,
      updated_at: employer.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
