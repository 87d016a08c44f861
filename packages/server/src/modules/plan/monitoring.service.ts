import type { Dashboard, JobType, TargetGroup } from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { Database, PlanRow } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { requireUser } from '../auth/auth.policy.js';
import { computeDashboard, type MonitoringInput, type MonitoringResult } from './monitoring.js';
import { visibleUnitIds } from './plan.policy.js';
import { parseJson } from './plan.presenter.js';
import * as planRepo from './plan.repository.js';
import { loadPlan } from './plan.service.js';
import { revisionsOfPlan } from './results.repository.js';

/**
 * Reduces every revision of a plan to one state per program-month: the newest revision's status
 * and the newest approved figures (what counts officially).
 */
export function monthStates(revisions: Awaited<ReturnType<typeof revisionsOfPlan>>): MonitoringResult[] {
  const states = new Map<string, MonitoringResult>();
  for (const r of revisions) {
    const key = `${r.program_id}:${r.month}`;
    const state = states.get(key) ?? {
      programId: r.program_id,
      month: r.month,
      currentStatus: r.status,
      approvedJobs: null,
      approvedGroupJobs: {},
    };
    // Revisions arrive in ascending order, so the last one seen is the newest.
    state.currentStatus = r.status;
    if (r.status === 'approved') {
      state.approvedJobs = r.jobs;
      state.approvedGroupJobs = parseJson(r.group_jobs, {});
    }
    states.set(key, state);
  }
  return [...states.values()];
}

/** The rows a plan's dashboard is computed from: strategies, (visible) programs, every result revision. */
export function loadMonitoringRows(db: Kysely<Database>, plan: PlanRow, unitIds?: number[]) {
  return Promise.all([
    planRepo.strategiesOf(db, plan.id),
    planRepo.programsOf(db, plan.id, unitIds),
    revisionsOfPlan(db, plan.id),
  ]);
}

/** The pure computation's input from loaded rows. */
export function monitoringInputOf(
  plan: PlanRow,
  [strategies, programs, revisions]: Awaited<ReturnType<typeof loadMonitoringRows>>,
  asOf: string,
  partial: boolean,
): MonitoringInput {
  const visible = new Set(programs.map((p) => p.id));
  return {
    plan: {
      id: plan.id,
      year: plan.year,
      // A reporter's view covers some programs only: against the whole plan's previous-year
      // target its year-on-year change would mislead, so a partial view has none.
      previousYearTarget: partial ? null : plan.previous_year_target,
      behindBelow: plan.pace_behind_below,
      aheadAbove: plan.pace_ahead_above,
    },
    strategies,
    programs: programs.map((p) => ({
      id: p.id,
      name: p.name,
      strategyId: p.strategy_id,
      unitId: p.owner_unit_id,
      unitName: p.unit_name,
      unitNameEn: p.unit_name_en,
      jobType: p.job_type as JobType,
      targetGroups: parseJson<TargetGroup[]>(p.target_groups, []),
      annualTarget: p.annual_target,
      phasing: parseJson<number[]>(p.phasing, []),
      groupTargets: parseJson(p.group_targets, {}),
      illustrative: p.illustrative === 1,
    })),
    results: monthStates(revisions.filter((r) => visible.has(r.program_id))),
    asOf,
  };
}

/** Loads a plan's figures and computes its dashboard as of a date. */
export async function dashboardOf(
  db: Kysely<Database>,
  plan: PlanRow,
  asOf: string,
  unitIds?: number[],
): Promise<Dashboard> {
  const rows = await loadMonitoringRows(db, plan, unitIds);
  return computeDashboard(monitoringInputOf(plan, rows, asOf, unitIds !== undefined));
}

/** The monitoring dashboard for the back office; reporters see their own units' programs only. */
export async function getDashboard(ctx: Ctx, planId: number, asOf?: string) {
  const actor = requireUser(ctx.actor);
  const plan = await loadPlan(ctx, planId);
  return dashboardOf(ctx.db.kysely, plan, asOf ?? defaultAsOf(plan.year, new Date()), visibleUnitIds(actor));
}

/**
 * The day a dashboard is seen as of when none is asked for: today during the plan year, the
 * plan's last day for a past year (its December is then the month still being reported), and
 * its first day for a future year.
 */
export function defaultAsOf(year: number, today: Date): string {
  const y = today.getUTCFullYear();
  if (y === year) return today.toISOString().slice(0, 10);
  return y > year ? `${year}-12-31` : `${year}-01-01`;
}
