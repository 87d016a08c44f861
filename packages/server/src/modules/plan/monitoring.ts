import {
  type Breakdown,
  type Dashboard,
  JOB_TYPE_LABELS,
  type JobType,
  type PaceStatus,
  type ProgramMonitoring,
  type ResultStatus,
  TARGET_GROUP_LABELS,
  type TargetGroup,
} from '@ilteo/shared';

/**
 * Year-round monitoring (연중 점검), as a pure function: plan, programs and results in, the
 * dashboard out. No database, no clock: `asOf` is given. The forecast method is documented in
 * docs/monitoring.md and shown on hover in the UI.
 */

export interface MonitoringPlan {
  id: number;
  year: number;
  previousYearTarget: number | null;
  behindBelow: number;
  aheadAbove: number;
}

export interface MonitoringProgram {
  id: number;
  name: string;
  strategyId: number;
  unitId: number;
  unitName: string;
  unitNameEn: string;
  jobType: JobType;
  targetGroups: TargetGroup[];
  annualTarget: number;
  phasing: number[];
  groupTargets: Partial<Record<TargetGroup, number>>;
  illustrative: boolean;
}

/** The state of one program-month: its newest revision's status and the newest approved figures. */
export interface MonitoringResult {
  programId: number;
  month: number;
  currentStatus: ResultStatus;
  approvedJobs: number | null;
  approvedGroupJobs: Partial<Record<TargetGroup, number>>;
}

export interface MonitoringInput {
  plan: MonitoringPlan;
  strategies: { id: number; name: string }[];
  programs: MonitoringProgram[];
  results: MonitoringResult[];
  /** YYYY-MM-DD: the day the dashboard is computed for. */
  asOf: string;
}

/** The newest month that has ended by `asOf`, within the plan year (0 before it starts, 12 after it ends). */
export function lastClosedMonth(year: number, asOf: string): number {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  if (y < year) return 0;
  if (y > year) return 12;
  return m - 1;
}

/** Rounds a percentage to one decimal; null when the denominator is zero. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 1000) / 10 : null;
}

/** on pace / behind / ahead from actual vs expected and the plan's thresholds (in percent). */
export function paceStatus(
  actual: number,
  expected: number,
  behindBelow: number,
  aheadAbove: number,
): PaceStatus {
  if (expected <= 0) return 'not_started';
  const ratio = (actual / expected) * 100;
  if (ratio < behindBelow) return 'behind';
  if (ratio >= aheadAbove) return 'ahead';
  return 'on_pace';
}

// A program's pace carries into the rest of the year, but never beyond 150 % of its phasing.
const MAX_PACE_CARRY = 1.5;

/**
 * Year-end forecast: what is approved so far, plus the phased target of the months still to come
 * scaled by the pace so far (actual / expected up to the last closed month, capped at 150 %).
 * Before any month has closed, or when nothing was expected yet, the remaining phasing counts in full.
 */
export function forecast(phasing: number[], approvedByMonth: (number | null)[], closed: number): number {
  const achieved = approvedByMonth.reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const expected = phasing.slice(0, closed).reduce((a, b) => a + b, 0);
  const actual = approvedByMonth.slice(0, closed).reduce<number>((sum, v) => sum + (v ?? 0), 0);
  const pace = expected > 0 ? Math.min(actual / expected, MAX_PACE_CARRY) : 1;
  const remaining = phasing.slice(closed).reduce((sum, target, i) => {
    // A month after the last closed one that already has approved results counts as reported.
    return approvedByMonth[closed + i] === null || approvedByMonth[closed + i] === undefined
      ? sum + target
      : sum;
  }, 0);
  return Math.round(achieved + remaining * pace);
}

interface Acc {
  target: number;
  achieved: number;
  expected: number;
  actual: number;
  forecast: number;
}
const emptyAcc = (): Acc => ({ target: 0, achieved: 0, expected: 0, actual: 0, forecast: 0 });

/** Computes the whole monitoring dashboard of a plan. */
export function computeDashboard(input: MonitoringInput): Dashboard {
  const { plan } = input;
  const closed = lastClosedMonth(plan.year, input.asOf);
  const { behindBelow, aheadAbove } = plan;
  const byProgram = new Map<number, MonitoringResult[]>();
  for (const r of input.results) {
    const list = byProgram.get(r.programId) ?? [];
    list.push(r);
    byProgram.set(r.programId, list);
  }

  const programs: ProgramMonitoring[] = [];
  const accs = {
    strategy: new Map<string, Acc>(),
    unit: new Map<string, Acc>(),
    jobType: new Map<string, Acc>(),
    group: new Map<string, Acc>(),
  };
  const unitLabels = new Map<string, [string, string]>();
  const add = (map: Map<string, Acc>, key: string, part: Acc) => {
    const acc = map.get(key) ?? emptyAcc();
    acc.target += part.target;
    acc.achieved += part.achieved;
    acc.expected += part.expected;
    acc.actual += part.actual;
    acc.forecast += part.forecast;
    map.set(key, acc);
  };
  const monthlyActual = Array<number>(12).fill(0);
  const monthlyTarget = Array<number>(12).fill(0);
  const monthHasResult = Array<boolean>(12).fill(false);
  let pendingReviews = 0;

  for (const p of input.programs) {
    const results = byProgram.get(p.id) ?? [];
    const approved: (number | null)[] = Array(12).fill(null);
    const status: (ResultStatus | null)[] = Array(12).fill(null);
    const groupAchieved: Partial<Record<TargetGroup, number>> = {};
    const groupActual: Partial<Record<TargetGroup, number>> = {};
    for (const r of results) {
      status[r.month - 1] = r.currentStatus;
      if (r.approvedJobs !== null) {
        approved[r.month - 1] = r.approvedJobs;
        for (const [g, n] of Object.entries(r.approvedGroupJobs) as [TargetGroup, number][]) {
          groupAchieved[g] = (groupAchieved[g] ?? 0) + n;
          if (r.month <= closed) groupActual[g] = (groupActual[g] ?? 0) + n;
        }
      }
    }
    const achieved = approved.reduce<number>((s, v) => s + (v ?? 0), 0);
    const expected = p.phasing.slice(0, closed).reduce((a, b) => a + b, 0);
    const actual = approved.slice(0, closed).reduce<number>((s, v) => s + (v ?? 0), 0);
    const fc = forecast(p.phasing, approved, closed);
    const pace = paceStatus(actual, expected, behindBelow, aheadAbove);
    const lastStatus = closed > 0 ? status[closed - 1] : 'approved';
    const pending = status.filter((s) => s === 'submitted').length;
    pendingReviews += pending;
    programs.push({
      id: p.id,
      name: p.name,
      strategyId: p.strategyId,
      unitId: p.unitId,
      unitName: p.unitName,
      jobType: p.jobType,
      target: p.annualTarget,
      achieved,
      rate: percent(achieved, p.annualTarget),
      expectedToDate: expected,
      paceRatio: percent(actual, expected),
      paceStatus: pace,
      forecast: fc,
      missingLastMonth: closed > 0 && lastStatus !== 'submitted' && lastStatus !== 'approved',
      pendingMonths: pending,
      illustrative: p.illustrative,
      months: p.phasing.map((target, i) => ({
        month: i + 1,
        target,
        approved: approved[i] ?? null,
        status: status[i] ?? null,
      })),
    });
    for (let i = 0; i < 12; i++) {
      monthlyTarget[i]! += p.phasing[i] ?? 0;
      if (approved[i] !== null) {
        monthlyActual[i]! += approved[i]!;
        monthHasResult[i] = true;
      }
    }

    const part: Acc = { target: p.annualTarget, achieved, expected, actual, forecast: fc };
    add(accs.strategy, String(p.strategyId), part);
    add(accs.unit, String(p.unitId), part);
    unitLabels.set(String(p.unitId), [p.unitName, p.unitNameEn]);
    add(accs.jobType, p.jobType, part);
    for (const [group, share] of groupShares(p, part, groupAchieved, groupActual))
      add(accs.group, group, share);
  }

  const total = emptyAcc();
  for (const p of programs) {
    total.target += p.target;
    total.achieved += p.achieved;
    total.expected += p.expectedToDate;
    total.forecast += p.forecast;
    total.actual += p.months.slice(0, closed).reduce((s, m) => s + (m.approved ?? 0), 0);
  }

  const breakdown = (map: Map<string, Acc>, label: (key: string) => [string, string]): Breakdown[] =>
    [...map.entries()].map(([key, acc]) => {
      const [ko, en] = label(key);
      return {
        key,
        label: ko,
        labelEn: en,
        target: acc.target,
        achieved: acc.achieved,
        rate: percent(acc.achieved, acc.target),
        expectedToDate: acc.expected,
        paceStatus: paceStatus(acc.actual, acc.expected, behindBelow, aheadAbove),
        forecast: acc.forecast,
      };
    });
  const strategyName = new Map(input.strategies.map((s) => [String(s.id), s.name]));
  const byStrategy = input.strategies
    .map((s) => String(s.id))
    .filter((k) => accs.strategy.has(k))
    .map(
      (k) =>
        breakdown(new Map([[k, accs.strategy.get(k)!]]), () => [
          strategyName.get(k)!,
          strategyName.get(k)!,
        ])[0]!,
    );

  let cumTarget = 0;
  let cumActual = 0;
  const lastWithResults = Math.max(closed, monthHasResult.lastIndexOf(true) + 1);
  const monthly = monthlyTarget.map((target, i) => {
    cumTarget += target;
    const shown = i < lastWithResults;
    if (shown) cumActual += monthlyActual[i]!;
    return {
      month: i + 1,
      target,
      cumulativeTarget: cumTarget,
      actual: shown ? monthlyActual[i]! : null,
      cumulativeActual: shown ? cumActual : null,
    };
  });

  const lagging = programs
    .filter((p) => p.paceStatus === 'behind')
    .sort((a, b) => (a.paceRatio ?? 0) - (b.paceRatio ?? 0))
    .map((p) => p.id);
  const missing = programs.filter((p) => p.missingLastMonth).map((p) => p.id);

  return {
    planId: plan.id,
    year: plan.year,
    asOf: input.asOf,
    lastClosedMonth: closed,
    thresholds: { behindBelow, aheadAbove },
    summary: {
      targetTotal: total.target,
      previousYearTarget: plan.previousYearTarget,
      targetChangePct: plan.previousYearTarget
        ? percent(total.target - plan.previousYearTarget, plan.previousYearTarget)
        : null,
      achievedTotal: total.achieved,
      achievementRate: percent(total.achieved, total.target),
      expectedToDate: total.expected,
      paceRatio: percent(total.actual, total.expected),
      paceStatus: paceStatus(total.actual, total.expected, behindBelow, aheadAbove),
      forecast: total.forecast,
      forecastRate: percent(total.forecast, total.target),
      programCount: programs.length,
      programsBehind: lagging.length,
      programsMissingReport: missing.length,
      pendingReviews,
    },
    monthly,
    byStrategy,
    byUnit: breakdown(accs.unit, (k) => unitLabels.get(k)!),
    byJobType: breakdown(accs.jobType, (k) => {
      const l = JOB_TYPE_LABELS[k as JobType];
      return [l.ko, l.en];
    }),
    byTargetGroup: breakdown(accs.group, (k) => {
      const l = TARGET_GROUP_LABELS[k as TargetGroup] ?? {
        ko: '계층 미배분',
        en: 'Not allocated to a group',
      };
      return [l.ko, l.en];
    }),
    programs,
    laggingProgramIds: lagging,
    missingReportProgramIds: missing,
  };
}

/**
 * How a program's figures split over target groups: by its group targets when it has them (each
 * group's expected and forecast in proportion to its target, its achieved from the reported group
 * figures); wholly to its one group when it names one; otherwise to "not allocated", rather than guessing.
 */
function groupShares(
  p: MonitoringProgram,
  whole: Acc,
  groupAchieved: Partial<Record<TargetGroup, number>>,
  groupActual: Partial<Record<TargetGroup, number>>,
): [string, Acc][] {
  const entries = (Object.entries(p.groupTargets) as [TargetGroup, number][]).filter(([, n]) => n > 0);
  if (entries.length > 0) {
    return entries.map(([group, target]) => {
      const share = p.annualTarget > 0 ? target / p.annualTarget : 0;
      return [
        group,
        {
          target,
          achieved: groupAchieved[group] ?? 0,
          expected: Math.round(whole.expected * share),
          actual: groupActual[group] ?? 0,
          forecast: Math.round(whole.forecast * share),
        },
      ];
    });
  }
  return [[p.targetGroups.length === 1 ? p.targetGroups[0]! : 'unallocated', whole]];
}
