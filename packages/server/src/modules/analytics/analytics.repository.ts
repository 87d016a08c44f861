import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

type Q = Kysely<Database>;

/** An organisation's vacancies (drafts left out) with what the mismatch analytics read. */
export function vacancyRows(db: Q, organisationId: number) {
  return db
    .selectFrom('vacancies as v')
    .innerJoin('employers as e', 'e.id', 'v.employer_id')
    .select([
      'v.id',
      'v.title',
      'e.name as employer_name',
      'v.occupation_scheme',
      'v.occupation_code',
      'v.dong_code',
      'v.lat',
      'v.lon',
      'v.openings',
      'v.wage_monthly',
      'v.status',
      'v.opens_on',
      'v.closes_on',
      'v.closed_at',
      'v.required_certificates',
      'v.required_skills',
    ])
    .where('v.organisation_id', '=', organisationId)
    .where('v.status', '!=', 'draft')
    .orderBy('v.id')
    .execute();
}
export type VacancyRow = Awaited<ReturnType<typeof vacancyRows>>[number];

/** An organisation's active seekers: desired occupations, home, commute, wage, certificates, skills. */
export function seekerRows(db: Q, organisationId: number) {
  return db
    .selectFrom('seekers')
    .select([
      'desired_occupations',
      'home_dong_code',
      'commute_km',
      'wage_monthly',
      'status',
      'created_at',
      'certificates',
      'skills',
    ])
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
}
export type SeekerRow = Awaited<ReturnType<typeof seekerRows>>[number];

/** The dongs with their names, centroids and (GeoJSON text) geometry. */
export function dongRows(db: Q) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'name_en', 'lat', 'lon', 'geometry'])
    .where('level', '=', 'dong')
    .orderBy('code')
    .execute();
}
export type DongRow = Awaited<ReturnType<typeof dongRows>>[number];

/** Occupation, skill and certificate items: labels and parent chains. */
export function taxonomyRows(db: Q) {
  return db
    .selectFrom('taxonomy_items')
    .select(['kind', 'scheme', 'code', 'label', 'label_en', 'parent_code'])
    .execute();
}
