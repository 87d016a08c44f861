import { PublicPlan } from '@ilteo/shared';
import { describe, expect, it } from 'vitest';
import { formatCount, formatRate } from '../monitoring/figures';
import { monthlyApproved, monthlyBarsOption, publicStrategyRows } from './charts';

function plan(): PublicPlan {
  const program = (id: number, annualTarget: number, months: [number, number][]) => ({
    id,
    name: `사업 ${id}`,
    ownerUnitName: '일자리경제과',
    jobType: 'direct' as const,
    targetGroups: ['youth' as const],
    annualTarget,
    groupTargets: {},
    illustrative: true,
    achieved: months.reduce((s, [, jobs]) => s + jobs, 0),
    approvedMonths: months.map(([month, jobs]) => ({ month, jobs })),
  });
  const a = program(1, 120, [
    [1, 10],
    [2, 12],
    [3, 9],
  ]);
  const b = program(2, 60, [
    [1, 5],
    [3, 6],
  ]);
  return PublicPlan.parse({
    id: 1,
    organisationCode: '28237',
    organisationName: '인천광역시 부평구',
    year: 2019,
    title: '2019년 부평구 일자리대책 세부계획',
    vision: '',
    masterPlan: '',
    publishedAt: null,
    summary: {
      targetTotal: 180,
      previousYearTarget: null,
      targetChangePct: null,
      achievedTotal: 42,
      achievementRate: 23.3,
      lastReportedMonth: 3,
    },
    strategies: [
      { id: 5, name: '전략 가', target: 120, achieved: 31, programs: [a] },
      { id: 6, name: '전략 나', target: 60, achieved: 11, programs: [b] },
    ],
  });
}

describe('the public monthly chart', () => {
  it('adds up the programs’ approved months, and its total is the plan’s achieved figure', () => {
    const p = plan();
    const months = monthlyApproved(p);
    expect(months).toEqual([15, 12, 15, null, null, null, null, null, null, null, null, null]);
    expect(months.reduce<number>((s, v) => s + (v ?? 0), 0)).toBe(p.summary.achievedTotal);
  });

  it('shows a reported month without approvals as zero, and later months as no bar', () => {
    const p = plan();
    for (const s of p.strategies)
      for (const pr of s.programs) pr.approvedMonths = pr.approvedMonths.filter((m) => m.month !== 2);
    expect(monthlyApproved(p).slice(0, 4)).toEqual([15, 0, 15, null]);
  });

  it('draws the months as bars', () => {
    const months = monthlyApproved(plan());
    const option = monthlyBarsOption(
      months,
      {
        target: '목표',
        achieved: '승인 실적',
        rate: '달성률',
        count: formatCount,
        percent: formatRate,
        month: (m) => `${m}월`,
        monthly: '월 승인 실적',
      },
      true,
    );
    const series = option.series as { type: string; data: unknown[] }[];
    expect(series[0]?.type).toBe('bar');
    expect(series[0]?.data).toEqual(months);
  });

  it('lists strategies with their API target and approved results', () => {
    expect(publicStrategyRows(plan()).map((r) => [r.label, r.target, r.achieved])).toEqual([
      ['1. 전략 가', 120, 31],
      ['2. 전략 나', 60, 11],
    ]);
  });
});
