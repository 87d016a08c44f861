import { type Kysely, sql } from 'kysely';

/**
 * Each program keeps the sum of its official monthly figures (the newest approved revision of each
 * month), maintained in the transaction that approves a month. The national roll-up then sums one
 * column of a year's programs instead of searching 1.8 M result rows (bench/plan).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('programs')
    .addColumn('approved_jobs', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update programs set approved_jobs = coalesce((
      select sum(r.jobs) from program_results r
      where r.program_id = programs.id and r.status = 'approved'
        and not exists (select 1 from program_results newer
          where newer.program_id = r.program_id and newer.month = r.month
            and newer.revision > r.revision and newer.status = 'approved')), 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('programs').dropColumn('approved_jobs').execute();
}
