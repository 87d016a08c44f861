import type { Kysely } from 'kysely';
import { type DialectName, withId } from '../dialect.js';

/**
 * Feedback on recommendations (#5): one verdict per user and (seeker, vacancy) pair, from the
 * seeker's, the employer's or a counsellor's screen. The evaluation reads it as labels. A pair's
 * rows go with the seeker or the vacancy they are about.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('match_feedback'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id'))
    .addColumn('seeker_id', 'integer', (c) => c.notNull().references('seekers.id').onDelete('cascade'))
    .addColumn('vacancy_id', 'integer', (c) => c.notNull().references('vacancies.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('verdict', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('match_feedback_pair', ['user_id', 'seeker_id', 'vacancy_id'])
    .execute();
  await db.schema
    .createIndex('match_feedback_org')
    .on('match_feedback')
    .columns(['organisation_id', 'seeker_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('match_feedback').execute();
}
