import type {
  CopyPlanBody,
  CreatePlanBody,
  CreateProgramBody,
  FieldError,
  Program,
  StrategyBody,
  UpdatePlanBody,
  UpdateProgramBody,
  UpdateStrategyBody,
} from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Database } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { findOrganisation, unitsOf } from '../auth/organisation.repository.js';
import { evenPhasing, phasingSum } from './phasing.js';
import { checkPlanInOrganisation, checkProgramVisible, visibleUnitIds } from './plan.policy.js';
import { presentPlan, presentProgram } from './plan.presenter.js';
import * as repo from './plan.repository.js';

const now = () => new Date().toISOString();

/** Plans of the actor's organisation. */
export async function browsePlans(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const rows = await repo.listPlans(ctx.db.kysely, actor.organisationId);
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    title: r.title,
    status: r.status,
    targetTotal: Number(r.target_total),
    previousYearTarget: r.previous_year_target,
    programCount: Number(r.program_count),
    updatedAt: r.updated_at,
  }));
}

/** Loads a plan of the actor's organisation or answers 404. */
export async function loadPlan(ctx: Ctx, id: number, db: Kysely<Database> = ctx.db.kysely) {
  return checkPlanInOrganisation(requireUser(ctx.actor), await repo.findPlan(db, id));
}

/** The plan tree; reporters see only their own units' programs. */
export async function getPlan(ctx: Ctx, id: number) {
  const actor = requireUser(ctx.actor);
  const plan = await loadPlan(ctx, id);
  const [org, strategies, programs] = await Promise.all([
    findOrganisation(ctx.db.kysely, plan.organisation_id),
    repo.strategiesOf(ctx.db.kysely, id),
    repo.programsOf(ctx.db.kysely, id, visibleUnitIds(actor)),
  ]);
  return presentPlan(plan, org!, strategies, programs, visibleUnitIds(actor) !== undefined);
}

function planColumns(body: Partial<z.infer<typeof CreatePlanBody>>) {
  return {
    ...(body.year !== undefined ? { year: body.year } : {}),
    ...(body.title !== undefined ? { title: body.title } : {}),
    ...(body.vision !== undefined ? { vision: body.vision } : {}),
    ...(body.masterPlan !== undefined ? { master_plan: body.masterPlan } : {}),
    ...(body.previousYearTarget !== undefined ? { previous_year_target: body.previousYearTarget } : {}),
    ...(body.employmentRateTarget !== undefined ? { employment_rate_target: body.employmentRateTarget } : {}),
    ...(body.employedIncreaseTarget !== undefined
      ? { employed_increase_target: body.employedIncreaseTarget }
      : {}),
    ...(body.paceBehindBelow !== undefined ? { pace_behind_below: body.paceBehindBelow } : {}),
    ...(body.paceAheadAbove !== undefined ? { pace_ahead_above: body.paceAheadAbove } : {}),
  };
}

function yearTaken() {
  return new AppError('PLAN_YEAR_TAKEN', {}, [fieldError('year', 'invalid_value')]);
}

/** Creates an empty plan for a year. */
export async function createPlan(ctx: Ctx, body: z.infer<typeof CreatePlanBody>) {
  const actor = requireUser(ctx.actor);
  if (await repo.findPlanByYear(ctx.db.kysely, actor.organisationId, body.year)) throw yearTaken();
  try {
    const id = await ctx.db.kysely.transaction().execute(async (trx) => {
      const t = now();
      const id = await repo.insertPlan(trx, {
        organisation_id: actor.organisationId,
        status: 'draft',
        created_at: t,
        updated_at: t,
        year: body.year,
        title: body.title,
        vision: body.vision,
        master_plan: body.masterPlan,
        previous_year_target: body.previousYearTarget,
        employment_rate_target: body.employmentRateTarget,
        employed_increase_target: body.employedIncreaseTarget,
        pace_behind_below: body.paceBehindBelow,
        pace_ahead_above: body.paceAheadAbove,
      });
      await audit(ctx, { action: 'plan.create', entityType: 'plan', entityId: id, after: body }, trx);
      return id;
    });
    return getPlan(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw yearTaken();
    throw error;
  }
}

function conflict() {
  return new AppError('CONFLICT');
}

/** Changes a plan's own fields (title, vision, targets, pace thresholds). */
export async function changePlan(ctx: Ctx, id: number, body: z.infer<typeof UpdatePlanBody>) {
  const actor = requireUser(ctx.actor);
  const before = await loadPlan(ctx, id);
  if (body.year !== undefined && body.year !== before.year) {
    if (await repo.findPlanByYear(ctx.db.kysely, actor.organisationId, body.year)) throw yearTaken();
  }
  const { version, ...fields } = body;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updatePlan(trx, id, version, { ...planColumns(fields), updated_at: now() })))
      throw conflict();
    await audit(ctx, { action: 'plan.update', entityType: 'plan', entityId: id, before, after: fields }, trx);
  });
  return getPlan(ctx, id);
}

/** Publishes a plan (its approved results become public) or takes it back. */
export async function setPublished(ctx: Ctx, id: number, published: boolean) {
  const plan = await loadPlan(ctx, id);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const t = now();
    await repo.updatePlan(trx, id, plan.version, {
      status: published ? 'published' : 'draft',
      published_at: published ? t : null,
      updated_at: t,
    });
    await audit(
      ctx,
      {
        action: published ? 'plan.publish' : 'plan.unpublish',
        entityType: 'plan',
        entityId: id,
        before: { status: plan.status },
        after: { status: published ? 'published' : 'draft' },
      },
      trx,
    );
  });
  return getPlan(ctx, id);
}

/** Copies a plan's structure and targets into another year (results are not copied). */
export async function copyPlan(ctx: Ctx, id: number, body: z.infer<typeof CopyPlanBody>) {
  const actor = requireUser(ctx.actor);
  const source = await loadPlan(ctx, id);
  if (await repo.findPlanByYear(ctx.db.kysely, actor.organisationId, body.year)) throw yearTaken();
  const [strategies, programs] = await Promise.all([
    repo.strategiesOf(ctx.db.kysely, id),
    repo.programsOf(ctx.db.kysely, id),
  ]);
  const sourceTotal = programs.reduce((s, p) => s + p.annual_target, 0);
  const newId = await ctx.db.kysely.transaction().execute(async (trx) => {
    const t = now();
    const planId = await repo.insertPlan(trx, {
      organisation_id: actor.organisationId,
      year: body.year,
      title: body.title ?? source.title.replaceAll(String(source.year), String(body.year)),
      vision: source.vision,
      master_plan: source.master_plan,
      // This year's target becomes next year's "previous year" target.
      previous_year_target: sourceTotal,
      employment_rate_target: source.employment_rate_target,
      employed_increase_target: source.employed_increase_target,
      pace_behind_below: source.pace_behind_below,
      pace_ahead_above: source.pace_ahead_above,
      status: 'draft',
      created_at: t,
      updated_at: t,
    });
    for (const s of strategies) {
      const strategyId = await repo.insertStrategy(trx, { planId, name: s.name, description: s.description });
      for (const p of programs.filter((x) => x.strategy_id === s.id)) {
        const {
          id: _id,
          plan_id: _p,
          strategy_id: _s,
          position: _pos,
          unit_name: _u,
          unit_name_en: _ue,
          unit_kind: _k,
          version: _v,
          approved_jobs: _a,
          ...rest
        } = p;
        await repo.insertProgram(trx, {
          ...rest,
          plan_id: planId,
          strategy_id: strategyId,
          created_at: t,
          updated_at: t,
        });
      }
    }
    await audit(
      ctx,
      { action: 'plan.copy', entityType: 'plan', entityId: planId, after: { from: id, year: body.year } },
      trx,
    );
    return planId;
  });
  return getPlan(ctx, newId);
}

async function loadStrategy(ctx: Ctx, id: number) {
  const strategy = await repo.findStrategy(ctx.db.kysely, id);
  if (!strategy) throw new AppError('NOT_FOUND');
  const plan = await loadPlan(ctx, strategy.plan_id);
  return { strategy, plan };
}

/** Adds a strategy at the end of a plan. */
export async function addStrategy(ctx: Ctx, planId: number, body: z.infer<typeof StrategyBody>) {
  await loadPlan(ctx, planId);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const id = await repo.insertStrategy(trx, { planId, ...body });
    await repo.touchPlan(trx, planId, now());
    await audit(ctx, { action: 'strategy.create', entityType: 'strategy', entityId: id, after: body }, trx);
  });
  return getPlan(ctx, planId);
}

/** Renames or re-describes a strategy. */
export async function changeStrategy(ctx: Ctx, id: number, body: z.infer<typeof UpdateStrategyBody>) {
  const { strategy, plan } = await loadStrategy(ctx, id);
  const { version, ...fields } = body;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    if (!(await repo.updateStrategy(trx, id, version, fields))) throw conflict();
    await repo.touchPlan(trx, plan.id, now());
    await audit(
      ctx,
      { action: 'strategy.update', entityType: 'strategy', entityId: id, before: strategy, after: fields },
      trx,
    );
  });
  return getPlan(ctx, plan.id);
}

/** Deletes an empty strategy. */
export async function removeStrategy(ctx: Ctx, id: number) {
  const { strategy, plan } = await loadStrategy(ctx, id);
  const programs = await repo.programsOf(ctx.db.kysely, plan.id);
  if (programs.some((p) => p.strategy_id === id)) throw new AppError('STRATEGY_NOT_EMPTY');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.deleteStrategy(trx, id);
    await repo.touchPlan(trx, plan.id, now());
    await audit(
      ctx,
      { action: 'strategy.delete', entityType: 'strategy', entityId: id, before: strategy },
      trx,
    );
  });
  return getPlan(ctx, plan.id);
}

function checkSameSet(given: number[], existing: number[]): void {
  const a = [...given].sort((x, y) => x - y);
  const b = [...existing].sort((x, y) => x - y);
  if (a.length !== b.length || a.some((v, i) => v !== b[i]))
    throw validationError([fieldError('ids', 'invalid_value')]);
}

/** Puts a plan's strategies in a new order (the ids of all of them, in order). */
export async function reorderStrategies(ctx: Ctx, planId: number, ids: number[]) {
  await loadPlan(ctx, planId);
  checkSameSet(
    ids,
    (await repo.strategiesOf(ctx.db.kysely, planId)).map((s) => s.id),
  );
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.setPositions(trx, 'strategies', ids);
    await repo.touchPlan(trx, planId, now());
    await audit(
      ctx,
      { action: 'strategy.reorder', entityType: 'plan', entityId: planId, after: { ids } },
      trx,
    );
  });
  return getPlan(ctx, planId);
}

/** Puts a strategy's programs in a new order. */
export async function reorderPrograms(ctx: Ctx, strategyId: number, ids: number[]) {
  const { plan } = await loadStrategy(ctx, strategyId);
  const programs = await repo.programsOf(ctx.db.kysely, plan.id);
  checkSameSet(
    ids,
    programs.filter((p) => p.strategy_id === strategyId).map((p) => p.id),
  );
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.setPositions(trx, 'programs', ids);
    await repo.touchPlan(trx, plan.id, now());
    await audit(
      ctx,
      { action: 'program.reorder', entityType: 'strategy', entityId: strategyId, after: { ids } },
      trx,
    );
  });
  return getPlan(ctx, plan.id);
}

type ProgramInput = z.infer<typeof CreateProgramBody>;

/** Checks a program's numbers and owner, and works out its phasing. */
async function checkProgram(ctx: Ctx, organisationId: number, p: ProgramInput): Promise<number[]> {
  const errors: FieldError[] = [];
  const units = await unitsOf(ctx.db.kysely, organisationId);
  const owner = units.find((u) => u.id === p.ownerUnitId);
  if (!owner || (owner.kind !== 'department' && owner.kind !== 'agency'))
    errors.push(fieldError('ownerUnitId', 'invalid_value'));
  const phasing = p.phasing ?? evenPhasing(p.annualTarget);
  const sum = phasingSum(phasing);
  if (sum !== p.annualTarget)
    errors.push(fieldError('phasing', 'phasing_sum', { sum, target: p.annualTarget }));
  const groupEntries = Object.entries(p.groupTargets) as [string, number][];
  for (const [group] of groupEntries) {
    if (!(p.targetGroups as string[]).includes(group))
      errors.push(fieldError(`groupTargets.${group}`, 'group_not_targeted'));
  }
  const groupSum = groupEntries.reduce((s, [, n]) => s + n, 0);
  if (groupSum > p.annualTarget)
    errors.push(fieldError('groupTargets', 'group_sum', { sum: groupSum, total: p.annualTarget }));
  if (errors.length) throw validationError(errors);
  return phasing;
}

function programColumns(p: ProgramInput, phasing: number[]) {
  return {
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
    phasing: JSON.stringify(phasing),
    phasing_mode: p.phasing ? ('custom' as const) : ('even' as const),
    group_targets: JSON.stringify(p.groupTargets),
    illustrative: p.illustrative ? 1 : 0,
  };
}

/** Adds a program at the end of a strategy. */
export async function addProgram(ctx: Ctx, strategyId: number, body: ProgramInput) {
  const actor = requireUser(ctx.actor);
  const { plan } = await loadStrategy(ctx, strategyId);
  const phasing = await checkProgram(ctx, actor.organisationId, body);
  const id = await ctx.db.kysely.transaction().execute(async (trx) => {
    const t = now();
    const id = await repo.insertProgram(trx, {
      plan_id: plan.id,
      strategy_id: strategyId,
      ...programColumns(body, phasing),
      created_at: t,
      updated_at: t,
    });
    await repo.touchPlan(trx, plan.id, t);
    await audit(ctx, { action: 'program.create', entityType: 'program', entityId: id, after: body }, trx);
    return id;
  });
  return getProgram(ctx, id);
}

/** Loads a program the actor may see, with its plan. */
export async function loadProgram(ctx: Ctx, id: number) {
  const actor = requireUser(ctx.actor);
  const program = await repo.findProgram(ctx.db.kysely, id);
  if (!program) throw new AppError('NOT_FOUND');
  const plan = await loadPlan(ctx, program.plan_id);
  checkProgramVisible(actor, program.owner_unit_id);
  return { program, plan };
}

/** One program. */
export async function getProgram(ctx: Ctx, id: number): Promise<Program> {
  return presentProgram((await loadProgram(ctx, id)).program);
}

/** Changes a program, or moves it to another strategy of the same plan. */
export async function changeProgram(ctx: Ctx, id: number, body: z.infer<typeof UpdateProgramBody>) {
  const actor = requireUser(ctx.actor);
  const { program } = await loadProgram(ctx, id);
  const current = presentProgram(program);
  const { version, strategyId, ...fields } = body;
  const merged: ProgramInput = {
    name: fields.name ?? current.name,
    description: fields.description ?? current.description,
    ownerUnitId: fields.ownerUnitId ?? current.ownerUnit.id,
    jobType: fields.jobType ?? current.jobType,
    targetGroups: fields.targetGroups ?? current.targetGroups,
    budget: fields.budget ?? current.budget,
    annualTarget: fields.annualTarget ?? current.annualTarget,
    // An even phasing follows a changed annual target; a custom one must then be given again.
    phasing:
      fields.phasing !== undefined ? fields.phasing : current.phasingMode === 'even' ? null : current.phasing,
    groupTargets: fields.groupTargets ?? current.groupTargets,
    illustrative: fields.illustrative ?? current.illustrative,
  };
  const phasing = await checkProgram(ctx, actor.organisationId, merged);
  let move: number | undefined;
  if (strategyId !== undefined && strategyId !== program.strategy_id) {
    const target = await repo.findStrategy(ctx.db.kysely, strategyId);
    if (!target || target.plan_id !== program.plan_id)
      throw validationError([fieldError('strategyId', 'invalid_value')]);
    move = strategyId;
  }
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const t = now();
    const patch = {
      ...programColumns(merged, phasing),
      updated_at: t,
      ...(move ? { strategy_id: move, position: 1_000_000 } : {}),
    };
    if (!(await repo.updateProgram(trx, id, version, patch))) throw conflict();
    await repo.touchPlan(trx, program.plan_id, t);
    await audit(
      ctx,
      {
        action: move ? 'program.move' : 'program.update',
        entityType: 'program',
        entityId: id,
        before: current,
        after: { ...fields, ...(move ? { strategyId: move } : {}) },
      },
      trx,
    );
  });
  return getProgram(ctx, id);
}

/** Deletes a program that has no reported results. */
export async function removeProgram(ctx: Ctx, id: number) {
  const { program, plan } = await loadProgram(ctx, id);
  if ((await repo.countResults(ctx.db.kysely, id)) > 0) throw new AppError('PROGRAM_HAS_RESULTS');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.deleteProgram(trx, id);
    await repo.touchPlan(trx, plan.id, now());
    await audit(
      ctx,
      { action: 'program.delete', entityType: 'program', entityId: id, before: presentProgram(program) },
      trx,
    );
  });
  return getPlan(ctx, plan.id);
}
