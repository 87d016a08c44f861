import { monthlyEquivalent } from '@ilteo/shared';
import type { Insertable } from 'kysely';
import type { Db } from '../../db/kysely.js';
import type { SeekerTable, VacancyTable } from '../../db/tables.js';
import { recordChange } from './change-log.js';
import { seoulToday } from './search-index.js';

/**
 * Test data for the search, written straight to the database the way every write path must:
 * the row and its change_log entry in one transaction. (The registry's write routes belong to
 * other modules; the search only needs rows and the log.)
 */

/** The demo organisation's id. */
export async function demoOrganisationId(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('organisations')
    .select('id')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts an employer and logs it. */
export async function insertEmployer(db: Db, organisationId: number, name: string): Promise<number> {
  const now = new Date().toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('employers')
      .values({ organisation_id: organisationId, name, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(trx, 'employer', id);
    return id;
  });
}

/** Renames an employer and logs it (its vacancies' company name changes with it). */
export async function renameEmployer(db: Db, id: number, name: string): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('employers').set({ name }).where('id', '=', id).execute();
    await recordChange(trx, 'employer', id);
  });
}

/** Inserts a vacancy (open, a 2,500,000원 monthly wage, KECO 3075 unless told) and logs it. */
export async function insertVacancy(
  db: Db,
  base: { organisationId: number; employerId: number },
  values: Partial<Insertable<VacancyTable>> = {},
): Promise<number> {
  const now = new Date().toISOString();
  const wageType = values.wage_type ?? 'monthly';
  const wageAmount = values.wage_amount ?? 2_500_000;
  return db.kysely.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('vacancies')
      .values({
        organisation_id: base.organisationId,
        employer_id: base.employerId,
        title: '간호조무사 모집',
        description: '',
        occupation_scheme: 'KECO-2018',
        occupation_code: '3075',
        required_skills: '[]',
        preferred_skills: '[]',
        required_certificates: '[]',
        preferred_certificates: '[]',
        education: 'any',
        career: 'any',
        min_career_months: 0,
        wage_type: wageType,
        wage_amount: wageAmount,
        wage_monthly: monthlyEquivalent(wageType, wageAmount),
        weekly_hours: 40,
        shifts: '["day"]',
        employment_type: 'permanent',
        openings: 1,
        opens_on: seoulToday(),
        closes_on: null,
        preferred_groups: '[]',
        eligible_groups: '[]',
        status: 'open',
        source: 'own',
        created_at: now,
        updated_at: now,
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(trx, 'vacancy', id);
    return id;
  });
}

/** Changes a vacancy's columns and logs it. */
export async function updateVacancy(
  db: Db,
  id: number,
  values: Partial<Insertable<VacancyTable>>,
): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('vacancies').set(values).where('id', '=', id).execute();
    await recordChange(trx, 'vacancy', id);
  });
}

/** Deletes a vacancy and logs it. */
export async function deleteVacancy(db: Db, id: number): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await trx.deleteFrom('vacancies').where('id', '=', id).execute();
    await recordChange(trx, 'vacancy', id, 'delete');
  });
}

/** Inserts a seeker (active, wanting KECO 3075 unless told) and logs it. */
export async function insertSeeker(
  db: Db,
  organisationId: number,
  values: Partial<Insertable<SeekerTable>> = {},
): Promise<number> {
  const now = new Date().toISOString();
  return db.kysely.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('seekers')
      .values({
        organisation_id: organisationId,
        user_id: null,
        name: '홍길동',
        birth_year: 1990,
        gender: null,
        phone: '01012345678',
        email: null,
        desired_occupations: JSON.stringify([{ scheme: 'KECO-2018', code: '3075' }]),
        skills: '[]',
        certificates: '[]',
        education: 'high',
        careers: '[]',
        wage_type: null,
        wage_amount: null,
        wage_monthly: null,
        wage_firm: 0,
        weekly_hours: null,
        shifts: '[]',
        employment_types: '["permanent"]',
        home_region_scheme: null,
        home_dong_code: null,
        commute_km: 10,
        available_from: null,
        groups: '[]',
        status: 'active',
        registered_by: 'desk',
        desk_unit_id: null,
        intake_note: null,
        created_at: now,
        updated_at: now,
        last_active_at: now,
        ...values,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordChange(trx, 'seeker', id);
    return id;
  });
}
