import type { Insertable, Kysely } from 'kysely';
import type { Database, RetainedRecordTable } from '../../db/tables.js';

type Q = Kysely<Database>;

/** One organisation setting's JSON text, if set. */
export async function readSetting(db: Q, organisationId: number, key: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('organisation_settings')
    .select('value')
    .where('organisation_id', '=', organisationId)
    .where('key', '=', key)
    .executeTakeFirst();
  return row?.value;
}

/** Sets an organisation setting (JSON text). */
export async function writeSetting(
  db: Q,
  organisationId: number,
  key: string,
  value: string,
  now: string,
): Promise<void> {
  await db
    .insertInto('organisation_settings')
    .values({ organisation_id: organisationId, key, value, updated_at: now })
    .onConflict((oc) => oc.columns(['organisation_id', 'key']).doUpdateSet({ value, updated_at: now }))
    .execute();
}

/** Every organisation's id (the retention job runs over all of them from the command line). */
export async function organisationIds(db: Q): Promise<number[]> {
  const rows = await db.selectFrom('organisations').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Keeps a record apart for another law's sake. */
export async function insertRetainedRecord(db: Q, record: Insertable<RetainedRecordTable>): Promise<void> {
  await db.insertInto('retained_records').values(record).execute();
}

/** Records kept apart whose period ended before `now`. */
export async function countExpiredRetained(db: Q, organisationId: number, now: string): Promise<number> {
  const row = await db
    .selectFrom('retained_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('organisation_id', '=', organisationId)
    .where('keep_until', '<', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Destroys the records kept apart whose period ended before `now`; returns how many. */
export async function deleteExpiredRetained(db: Q, organisationId: number, now: string): Promise<number> {
  const result = await db
    .deleteFrom('retained_records')
    .where('organisation_id', '=', organisationId)
    .where('keep_until', '<', now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** A user's sign-in account, for the data download and the deletion. */
export function findAccount(db: Q, userId: number) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'organisation_id',
      'email',
      'name',
      'role',
      'locale',
      'status',
      'password_hash',
      'last_sign_in_at',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The account-level consents (terms, privacy at sign-up) of a user. */
export function accountConsents(db: Q, userId: number) {
  return db
    .selectFrom('consents')
    .select(['purpose', 'version', 'granted_at', 'withdrawn_at'])
    .where('user_id', '=', userId)
    .orderBy('id')
    .execute();
}

/**
 * Audit entries about a person: those they made themself, and those about their account or
 * seeker profile. Who else acted is not returned (only their role).
 */
export function auditAbout(db: Q, userId: number, seekerId: number | null) {
  return db
    .selectFrom('audit_log')
    .select([
      'at',
      'actor_user_id',
      'actor_role',
      'action',
      'entity_type',
      'entity_id',
      'before_json',
      'after_json',
    ])
    .where((eb) =>
      eb.or([
        eb('actor_user_id', '=', userId),
        eb.and([eb('entity_type', '=', 'user'), eb('entity_id', '=', String(userId))]),
        ...(seekerId === null
          ? []
          : [eb.and([eb('entity_type', '=', 'seeker'), eb('entity_id', '=', String(seekerId))])]),
      ]),
    )
    .orderBy('id')
    .execute();
}

/** Deletes a sign-in account with its sessions, consents and unit links. */
export async function deleteAccount(db: Q, userId: number): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('consents').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_units').where('user_id', '=', userId).execute();
  await db.deleteFrom('users').where('id', '=', userId).execute();
}

/** Every verdict on recommended pairs about one seeker (their data export). */
export function matchFeedbackAbout(db: Q, seekerId: number) {
  return db
    .selectFrom('match_feedback')
    .select(['vacancy_id', 'verdict', 'side', 'user_id', 'updated_at'])
    .where('seeker_id', '=', seekerId)
    .orderBy('updated_at')
    .execute();
}
