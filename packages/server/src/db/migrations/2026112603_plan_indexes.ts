import type { Kysely } from 'kysely';

/**
 * Indexes the plan benchmark showed a need for (bench/plan, docs/decisions.md): plans by year, so
 * the national roll-up starts from one year's plans instead of scanning every result row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('plans_year').on('plans').column('year').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('plans_year').execute();
}
