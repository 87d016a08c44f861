import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

type Q = Kysely<Database>;

/** How many result revisions (any status) the programs of a plan have. */
export async function countResultsOfPlan(db: Q, planId: number): Promise<number> {
  const row = await db
    .selectFrom('program_results')
    .innerJoin('programs', 'programs.id', 'program_results.program_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('programs.plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deletes every program and strategy of a plan (its structure), keeping the plan itself. */
export async function deleteStructure(
  db: Q,
  planId: number,
): Promise<{ strategies: number; programs: number }> {
  const programs = await db.deleteFrom('programs').where('plan_id', '=', planId).executeTakeFirst();
  const strategies = await db.deleteFrom('strategies').where('plan_id', '=', planId).executeTakeFirst();
  return { strategies: Number(strategies.numDeletedRows), programs: Number(programs.numDeletedRows) };
}
