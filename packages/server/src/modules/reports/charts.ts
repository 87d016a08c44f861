import * as echarts from 'echarts';
import type { Report } from './report-model.js';

/**
 * The report's charts, drawn by ECharts on the server as SVG (the web app draws the same charts
 * with ECharts in the browser), then placed into the PDF as vectors. Text in them is set in the
 * PDF's embedded Korean font by the family name `FONT_FAMILY`.
 */

export const FONT_FAMILY = 'report-font';
const BLUE = '#256ef4';
const GREY = '#8a949e';
const LIGHT = '#b1cefb';

function render(width: number, height: number, option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY, fontSize: 10 }, ...option });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

/** Cumulative approved results by month against the cumulative target (or the annual target, when months are not published). */
export function cumulativeChart(report: Report, width: number, height: number): string {
  const months = report.monthly.map((m) => `${m.month}월`);
  const hasMonthlyTargets = report.monthly.some((m) => m.cumulativeTarget !== null);
  const target = hasMonthlyTargets
    ? report.monthly.map((m) => m.cumulativeTarget)
    : report.monthly.map(() => report.annualTarget);
  return render(width, height, {
    legend: { top: 0, left: 'center', itemWidth: 18, itemHeight: 8 },
    grid: { top: 30, left: 56, right: 16, bottom: 24 },
    xAxis: { type: 'category', data: months, boundaryGap: false },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => v.toLocaleString('en-US') } },
    series: [
      {
        name: hasMonthlyTargets ? '누계 목표' : '연간 목표',
        type: 'line',
        data: target,
        symbol: 'none',
        lineStyle: { color: GREY, type: 'dashed', width: 1.5 },
        itemStyle: { color: GREY },
      },
      {
        name: '누계 실적(승인)',
        type: 'line',
        data: report.monthly.map((m) => m.cumulativeActual),
        symbolSize: 5,
        lineStyle: { color: BLUE, width: 2.5 },
        itemStyle: { color: BLUE },
      },
    ],
  });
}

const shorten = (name: string, max: number) => (name.length > max ? `${name.slice(0, max - 1)}…` : name);

/** Target and approved results (and the year-end forecast, in the back office) by strategy. */
export function strategyChart(report: Report, width: number, height: number): string {
  const names = report.strategies.map((s) => shorten(s.name, 18));
  const hasForecast = report.strategies.some((s) => s.forecast !== undefined);
  return render(width, height, {
    legend: { top: 0, left: 'center', itemWidth: 14, itemHeight: 8 },
    grid: { top: 28, left: 8, right: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => v.toLocaleString('en-US') } },
    yAxis: { type: 'category', data: names, inverse: true },
    series: [
      {
        name: '목표',
        type: 'bar',
        data: report.strategies.map((s) => s.target),
        itemStyle: { color: LIGHT },
        barGap: '10%',
      },
      {
        name: '실적(승인)',
        type: 'bar',
        data: report.strategies.map((s) => s.achieved),
        itemStyle: { color: BLUE },
      },
      ...(hasForecast
        ? [
            {
              name: '연말 전망',
              type: 'bar' as const,
              data: report.strategies.map((s) => s.forecast ?? 0),
              itemStyle: { color: GREY },
            },
          ]
        : []),
    ],
  });
}
