import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { unitsOf } from '../auth/organisation.repository.js';
import * as planRepo from '../plan/plan.repository.js';
import { getPlan, loadPlan } from '../plan/plan.service.js';
import { type ImportedPlan, type ImportedPlanFields, readPlanWorkbook } from './plan-import.js';
import { countResultsOfPlan, deleteStructure } from './reports.repository.js';

const now = () => new Date().toISOString();

function planColumns(f: ImportedPlanFields) {
  return {
    title: f.title,
    vision: f.vision,
    master_plan: f.masterPlan,
    previous_year_target: f.previousYearTarget,
    employment_rate_target: f.employmentRateTarget,
    employed_increase_target: f.employedIncreaseTarget,
    pace_behind_below: f.paceBehindBelow,
    pace_ahead_above: f.paceAheadAbove,
  };
}

/** Writes the imported strategies and programs into a plan, in the workbook's order. */
async function writeStructure(
  trx: Kysely<Database>,
  planId: number,
  imported: ImportedPlan,
  t: string,
): Promise<void> {
  for (const s of imported.strategies) {
    const strategyId = await planRepo.insertStrategy(trx, {
      planId,
      name: s.name,
      description: s.description,
    });
    for (const p of s.programs) {
      await planRepo.insertProgram(trx, {
        plan_id: planId,
        strategy_id: strategyId,
        name: p.name,
        description: p.description,
        owner_unit_id: p.ownerUnitId,
        job_type: p.jobType,
        target_groups: JSON.stringify(p.targetGroups),
        budget_national: p.budget.national,
        budget_city: p.budget.city,
        budget_district: p.budget.district,
        budget_other: p.budget.other,
        annual_target: p.annualTarget,
        phasing: JSON.stringify(p.phasing),
        phasing_mode: p.phasingMode,
        group_targets: JSON.stringify(p.groupTargets),
        illustrative: p.illustrative ? 1 : 0,
        created_at: t,
        updated_at: t,
      });
    }
  }
}

const counts = (imported: ImportedPlan) => ({
  strategies: imported.strategies.length,
  programs: imported.strategies.reduce((s, x) => s + x.programs.length, 0),
});

function yearTaken() {
  return new AppError('PLAN_YEAR_TAKEN', {}, [fieldError('year', 'invalid_value')]);
}

/** Creates a plan for a year from a plan workbook; nothing is written unless every row is valid. */
export async function importNewPlan(ctx: Ctx, year: number, bytes: Buffer) {
  const actor = requireUser(ctx.actor);
  if (await planRepo.findPlanByYear(ctx.db.kysely, actor.organisationId, year)) throw yearTaken();
  const imported = await readPlanWorkbook(bytes, await unitsOf(ctx.db.kysely, actor.organisationId), true);
  const fields = imported.fields!;
  try {
    const id = await ctx.db.kysely.transaction().execute(async (trx) => {
      const t = now();
      const id = await planRepo.insertPlan(trx, {
        organisation_id: actor.organisationId,
        year,
        ...planColumns(fields),
        status: 'draft',
        created_at: t,
        updated_at: t,
      });
      await writeStructure(trx, id, imported, t);
      await audit(
        ctx,
        { action: 'plan.import', entityType: 'plan', entityId: id, after: { year, ...counts(imported) } },
        trx,
      );
      return id;
    });
    return getPlan(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw yearTaken();
    throw error;
  }
}

/**
 * Replaces a plan's strategies and programs (and, when the workbook has a `계획` sheet, its own
 * fields except the year) with a workbook's. Only a plan without any reported result: results
 * belong to programs, and a file cannot say which old program a new row continues.
 */
export async function replacePlanStructure(ctx: Ctx, planId: number, bytes: Buffer) {
  const plan = await loadPlan(ctx, planId);
  if ((await countResultsOfPlan(ctx.db.kysely, planId)) > 0) throw new AppError('PLAN_HAS_RESULTS');
  const imported = await readPlanWorkbook(bytes, await unitsOf(ctx.db.kysely, plan.organisation_id), false);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if ((await countResultsOfPlan(trx, planId)) > 0) throw new AppError('PLAN_HAS_RESULTS');
    const t = now();
    const patch = imported.fields ? { ...planColumns(imported.fields), updated_at: t } : { updated_at: t };
    if (!(await planRepo.updatePlan(trx, planId, plan.version, patch))) throw new AppError('CONFLICT');
    const before = await deleteStructure(trx, planId);
    await writeStructure(trx, planId, imported, t);
    await audit(
      ctx,
      {
        action: 'plan.import.replace',
        entityType: 'plan',
        entityId: planId,
        before,
        after: counts(imported),
      },
      trx,
    );
  });
  return getPlan(ctx, planId);
}
