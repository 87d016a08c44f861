import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * Targets and approved results of every organisation's plan for a year, aggregated in the
 * database: a month counts with its newest approved revision only.
 */
export async function rollupByOrganisation(db: Kysely<Database>, year: number, publishedOnly: boolean) {
  let targets = db
    .selectFrom('plans')
    .innerJoin('organisations', 'organisations.id', 'plans.organisation_id')
    .leftJoin('programs', 'programs.plan_id', 'plans.id')
    .select((eb) => [
      'plans.id as plan_id',
      'organisations.code',
      'organisations.name',
      'plans.previous_year_target',
      eb.fn.coalesce(eb.fn.sum<number>('programs.annual_target'), eb.lit(0)).as('target'),
    ])
    .where('plans.year', '=', year)
    .groupBy(['plans.id', 'organisations.code', 'organisations.name', 'plans.previous_year_target']);
  if (publishedOnly) targets = targets.where('plans.status', '=', 'published');

  // Starts from the year's plans (index plans_year) and keeps an approved revision unless a newer
  // one of the same month is approved too: one index probe per row, and estimates good enough
  // that PostgreSQL does not JIT-compile the query. bench/plan measured it at national scale.
  const achieved = db
    .selectFrom('plans')
    .innerJoin('programs', 'programs.plan_id', 'plans.id')
    .innerJoin('program_results as r', 'r.program_id', 'programs.id')
    .select((eb) => ['plans.id as plan_id', eb.fn.sum<number>('r.jobs').as('achieved')])
    .where('plans.year', '=', year)
    .where('r.status', '=', 'approved')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('program_results as newer')
            .select(sql.lit(1).as('one'))
            .whereRef('newer.program_id', '=', 'r.program_id')
            .whereRef('newer.month', '=', 'r.month')
            .whereRef('newer.revision', '>', 'r.revision')
            .where('newer.status', '=', 'approved'),
        ),
      ),
    )
    .groupBy('plans.id');

  const [targetRows, achievedRows] = await Promise.all([targets.execute(), achieved.execute()]);
  const achievedByPlan = new Map(achievedRows.map((r) => [r.plan_id, Number(r.achieved)]));
  return targetRows.map((r) => ({
    planId: r.plan_id,
    organisationCode: r.code,
    organisationName: r.name,
    previousYearTarget: r.previous_year_target,
    target: Number(r.target),
    achieved: achievedByPlan.get(r.plan_id) ?? 0,
  }));
}
