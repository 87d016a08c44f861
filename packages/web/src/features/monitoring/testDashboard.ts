import { Dashboard } from '@ilteo/shared';

/**
 * A small dashboard as the API would answer it (two strategies, three programs, closed to
 * October), parsed by the shared schema so tests cannot drift from the real shape.
 */
export function testDashboard(): Dashboard {
  const months = (targets: number[], approved: (number | null)[]) =>
    targets.map((target, i) => ({
      month: i + 1,
      target,
      approved: approved[i] ?? null,
      status: approved[i] === undefined || approved[i] === null ? null : ('approved' as const),
    }));
  const breakdown = (key: string, label: string, labelEn: string, target: number, achieved: number) => ({
    key,
    label,
    labelEn,
    target,
    achieved,
    rate: target === 0 ? null : Math.round((achieved / target) * 1000) / 10,
    expectedToDate: Math.round(target * 0.83),
    paceStatus: 'on_pace' as const,
    forecast: target,
  });
  return Dashboard.parse({
    planId: 7,
    year: 2019,
    asOf: '2019-11-15',
    lastClosedMonth: 10,
    thresholds: { behindBelow: 90, aheadAbove: 110 },
    summary: {
      targetTotal: 10562,
      previousYearTarget: 9717,
      targetChangePct: 8.7,
      achievedTotal: 9394,
      achievementRate: 88.9,
      expectedToDate: 8959,
      paceRatio: 96.1,
      paceStatus: 'on_pace',
      forecast: 10139,
      forecastRate: 96,
      programCount: 3,
      programsBehind: 1,
      programsMissingReport: 1,
      pendingReviews: 2,
    },
    monthly: [764, 1134, 1173, 948, 833, 807, 799, 799, 856, 846, 821, 782].map((target, i, all) => {
      const actuals = [737, 1177, 1151, 932, 798, 755, 781, 757, 830, 820, 656];
      const cumulativeTarget = all.slice(0, i + 1).reduce((s, v) => s + v, 0);
      const actual = actuals[i] ?? null;
      return {
        month: i + 1,
        target,
        cumulativeTarget,
        actual,
        cumulativeActual: actual === null ? null : actuals.slice(0, i + 1).reduce((s, v) => s + v, 0),
      };
    }),
    byStrategy: [
      breakdown('1', '부평 제조업 르네상스 일자리 확대', '부평 제조업 르네상스 일자리 확대', 2340, 1997),
      breakdown('2', '도시재생 및 창업 지원', '도시재생 및 창업 지원', 620, 518),
    ],
    byUnit: [
      breakdown('3', '산업단지지원과', 'Industrial Complex Support Division', 1080, 1019),
      breakdown('1', '일자리경제과', 'Jobs and Economy Division', 1880, 1496),
    ],
    byJobType: [breakdown('subsidy', '고용장려금', 'Employment subsidies', 2960, 2515)],
    byTargetGroup: [breakdown('youth', '청년', 'Youth', 2960, 2515)],
    programs: [
      {
        id: 11,
        name: '부평산단 활성화',
        strategyId: 1,
        unitId: 3,
        unitName: '산업단지지원과',
        jobType: 'subsidy',
        target: 1080,
        achieved: 1019,
        rate: 94.4,
        expectedToDate: 900,
        paceRatio: 97,
        paceStatus: 'on_pace',
        forecast: 1113,
        missingLastMonth: false,
        pendingMonths: 0,
        illustrative: true,
        months: months([90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90, 90], [95, 90, 88]),
      },
      {
        id: 12,
        name: '한국GM 고용 안정화',
        strategyId: 1,
        unitId: 1,
        unitName: '일자리경제과',
        jobType: 'subsidy',
        target: 1260,
        achieved: 978,
        rate: 77.6,
        expectedToDate: 1050,
        paceRatio: 80,
        paceStatus: 'behind',
        forecast: 1180,
        missingLastMonth: true,
        pendingMonths: 1,
        illustrative: true,
        months: months([105, 105, 105, 105, 105, 105, 105, 105, 105, 105, 105, 105], [80, 85]),
      },
      {
        id: 21,
        name: '11번가 도시재생',
        strategyId: 2,
        unitId: 1,
        unitName: '일자리경제과',
        jobType: 'subsidy',
        target: 620,
        achieved: 518,
        rate: 83.5,
        expectedToDate: 517,
        paceRatio: null,
        paceStatus: 'not_started',
        forecast: 567,
        missingLastMonth: false,
        pendingMonths: 0,
        illustrative: false,
        months: months([52, 52, 52, 52, 52, 52, 51, 51, 51, 51, 51, 51], []),
      },
    ],
    laggingProgramIds: [12],
    missingReportProgramIds: [12],
  });
}
