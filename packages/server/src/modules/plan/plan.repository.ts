import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, PlanTable, ProgramTable } from '../../db/tables.js';
import { updateIfVersion } from '../../db/versioned.js';

type Q = Kysely<Database>;

/** Plans of an organisation, newest year first, with their totals. */
export function listPlans(db: Q, organisationId: number) {
  return db
    .selectFrom('plans')
    .leftJoin('programs', 'programs.plan_id', 'plans.id')
    .select((eb) => [
      'plans.id',
      'plans.year',
      'plans.title',
      'plans.status',
      'plans.previous_year_target',
      'plans.updated_at',
      eb.fn.coalesce(eb.fn.sum<number>('programs.annual_target'), eb.lit(0)).as('target_total'),
      eb.fn.count<number>('programs.id').as('program_count'),
    ])
    .where('plans.organisation_id', '=', organisationId)
    .groupBy([
      'plans.id',
      'plans.year',
      'plans.title',
      'plans.status',
      'plans.previous_year_target',
      'plans.updated_at',
    ])
    .orderBy('plans.year', 'desc')
    .execute();
}

/** One plan row. */
export function findPlan(db: Q, id: number) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The plan of an organisation for a year. */
export function findPlanByYear(db: Q, organisationId: number, year: number) {
  return db
    .selectFrom('plans')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .executeTakeFirst();
}

/** Inserts a plan and returns its id. */
export async function insertPlan(db: Q, plan: Insertable<PlanTable>): Promise<number> {
  return (await db.insertInto('plans').values(plan).returning('id').executeTakeFirstOrThrow()).id;
}

/** Updates a plan if its version still matches; returns whether it did (optimistic concurrency). */
export async function updatePlan(
  db: Q,
  id: number,
  version: number,
  patch: Updateable<PlanTable>,
): Promise<boolean> {
  return updateIfVersion(db, 'plans', id, version, patch);
}

/** Bumps a plan's version and timestamp (any change inside it counts as a change of the plan). */
export async function touchPlan(db: Q, id: number, now: string): Promise<void> {
  await db
    .updateTable('plans')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();
}

/** Strategies of a plan in order. */
export function strategiesOf(db: Q, planId: number) {
  return db
    .selectFrom('strategies')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** One strategy. */
export function findStrategy(db: Q, id: number) {
  return db.selectFrom('strategies').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a strategy at the end of its plan and returns its id. */
export async function insertStrategy(
  db: Q,
  s: { planId: number; name: string; description: string },
): Promise<number> {
  const last = await db
    .selectFrom('strategies')
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where('plan_id', '=', s.planId)
    .executeTakeFirst();
  const row = await db
    .insertInto('strategies')
    .values({ plan_id: s.planId, name: s.name, description: s.description, position: (last?.p ?? -1) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a strategy if its version still matches. */
export async function updateStrategy(
  db: Q,
  id: number,
  version: number,
  patch: { name?: string; description?: string },
): Promise<boolean> {
  return updateIfVersion(db, 'strategies', id, version, patch);
}

/** Deletes a strategy. */
export async function deleteStrategy(db: Q, id: number): Promise<void> {
  await db.deleteFrom('strategies').where('id', '=', id).execute();
}

/** Sets positions in the order given. */
export async function setPositions(db: Q, table: 'strategies' | 'programs', ids: number[]): Promise<void> {
  for (const [position, id] of ids.entries()) {
    await db.updateTable(table).set({ position }).where('id', '=', id).execute();
  }
}

/** Programs joined with their owner unit's names. */
function programsWithUnit(db: Q) {
  return db
    .selectFrom('programs')
    .innerJoin('units', 'units.id', 'programs.owner_unit_id')
    .selectAll('programs')
    .select(['units.name as unit_name', 'units.name_en as unit_name_en', 'units.kind as unit_kind']);
}

/** Programs of a plan with their owner unit, in strategy and position order. */
export function programsOf(db: Q, planId: number, unitIds?: number[]) {
  let query = programsWithUnit(db).where('programs.plan_id', '=', planId);
  if (unitIds) query = query.where('programs.owner_unit_id', 'in', unitIds.length ? unitIds : [-1]);
  return query.orderBy('programs.strategy_id').orderBy('programs.position').orderBy('programs.id').execute();
}

export type ProgramWithUnit = Awaited<ReturnType<typeof programsOf>>[number];

/** One program with its owner unit. */
export function findProgram(db: Q, id: number) {
  return programsWithUnit(db).where('programs.id', '=', id).executeTakeFirst();
}

/** Inserts a program at the end of its strategy and returns its id. */
export async function insertProgram(
  db: Q,
  program: Omit<Insertable<ProgramTable>, 'position'>,
): Promise<number> {
  const last = await db
    .selectFrom('programs')
    .select((eb) => eb.fn.max<number | null>('position').as('p'))
    .where('strategy_id', '=', program.strategy_id)
    .executeTakeFirst();
  const row = await db
    .insertInto('programs')
    .values({ ...program, position: (last?.p ?? -1) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Updates a program if its version still matches. */
export async function updateProgram(
  db: Q,
  id: number,
  version: number,
  patch: Updateable<ProgramTable>,
): Promise<boolean> {
  return updateIfVersion(db, 'programs', id, version, patch);
}

/** Deletes a program. */
export async function deleteProgram(db: Q, id: number): Promise<void> {
  await db.deleteFrom('programs').where('id', '=', id).execute();
}

/** How many results (any status) a program has. */
export async function countResults(db: Q, programId: number): Promise<number> {
  const row = await db
    .selectFrom('program_results')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
