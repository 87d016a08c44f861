import type { Plan, Program, TargetGroup } from '@ilteo/shared';
import type { OrganisationRow, PlanRow, StrategyRow } from '../../db/tables.js';
import { percent } from './monitoring.js';
import type { ProgramWithUnit } from './plan.repository.js';

/** Parses a JSON column that the repository wrote. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  if (!text) return fallback;
  return JSON.parse(text) as T;
}

/** A program as the back office sees it. */
export function presentProgram(row: ProgramWithUnit): Program {
  const budget = {
    national: Number(row.budget_national),
    city: Number(row.budget_city),
    district: Number(row.budget_district),
    other: Number(row.budget_other),
  };
  return {
    id: row.id,
    planId: row.plan_id,
    strategyId: row.strategy_id,
    position: row.position,
    name: row.name,
    description: row.description,
    ownerUnit: { id: row.owner_unit_id, name: row.unit_name, nameEn: row.unit_name_en, kind: row.unit_kind },
    jobType: row.job_type as Program['jobType'],
    targetGroups: parseJson<TargetGroup[]>(row.target_groups, []),
    budget,
    budgetTotal: budget.national + budget.city + budget.district + budget.other,
    annualTarget: row.annual_target,
    phasing: parseJson<number[]>(row.phasing, []),
    phasingMode: row.phasing_mode,
    groupTargets: parseJson(row.group_targets, {}),
    illustrative: row.illustrative === 1,
    version: row.version,
  };
}

/** The plan tree. */
export function presentPlan(
  plan: PlanRow,
  org: OrganisationRow,
  strategies: StrategyRow[],
  programs: ProgramWithUnit[],
  /** True when the programs are a reporter's own only: then no plan-wide year-on-year change. */
  partial = false,
): Plan {
  const presented = programs.map(presentProgram);
  const targetTotal = presented.reduce((s, p) => s + p.annualTarget, 0);
  return {
    id: plan.id,
    organisation: { id: org.id, code: org.code, name: org.name },
    year: plan.year,
    title: plan.title,
    vision: plan.vision,
    masterPlan: plan.master_plan,
    previousYearTarget: plan.previous_year_target,
    employmentRateTarget: plan.employment_rate_target,
    employedIncreaseTarget: plan.employed_increase_target,
    paceBehindBelow: plan.pace_behind_below,
    paceAheadAbove: plan.pace_ahead_above,
    status: plan.status,
    publishedAt: plan.published_at,
    targetTotal,
    targetChangePct:
      plan.previous_year_target && !partial
        ? percent(targetTotal - plan.previous_year_target, plan.previous_year_target)
        : null,
    budgetTotal: presented.reduce((s, p) => s + p.budgetTotal, 0),
    version: plan.version,
    strategies: strategies.map((s) => {
      const own = presented.filter((p) => p.strategyId === s.id);
      return {
        id: s.id,
        position: s.position,
        name: s.name,
        description: s.description,
        targetTotal: own.reduce((sum, p) => sum + p.annualTarget, 0),
        version: s.version,
        programs: own,
      };
    }),
  };
}
