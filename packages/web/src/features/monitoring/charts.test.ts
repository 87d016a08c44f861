import { describe, expect, it } from 'vitest';
import type { ChartText } from '../../components/charts/options';
import {
  cumulativeOption,
  cumulativeSeries,
  strategyRows,
  targetTree,
  treemapOption,
  unitRows,
} from './charts';
import { formatCount, formatRate } from './figures';
import { testDashboard } from './testDashboard';

const text: ChartText = {
  target: '목표',
  achieved: '실적',
  rate: '달성률',
  count: formatCount,
  percent: formatRate,
};
const cumulativeText = {
  ...text,
  cumulativeTarget: '누계 목표',
  cumulativeActual: '누계 실적',
  monthlyTarget: '월 목표',
  monthlyActual: '월 실적',
  lastClosed: '마감 월',
  month: (m: number) => `${m}월`,
};

type Series = { name?: string; data?: unknown[]; markLine?: { data?: { xAxis?: string }[] } };
const seriesOf = (option: { series?: unknown }) => option.series as Series[];

describe('the pace chart', () => {
  it('draws exactly the API’s monthly cumulative figures, gaps where nothing was reported', () => {
    const d = testDashboard();
    const { target, actual } = cumulativeSeries(d);
    expect(target).toEqual(d.monthly.map((m) => m.cumulativeTarget));
    expect(actual).toEqual(d.monthly.map((m) => m.cumulativeActual));
    expect(target.at(-1)).toBe(10562);
    expect(actual[10]).toBe(9394);
    expect(actual[11]).toBeNull();

    const series = seriesOf(cumulativeOption(d, cumulativeText, false));
    expect(series.map((s) => s.name)).toEqual(['누계 목표', '누계 실적']);
    expect(series[0]?.data).toEqual(target);
    expect(series[1]?.data).toEqual(actual);
  });

  it('marks the last closed month on the month axis', () => {
    const d = testDashboard();
    const option = cumulativeOption(d, cumulativeText, false);
    expect(seriesOf(option)[1]?.markLine?.data).toEqual([{ xAxis: '10월' }]);
    expect((option.xAxis as { data: string[] }).data).toHaveLength(12);
  });

  it('draws no marker before any month has closed', () => {
    const d = { ...testDashboard(), lastClosedMonth: 0 };
    expect(seriesOf(cumulativeOption(d, cumulativeText, true))[1]?.markLine).toBeUndefined();
  });

  it('writes the tooltip with grouped numbers for the hovered month', () => {
    const d = testDashboard();
    const tooltip = cumulativeOption(d, cumulativeText, false).tooltip as {
      formatter: (p: unknown) => string;
    };
    const html = tooltip.formatter([{ dataIndex: 10 }]);
    expect(html).toContain('11월');
    expect(html).toContain('9,780');
    expect(html).toContain('9,394');
    expect(tooltip.formatter([{ dataIndex: 11 }])).toContain('—');
  });
});

describe('bars by strategy and by department', () => {
  it('keep the API’s order, numbers and rates, with names in the reader’s language', () => {
    const d = testDashboard();
    const strategies = strategyRows(d, 'ko');
    expect(strategies.map((r) => [r.label, r.target, r.achieved, r.rate])).toEqual([
      ['1. 부평 제조업 르네상스 일자리 확대', 2340, 1997, 85.3],
      ['2. 도시재생 및 창업 지원', 620, 518, 83.5],
    ]);
    expect(unitRows(d, 'en').map((r) => r.label)).toEqual([
      'Industrial Complex Support Division',
      'Jobs and Economy Division',
    ]);
    expect(unitRows(d, 'ko').map((r) => r.label)).toEqual(['산업단지지원과', '일자리경제과']);
  });
});

describe('the treemap of targets', () => {
  it('puts each program under its strategy, sized by the API’s target', () => {
    const d = testDashboard();
    const tree = targetTree(d, 'ko');
    expect(tree.map((s) => [s.id, s.value, s.children?.map((p) => [p.id, p.value])])).toEqual([
      [
        's1',
        2340,
        [
          ['p11', 1080],
          ['p12', 1260],
        ],
      ],
      ['s2', 620, [['p21', 620]]],
    ]);
  });

  it('names the hovered box with its target, results and rate, escaping names', () => {
    const d = testDashboard();
    d.programs[0]!.name = '<b>산단</b>';
    const option = treemapOption(d, text, 'ko', false);
    const tooltip = option.tooltip as { formatter: (p: unknown) => string };
    const html = tooltip.formatter({ data: { id: 'p11' } });
    expect(html).toContain('&#60;b&#62;산단');
    expect(html).toContain('1,080');
    expect(html).toContain('1,019');
    expect(html).toContain('94.4%');
    expect(tooltip.formatter({ data: { id: 'nope' } })).toBe('');
  });
});
