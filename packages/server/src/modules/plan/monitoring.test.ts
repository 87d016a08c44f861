import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDashboard,
  forecast,
  lastClosedMonth,
  type MonitoringInput,
  paceStatus,
  percent,
} from './monitoring.js';
import { evenPhasing, phasingSum } from './phasing.js';

const program = (
  id: number,
  annualTarget: number,
  extra: Partial<MonitoringInput['programs'][number]> = {},
) => ({
  id,
  name: `사업 ${id}`,
  strategyId: 1,
  unitId: 10,
  unitName: '일자리경제과',
  unitNameEn: 'Jobs',
  jobType: 'direct' as const,
  targetGroups: ['youth' as const],
  annualTarget,
  phasing: evenPhasing(annualTarget),
  groupTargets: {},
  illustrative: false,
  ...extra,
});

const approved = (programId: number, month: number, jobs: number) => ({
  programId,
  month,
  currentStatus: 'approved' as const,
  approvedJobs: jobs,
  approvedGroupJobs: {},
});

const input = (over: Partial<MonitoringInput>): MonitoringInput => ({
  plan: { id: 1, year: 2019, previousYearTarget: 9717, behindBelow: 90, aheadAbove: 110 },
  strategies: [{ id: 1, name: '전략' }],
  programs: [],
  results: [],
  asOf: '2019-07-15',
  ...over,
});

describe('phasing', () => {
  it('spreads a target evenly, the remainder on the last months, and always sums to the target', () => {
    expect(evenPhasing(120)).toEqual(Array(12).fill(10));
    expect(evenPhasing(14)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), (t) => phasingSum(evenPhasing(t)) === t));
  });
});

describe('the monitoring clock', () => {
  it('counts the months that have ended by the as-of day, within the plan year', () => {
    expect(lastClosedMonth(2019, '2019-07-15')).toBe(6);
    expect(lastClosedMonth(2019, '2019-01-31')).toBe(0);
    expect(lastClosedMonth(2019, '2020-03-01')).toBe(12);
    expect(lastClosedMonth(2019, '2018-12-31')).toBe(0);
  });
});

describe('pace', () => {
  it('is behind under the lower threshold, ahead from the upper one, on pace between', () => {
    expect(paceStatus(89, 100, 90, 110)).toBe('behind');
    expect(paceStatus(90, 100, 90, 110)).toBe('on_pace');
    expect(paceStatus(109, 100, 90, 110)).toBe('on_pace');
    expect(paceStatus(110, 100, 90, 110)).toBe('ahead');
    expect(paceStatus(5, 0, 90, 110)).toBe('not_started');
  });

  it('rounds percentages to one decimal and has none for a zero target', () => {
    expect(percent(10562 - 9717, 9717)).toBe(8.7);
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(1, 0)).toBeNull();
  });
});

describe('forecast', () => {
  it('carries the pace so far into the remaining months, capped at 150 %', () => {
    const phasing = Array(12).fill(10);
    const half = [5, 5, 5, 5, 5, 5, null, null, null, null, null, null];
    expect(forecast(phasing, half, 6)).toBe(30 + 60 * 0.5);
    const triple = [30, 30, 30, 30, 30, 30, null, null, null, null, null, null];
    expect(forecast(phasing, triple, 6)).toBe(180 + 60 * 1.5);
    expect(forecast(phasing, Array(12).fill(null), 0)).toBe(120);
  });

  it('never falls when a month reports more jobs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 11 }),
        (phasing, results, closed, bump) => {
          const reported = results.map((v, i) => (i < closed ? v : null));
          const more = reported.map((v, i) => (i === bump % closed ? (v ?? 0) + 1 : v));
          return forecast(phasing, more, closed) >= forecast(phasing, reported, closed);
        },
      ),
    );
  });
});

describe('the dashboard', () => {
  it('shows target, achievement, pace and the year-on-year change', () => {
    const d = computeDashboard(
      input({
        programs: [program(1, 120), program(2, 240)],
        results: [1, 2, 3, 4, 5, 6].flatMap((m) => [approved(1, m, 10), approved(2, m, 10)]),
      }),
    );
    expect(d.lastClosedMonth).toBe(6);
    expect(d.summary).toMatchObject({
      targetTotal: 360,
      achievedTotal: 120,
      expectedToDate: 180,
      paceRatio: 66.7,
      paceStatus: 'behind',
    });
    expect(d.summary.targetChangePct).toBe(percent(360 - 9717, 9717));
    const [p1, p2] = d.programs;
    expect(p1).toMatchObject({ paceStatus: 'on_pace', paceRatio: 100, forecast: 120 });
    expect(p2).toMatchObject({ paceStatus: 'behind', paceRatio: 50, forecast: 60 + 120 * 0.5 });
    expect(d.laggingProgramIds).toEqual([2]);
    expect(d.monthly[5]).toMatchObject({ cumulativeTarget: 180, cumulativeActual: 120 });
    expect(d.monthly[6]).toMatchObject({ actual: null, cumulativeActual: null });
  });

  it('counts only approved figures, and flags programs that have not reported the last closed month', () => {
    const d = computeDashboard(
      input({
        programs: [program(1, 120), program(2, 120), program(3, 120)],
        results: [
          approved(1, 6, 10),
          { programId: 2, month: 6, currentStatus: 'submitted', approvedJobs: null, approvedGroupJobs: {} },
          { programId: 3, month: 6, currentStatus: 'draft', approvedJobs: null, approvedGroupJobs: {} },
        ],
      }),
    );
    expect(d.summary.achievedTotal).toBe(10);
    expect(d.missingReportProgramIds).toEqual([3]);
    expect(d.summary.pendingReviews).toBe(1);
  });

  it('a correction under review leaves the approved figure official', () => {
    const d = computeDashboard(
      input({
        programs: [program(1, 120)],
        results: [{ programId: 1, month: 1, currentStatus: 'draft', approvedJobs: 7, approvedGroupJobs: {} }],
      }),
    );
    expect(d.summary.achievedTotal).toBe(7);
  });

  it('splits target groups by group targets, or gives a one-group program to its group', () => {
    const d = computeDashboard(
      input({
        programs: [
          program(1, 100, { targetGroups: ['youth', 'elderly'], groupTargets: { youth: 60, elderly: 40 } }),
          program(2, 50, { targetGroups: ['disabled'] }),
          program(3, 30, { targetGroups: ['youth', 'disabled'] }),
        ],
        results: [{ ...approved(1, 1, 10), approvedGroupJobs: { youth: 7, elderly: 3 } }],
      }),
    );
    const group = (key: string) => d.byTargetGroup.find((g) => g.key === key);
    expect(group('youth')).toMatchObject({ target: 60, achieved: 7 });
    expect(group('elderly')).toMatchObject({ target: 40, achieved: 3 });
    expect(group('disabled')).toMatchObject({ target: 50 });
    expect(group('unallocated')).toMatchObject({ target: 30, label: '계층 미배분' });
    expect(d.byTargetGroup.reduce((s, g) => s + g.target, 0)).toBe(180);
  });

  it('breakdowns add up to the summary', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 5000 }),
            fc.integer({ min: 1, max: 3 }),
            fc.integer({ min: 0, max: 400 }),
          ),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (rows) => {
          const programs = rows.map(([t, s], i) => program(i + 1, t, { strategyId: s, unitId: s * 10 }));
          const results = rows.flatMap(([, , jobs], i) => [1, 2, 3].map((m) => approved(i + 1, m, jobs)));
          const d = computeDashboard(
            input({ strategies: [1, 2, 3].map((id) => ({ id, name: `s${id}` })), programs, results }),
          );
          const sum = (xs: { target: number; achieved: number }[]) => [
            xs.reduce((a, x) => a + x.target, 0),
            xs.reduce((a, x) => a + x.achieved, 0),
          ];
          const total = [d.summary.targetTotal, d.summary.achievedTotal];
          expect(sum(d.byStrategy)).toEqual(total);
          expect(sum(d.byUnit)).toEqual(total);
          expect(sum(d.byJobType)).toEqual(total);
        },
      ),
    );
  });
});
