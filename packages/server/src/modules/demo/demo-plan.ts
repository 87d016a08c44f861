import type { Kysely } from 'kysely';
import type { Database, UnitRow } from '../../db/tables.js';
import { seededRandom } from '../../engine/random.js';
import { evenPhasing } from '../plan/phasing.js';
import { insertPlan, insertProgram, insertStrategy } from '../plan/plan.repository.js';
import { insertRevision, refreshApprovedJobs } from '../plan/results.repository.js';
import {
  BUPYEONG_2019,
  BUPYEONG_2019_STRATEGIES,
  DEMO_LAST_REPORTED_MONTH,
  type DemoProgram,
  LATE_IN_NOVEMBER,
} from './bupyeong-plan.js';

/** Monthly targets from seasonal shares, rounded so that they add up to the annual target exactly. */
export function seasonalPhasing(target: number, season: number[]): number[] {
  const raw = season.map((share) => share * target);
  const floors = raw.map(Math.floor);
  let left = target - floors.reduce((a, b) => a + b, 0);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    floors[i]! += 1;
  }
  return floors;
}

function splitGroups(jobs: number, groupTargets: DemoProgram['groupTargets']): Record<string, number> {
  const entries = Object.entries(groupTargets ?? {});
  const total = entries.reduce((s, [, n]) => s + (n ?? 0), 0);
  if (!total) return {};
  let left = jobs;
  return Object.fromEntries(
    entries.map(([group, n], i) => {
      const share = i === entries.length - 1 ? left : Math.round((jobs * (n ?? 0)) / total);
      left -= share;
      return [group, share];
    }),
  );
}

/**
 * Seeds Bupyeong's 2019 plan, published, with generated monthly results: approved through October,
 * November partly approved, partly submitted or in draft, and missing for some departments; one
 * approved month corrected by a second revision. Returns the plan id.
 */
export async function seedBupyeongPlan(
  db: Kysely<Database>,
  organisationId: number,
  units: UnitRow[],
  reviewerId: number,
  now: string,
): Promise<number> {
  const random = seededRandom(2019);
  const planId = await insertPlan(db, {
    organisation_id: organisationId,
    year: BUPYEONG_2019.year,
    title: BUPYEONG_2019.title,
    vision: BUPYEONG_2019.vision,
    master_plan: BUPYEONG_2019.masterPlan,
    previous_year_target: BUPYEONG_2019.previousYearTarget,
    employment_rate_target: BUPYEONG_2019.employmentRateTarget,
    employed_increase_target: BUPYEONG_2019.employedIncreaseTarget,
    pace_behind_below: 90,
    pace_ahead_above: 110,
    status: 'published',
    published_at: '2019-02-15T00:00:00.000Z',
    is_demo: 1,
    created_at: now,
    updated_at: now,
  });
  let corrected = false;
  for (const strategy of BUPYEONG_2019_STRATEGIES) {
    const strategyId = await insertStrategy(db, {
      planId,
      name: strategy.name,
      description: strategy.description,
    });
    for (const p of strategy.programs) {
      const unit = units.find((u) => u.code === p.unit);
      if (!unit) throw new Error(`demo unit ${p.unit} missing`);
      const phasing = p.season ? seasonalPhasing(p.target, p.season) : evenPhasing(p.target);
      const million = 1_000_000;
      const programId = await insertProgram(db, {
        plan_id: planId,
        strategy_id: strategyId,
        name: p.name,
        description: p.description,
        owner_unit_id: unit.id,
        job_type: p.jobType,
        target_groups: JSON.stringify(p.groups),
        budget_national: p.budget[0] * million,
        budget_city: p.budget[1] * million,
        budget_district: p.budget[2] * million,
        budget_other: 0,
        annual_target: p.target,
        phasing: JSON.stringify(phasing),
        phasing_mode: p.season ? 'custom' : 'even',
        group_targets: JSON.stringify(p.groupTargets ?? {}),
        illustrative: 1,
        created_at: now,
        updated_at: now,
      });
      const late = LATE_IN_NOVEMBER[p.name];
      for (let month = 1; month <= DEMO_LAST_REPORTED_MONTH; month++) {
        if (month === DEMO_LAST_REPORTED_MONTH && late === 'missing') continue;
        const noise = 0.85 + random() * 0.3;
        const jobs = Math.max(0, Math.round(phasing[month - 1]! * p.pace * noise));
        const status = month === DEMO_LAST_REPORTED_MONTH && late && late !== 'missing' ? late : 'approved';
        const at = new Date(Date.UTC(2019, month, 5)).toISOString();
        const base = {
          program_id: programId,
          month,
          group_jobs: JSON.stringify(splitGroups(jobs, p.groupTargets)),
          note: '',
          source: 'manual',
          created_at: at,
          updated_at: at,
          submitted_at: status === 'draft' ? null : at,
          reviewed_at: status === 'approved' ? at : null,
          reviewed_by: status === 'approved' ? reviewerId : null,
        };
        await insertRevision(db, { ...base, revision: 1, status, jobs });
        if (!corrected && month === 3 && p.name === '청년 취·창업 지원') {
          // A correction after approval: revision 2 replaces the approved figure, with its reason.
          corrected = true;
          await insertRevision(db, {
            ...base,
            revision: 2,
            status: 'approved',
            jobs: jobs + 4,
            correction_reason: '고용보험 가입 확인 후 4명 추가 확인 (데모)',
            group_jobs: '{}',
          });
        }
      }
    }
  }
  await refreshApprovedJobs(db);
  return planId;
}
