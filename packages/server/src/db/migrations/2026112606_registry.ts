import { DEFAULT_MINIMUM_WAGES } from '@ilteo/shared';
import type { Kysely } from 'kysely';
import { type DialectName, withId } from '../dialect.js';

const EMPLOYER_COLUMNS: [string, 'text' | 'integer' | 'double precision', string?][] = [
  ['business_number', 'text'],
  ['representative', 'text'],
  ['industry', 'text'],
  ['size', 'text'],
  ['address', 'text'],
  ['region_scheme', 'text'],
  ['dong_code', 'text'],
  ['lat', 'double precision'],
  ['lon', 'double precision'],
  ['flags', 'text', '[]'],
  ['homepage', 'text'],
  ['description', 'text'],
  ['contacts', 'text', '[]'],
  ['verified_at', 'text'],
  ['verified_by', 'integer'],
  ['version', 'integer', '1'],
];

/**
 * Seekers, employers (the full profile on the foundation's minimal table), vacancies, their
 * consents, the minimum wage table, per-organisation settings, import runs, records kept apart
 * when a person deletes their account, and the change log that keeps every server process's
 * in-memory search in step with the database.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  for (const [name, type, def] of EMPLOYER_COLUMNS) {
    await db.schema
      .alterTable('employers')
      .addColumn(name, type, (c) => {
        if (def === undefined) return c;
        return c.notNull().defaultTo(type === 'integer' ? Number(def) : def);
      })
      .execute();
  }
  await db.schema
    .createIndex('employers_business_number')
    .on('employers')
    .columns(['organisation_id', 'business_number'])
    .unique()
    .execute();

  await withId(dialect, db.schema.createTable('vacancies'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('employer_id', 'integer', (c) => c.notNull().references('employers.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('occupation_scheme', 'text', (c) => c.notNull())
    .addColumn('occupation_code', 'text', (c) => c.notNull())
    .addColumn('required_skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('preferred_skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('required_certificates', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('preferred_certificates', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('career', 'text', (c) => c.notNull())
    .addColumn('min_career_months', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('wage_type', 'text', (c) => c.notNull())
    .addColumn('wage_amount', 'integer', (c) => c.notNull())
    .addColumn('wage_monthly', 'integer', (c) => c.notNull())
    .addColumn('weekly_hours', 'double precision', (c) => c.notNull())
    .addColumn('shifts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('employment_type', 'text', (c) => c.notNull())
    .addColumn('openings', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('address', 'text')
    .addColumn('region_scheme', 'text')
    .addColumn('dong_code', 'text')
    /** Free text for places outside the deployment's regions, e.g. 고용24's "대구 서구". */
    .addColumn('region_name', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text')
    .addColumn('preferred_groups', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('eligible_groups', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('own'))
    .addColumn('external_id', 'text')
    .addColumn('external_url', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('vacancies_org_status')
    .on('vacancies')
    .columns(['organisation_id', 'status'])
    .execute();
  await db.schema
    .createIndex('vacancies_employer')
    .on('vacancies')
    .columns(['employer_id', 'status'])
    .execute();
  await db.schema
    .createIndex('vacancies_external')
    .on('vacancies')
    .columns(['organisation_id', 'source', 'external_id'])
    .unique()
    .execute();

  await withId(dialect, db.schema.createTable('seekers'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('user_id', 'integer', (c) => c.unique().references('users.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('phone', 'text')
    .addColumn('email', 'text')
    .addColumn('desired_occupations', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('certificates', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('education', 'text', (c) => c.notNull())
    .addColumn('careers', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('wage_type', 'text')
    .addColumn('wage_amount', 'integer')
    .addColumn('wage_monthly', 'integer')
    .addColumn('wage_firm', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('weekly_hours', 'integer')
    .addColumn('shifts', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('employment_types', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('home_region_scheme', 'text')
    .addColumn('home_dong_code', 'text')
    .addColumn('commute_km', 'double precision', (c) => c.notNull().defaultTo(10))
    .addColumn('available_from', 'text')
    /** Declared groups (경력단절여성, 장애인 — only with the sensitive consent —, 취업취약계층, 자활참여자). */
    .addColumn('groups', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .addColumn('registered_by', 'text', (c) => c.notNull())
    .addColumn('desk_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('intake_note', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('last_active_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('seekers_org_status')
    .on('seekers')
    .columns(['organisation_id', 'status'])
    .execute();
  await db.schema
    .createIndex('seekers_last_active')
    .on('seekers')
    .columns(['organisation_id', 'last_active_at'])
    .execute();

  await withId(dialect, db.schema.createTable('seeker_consents'))
    .addColumn('seeker_id', 'integer', (c) => c.notNull().references('seekers.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('recorded_by', 'integer')
    .execute();
  await db.schema.createIndex('seeker_consents_seeker').on('seeker_consents').column('seeker_id').execute();

  await db.schema
    .createTable('minimum_wages')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('hourly', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The published rates to date; admins add each new year's (announced every August).
  const now = new Date().toISOString();
  await (db as Kysely<{ minimum_wages: { year: number; hourly: number; updated_at: string } }>)
    .insertInto('minimum_wages')
    .values(
      Object.entries(DEFAULT_MINIMUM_WAGES).map(([year, hourly]) => ({
        year: Number(year),
        hourly,
        updated_at: now,
      })),
    )
    .execute();

  await db.schema
    .createTable('organisation_settings')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('organisation_settings_pk', ['organisation_id', 'key'])
    .execute();

  await withId(dialect, db.schema.createTable('registry_imports'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('total_rows', 'integer', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('retained_records'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_ref', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('keep_until', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(dialect, db.schema.createTable('change_log'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'change_log',
    'retained_records',
    'registry_imports',
    'organisation_settings',
    'minimum_wages',
    'seeker_consents',
    'seekers',
    'vacancies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex('employers_business_number').execute();
  for (const [name] of [...EMPLOYER_COLUMNS].reverse()) {
    await db.schema.alterTable('employers').dropColumn(name).execute();
  }
}
