import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, ProgramResultTable } from '../../db/tables.js';
import { updateIfVersion } from '../../db/versioned.js';

type Q = Kysely<Database>;

/** Every revision of a program's monthly results, by month then revision. */
export function revisionsOf(db: Q, programId: number) {
  return db
    .selectFrom('program_results')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('month')
    .orderBy('revision')
    .execute();
}

/** The newest revision of one program-month. */
export function currentRevision(db: Q, programId: number, month: number) {
  return db
    .selectFrom('program_results')
    .selectAll()
    .where('program_id', '=', programId)
    .where('month', '=', month)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Inserts a revision and returns its id. */
export async function insertRevision(db: Q, row: Insertable<ProgramResultTable>): Promise<number> {
  return (await db.insertInto('program_results').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a revision if its version still matches. */
export async function updateRevision(
  db: Q,
  id: number,
  version: number,
  patch: Updateable<ProgramResultTable>,
): Promise<boolean> {
  return updateIfVersion(db, 'program_results', id, version, patch);
}

/** All revisions of all programs of a plan (for the dashboard: a plan has at most a few thousand). */
export function revisionsOfPlan(db: Q, planId: number) {
  return db
    .selectFrom('program_results')
    .innerJoin('programs', 'programs.id', 'program_results.program_id')
    .select([
      'program_results.program_id',
      'program_results.month',
      'program_results.revision',
      'program_results.status',
      'program_results.jobs',
      'program_results.group_jobs',
    ])
    .where('programs.plan_id', '=', planId)
    .orderBy('program_results.program_id')
    .orderBy('program_results.month')
    .orderBy('program_results.revision')
    .execute();
}

/** Evidence files of some results. */
export function evidenceOf(db: Q, resultIds: number[]) {
  if (resultIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('result_evidence')
    .selectAll()
    .where('result_id', 'in', resultIds)
    .orderBy('id')
    .execute();
}

/**
 * Recomputes programs' `approved_jobs` (the sum of each month's newest approved figure): for the
 * given programs, or for all when none are given. Call it in the transaction that approves.
 */
export async function refreshApprovedJobs(db: Q, programIds?: number[]): Promise<void> {
  let query = db.updateTable('programs').set({
    approved_jobs: sql<number>`coalesce((
      select sum(r.jobs) from program_results r
      where r.program_id = programs.id and r.status = 'approved'
        and not exists (select 1 from program_results newer
          where newer.program_id = r.program_id and newer.month = r.month
            and newer.revision > r.revision and newer.status = 'approved')), 0)`,
  });
  if (programIds) query = query.where('id', 'in', programIds.length ? programIds : [-1]);
  await query.execute();
}
