import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.js';

/**
 * Targets and approved results of every organisation's plan for a year, aggregated in the
 * database: a month counts with its newest approved revision only (kept per program in
 * `approved_jobs` by the approving transaction).
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
      // Each program keeps its official total (refreshApprovedJobs), so no result row is read here.
      eb.fn.coalesce(eb.fn.sum<number>('programs.approved_jobs'), eb.lit(0)).as('achieved'),
    ])
    .where('plans.year', '=', year)
    .groupBy(['plans.id', 'organisations.code', 'organisations.name', 'plans.previous_year_target']);
  if (publishedOnly) targets = targets.where('plans.status', '=', 'published');

  const targetRows = await targets.execute();
  return targetRows.map((r) => ({
    planId: r.plan_id,
    organisationCode: r.code,
    organisationName: r.name,
    previousYearTarget: r.previous_year_target,
    target: Number(r.target),
    achieved: Number(r.achieved),
  }));
}
