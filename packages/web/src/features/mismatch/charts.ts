import { baseOption, labelWidth, valueAxis } from '../../components/charts/options';
import { CHART_COLORS } from '../../components/charts/theme';
import type { ChartOption } from '../../components/charts/types';

/** One bar pair: openings beside seekers. */
export interface SupplyRow {
  key: string;
  label: string;
  openings: number;
  seekers: number;
  ratio: number | null;
}

/** Names of the series, in the reader's language. */
export interface SupplyText {
  openings: string;
  seekers: string;
  ratio: string;
}

/** Horizontal bars of openings and seekers per occupation group (long Korean names fit). */
export function groupBarsOption(rows: readonly SupplyRow[], text: SupplyText, compact: boolean): ChartOption {
  return {
    ...baseOption(),
    color: [CHART_COLORS.primary, CHART_COLORS.target],
    legend: { top: 0, left: 0, itemGap: 16, data: [text.openings, text.seekers] },
    grid: { left: 8, right: compact ? 16 : 40, top: 36, bottom: 8 },
    xAxis: valueAxis(compact),
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: { width: labelWidth(compact), overflow: 'truncate', color: CHART_COLORS.subtle },
    },
    tooltip: { ...baseOption().tooltip, trigger: 'axis', axisPointer: { type: 'shadow' } },
    series: [
      { name: text.openings, type: 'bar', data: rows.map((r) => r.openings), barMaxWidth: 16, barGap: '10%' },
      { name: text.seekers, type: 'bar', data: rows.map((r) => r.seekers), barMaxWidth: 16 },
    ],
  };
}

/** Openings and seekers by month as bars, 구인배수 as a line on its own axis. */
export function monthOption(rows: readonly SupplyRow[], text: SupplyText): ChartOption {
  return {
    ...baseOption(),
    color: [CHART_COLORS.primary, CHART_COLORS.target, CHART_COLORS.point],
    legend: { top: 0, left: 0, itemGap: 16, data: [text.openings, text.seekers, text.ratio] },
    grid: { left: 48, right: 48, top: 40, bottom: 28 },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: { color: CHART_COLORS.subtle },
    },
    yAxis: [
      {
        type: 'value',
        axisLabel: { color: CHART_COLORS.subtle },
        splitLine: { lineStyle: { color: CHART_COLORS.grid } },
      },
      { type: 'value', axisLabel: { color: CHART_COLORS.subtle }, splitLine: { show: false } },
    ],
    tooltip: { ...baseOption().tooltip, trigger: 'axis' },
    series: [
      { name: text.openings, type: 'bar', data: rows.map((r) => r.openings), barMaxWidth: 18, barGap: '10%' },
      { name: text.seekers, type: 'bar', data: rows.map((r) => r.seekers), barMaxWidth: 18 },
      { name: text.ratio, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.ratio), symbolSize: 6 },
    ],
  };
}
