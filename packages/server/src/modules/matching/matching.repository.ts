import type { Kysely } from 'kysely';
import type { Database, MatchFeedbackTable } from '../../db/tables.js';
import { writeSetting } from '../privacy/privacy.repository.js';

type Q = Kysely<Database>;

/** The organisation setting that holds the match weights (JSON). */
export const WEIGHTS_KEY = 'match_weights';

export function weightsSetting(db: Q, organisationId: number) {
  return db
    .selectFrom('organisation_settings')
    .select(['value', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('key', '=', WEIGHTS_KEY)
    .executeTakeFirst();
}

/** Saves the organisation's weights (the organisation settings' own upsert). */
export function writeWeightsSetting(db: Q, organisationId: number, value: string, now: string) {
  return writeSetting(db, organisationId, WEIGHTS_KEY, value, now);
}

/** One user's verdicts on pairs of one seeker, or of one vacancy. */
export function feedbackOf(db: Q, userId: number, on: { seekerId: number } | { vacancyId: number }) {
  let query = db
    .selectFrom('match_feedback')
    .select(['seeker_id', 'vacancy_id', 'verdict'])
    .where('user_id', '=', userId);
  query =
    'seekerId' in on
      ? query.where('seeker_id', '=', on.seekerId)
      : query.where('vacancy_id', '=', on.vacancyId);
  return query.execute();
}

export function findFeedback(db: Q, userId: number, seekerId: number, vacancyId: number) {
  return db
    .selectFrom('match_feedback')
    .selectAll()
    .where('user_id', '=', userId)
    .where('seeker_id', '=', seekerId)
    .where('vacancy_id', '=', vacancyId)
    .executeTakeFirst();
}

export async function upsertFeedback(
  db: Q,
  row: Omit<MatchFeedbackTable, 'id' | 'created_at' | 'updated_at'>,
  now: string,
): Promise<void> {
  await db
    .insertInto('match_feedback')
    .values({ ...row, created_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'seeker_id', 'vacancy_id'])
        .doUpdateSet({ verdict: row.verdict, updated_at: now }),
    )
    .execute();
}

export async function deleteFeedback(db: Q, userId: number, seekerId: number, vacancyId: number) {
  await db
    .deleteFrom('match_feedback')
    .where('user_id', '=', userId)
    .where('seeker_id', '=', seekerId)
    .where('vacancy_id', '=', vacancyId)
    .execute();
}

/** Every verdict of an organisation (the evaluation's labels), newest last. */
export function organisationFeedback(db: Q, organisationId: number) {
  return db
    .selectFrom('match_feedback')
    .select(['seeker_id', 'vacancy_id', 'verdict', 'side'])
    .where('organisation_id', '=', organisationId)
    .orderBy('updated_at')
    .execute();
}

/** Active seekers of an organisation (whose top 10 count toward coverage). */
export async function activeSeekerIds(db: Q, organisationId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('seekers')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Open vacancies of an organisation not closed before `today` (what coverage is a share of). */
export async function openVacancyIds(db: Q, organisationId: number, today: string): Promise<number[]> {
  const rows = await db
    .selectFrom('vacancies')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('closes_on', 'is', null), eb('closes_on', '>=', today)]))
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}
