import type { JobType, PublicPlan, TargetGroup } from '@ilteo/shared';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { findOrganisation } from '../auth/organisation.repository.js';
import { percent } from './monitoring.js';
import { monthStates } from './monitoring.service.js';
import { parseJson } from './plan.presenter.js';
import * as planRepo from './plan.repository.js';
import { revisionsOfPlan } from './results.repository.js';
import { rollupByOrganisation } from './rollup.repository.js';

/** Published plans, for citizens: no sign-in. */
export async function listPublicPlans(ctx: Ctx) {
  const rows = await ctx.db.kysely
    .selectFrom('plans')
    .innerJoin('organisations', 'organisations.id', 'plans.organisation_id')
    .select(['plans.id', 'plans.year', 'plans.title', 'organisations.code', 'organisations.name'])
    .where('plans.status', '=', 'published')
    .orderBy('plans.year', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationCode: r.code,
    organisationName: r.name,
    year: r.year,
    title: r.title,
  }));
}

/**
 * A published plan with approved results only. Figures in draft, submitted or returned revisions
 * never appear: a month counts with its newest approved revision, or not at all.
 */
export async function getPublicPlan(ctx: Ctx, id: number): Promise<PublicPlan> {
  const db = ctx.db.kysely;
  const plan = await planRepo.findPlan(db, id);
  if (plan?.status !== 'published') throw new AppError('NOT_FOUND');
  const [org, strategies, programs, revisions] = await Promise.all([
    findOrganisation(db, plan.organisation_id),
    planRepo.strategiesOf(db, id),
    planRepo.programsOf(db, id),
    revisionsOfPlan(db, id),
  ]);
  const approved = monthStates(revisions).filter((s) => s.approvedJobs !== null);
  const presentedPrograms = programs.map((p) => {
    const months = approved
      .filter((s) => s.programId === p.id)
      .map((s) => ({ month: s.month, jobs: s.approvedJobs! }))
      .sort((a, b) => a.month - b.month);
    return {
      strategyId: p.strategy_id,
      id: p.id,
      name: p.name,
      ownerUnitName: p.unit_name,
      jobType: p.job_type as JobType,
      targetGroups: parseJson<TargetGroup[]>(p.target_groups, []),
      annualTarget: p.annual_target,
      groupTargets: parseJson(p.group_targets, {}),
      illustrative: p.illustrative === 1,
      achieved: months.reduce((s, m) => s + m.jobs, 0),
      approvedMonths: months,
    };
  });
  const targetTotal = presentedPrograms.reduce((s, p) => s + p.annualTarget, 0);
  const achievedTotal = presentedPrograms.reduce((s, p) => s + p.achieved, 0);
  return {
    id: plan.id,
    organisationCode: org!.code,
    organisationName: org!.name,
    year: plan.year,
    title: plan.title,
    vision: plan.vision,
    masterPlan: plan.master_plan,
    publishedAt: plan.published_at,
    summary: {
      targetTotal,
      previousYearTarget: plan.previous_year_target,
      targetChangePct: plan.previous_year_target
        ? percent(targetTotal - plan.previous_year_target, plan.previous_year_target)
        : null,
      achievedTotal,
      achievementRate: percent(achievedTotal, targetTotal),
      lastReportedMonth: approved.reduce((m, s) => Math.max(m, s.month), 0),
    },
    strategies: strategies.map((s) => {
      const own = presentedPrograms
        .filter((p) => p.strategyId === s.id)
        .map(({ strategyId: _s, ...rest }) => rest);
      return {
        id: s.id,
        name: s.name,
        target: own.reduce((sum, p) => sum + p.annualTarget, 0),
        achieved: own.reduce((sum, p) => sum + p.achieved, 0),
        programs: own,
      };
    }),
  };
}

/** The national roll-up of published plans for a year: every organisation's target and approved results. */
export async function getPublicRollup(ctx: Ctx, year: number) {
  const rows = await rollupByOrganisation(ctx.db.kysely, year, true);
  const target = rows.reduce((s, r) => s + r.target, 0);
  const achieved = rows.reduce((s, r) => s + r.achieved, 0);
  return {
    year,
    organisations: rows
      .map((r) => ({ ...r, achievementRate: percent(r.achieved, r.target) }))
      .sort((a, b) => a.organisationCode.localeCompare(b.organisationCode)),
    total: { target, achieved, achievementRate: percent(achieved, target) },
  };
}
