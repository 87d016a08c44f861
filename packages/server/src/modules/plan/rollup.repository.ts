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

  const achieved = db
    .selectFrom('program_results as r')
    .innerJoin('programs', 'programs.id', 'r.program_id')
    .innerJoin('plans', 'plans.id', 'programs.plan_id')
    .select((eb) => ['plans.id as plan_id', eb.fn.sum<number>('r.jobs').as('achieved')])
    .where('plans.year', '=', year)
    .where('r.status', '=', 'approved')
    .where(
      'r.revision',
      '=',
      sql<number>`(select max(r2.revision) from program_results r2
        where r2.program_id = r.program_id and r2.month = r.month and r2.status = 'approved')`,
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
