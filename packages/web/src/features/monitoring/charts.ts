import type { Dashboard } from '@ilteo/shared';
import {
  baseOption,
  type ChartText,
  type CompareRow,
  tooltipLine,
  tooltipTitle,
} from '../../components/charts/options';
import { CHART_COLORS, GROUP_PALETTE } from '../../components/charts/theme';
import type { ChartOption } from '../../components/charts/types';
import type { Locale } from '../../i18n/locale';
import { labelOf } from './figures';

/** Words the cumulative chart needs, in the reader's language. */
export interface CumulativeText extends ChartText {
  cumulativeTarget: string;
  cumulativeActual: string;
  monthlyTarget: string;
  monthlyActual: string;
  lastClosed: string;
  month: (month: number) => string;
}

/**
 * The two lines of the pace chart, exactly the API's monthly cumulative figures. Months without
 * reported results are null: the line stops there rather than dropping to zero.
 */
export function cumulativeSeries(dashboard: Dashboard): { target: number[]; actual: (number | null)[] } {
  return {
    target: dashboard.monthly.map((m) => m.cumulativeTarget),
    actual: dashboard.monthly.map((m) => m.cumulativeActual),
  };
}

/** Cumulative approved results against the cumulative target, by month, with the last closed month marked. */
export function cumulativeOption(dashboard: Dashboard, text: CumulativeText, compact: boolean): ChartOption {
  const { target, actual } = cumulativeSeries(dashboard);
  const months = dashboard.monthly.map((m) => text.month(m.month));
  const closed = dashboard.lastClosedMonth;
  return {
    ...baseOption(),
    color: [CHART_COLORS.targetLine, CHART_COLORS.primary],
    legend: { top: 0, left: 0, itemGap: 16, data: [text.cumulativeTarget, text.cumulativeActual] },
    grid: { left: 8, right: 16, top: 40, bottom: 8 },
    xAxis: {
      type: 'category',
      data: months,
      boundaryGap: false,
      axisLabel: { interval: compact ? 1 : 0, color: CHART_COLORS.subtle },
    },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => text.count(v), color: CHART_COLORS.subtle },
      splitLine: { lineStyle: { color: CHART_COLORS.grid } },
    },
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined) : undefined;
        const row = first?.dataIndex === undefined ? undefined : dashboard.monthly[first.dataIndex];
        if (!row) return '';
        return [
          tooltipTitle(text.month(row.month)),
          tooltipLine(CHART_COLORS.targetLine, text.cumulativeTarget, text.count(row.cumulativeTarget)),
          tooltipLine(
            CHART_COLORS.primary,
            text.cumulativeActual,
            row.cumulativeActual === null ? '—' : text.count(row.cumulativeActual),
          ),
          `${text.monthlyTarget} ${text.count(row.target)} · ${text.monthlyActual} ${
            row.actual === null ? '—' : text.count(row.actual)
          }`,
        ].join('<br>');
      },
    },
    series: [
      {
        name: text.cumulativeTarget,
        type: 'line',
        data: target,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { type: 'dashed', width: 2 },
      },
      {
        name: text.cumulativeActual,
        type: 'line',
        data: actual,
        symbol: 'circle',
        symbolSize: 8,
        lineStyle: { width: 3 },
        areaStyle: { color: 'rgba(37, 110, 244, 0.08)' },
        markLine:
          closed >= 1 && closed <= 12
            ? {
                silent: true,
                symbol: 'none',
                lineStyle: { color: CHART_COLORS.subtle, type: 'dotted' },
                label: { formatter: text.lastClosed, color: CHART_COLORS.subtle, position: 'end' },
                data: [{ xAxis: months[closed - 1] ?? '' }],
              }
            : undefined,
      },
    ],
  };
}

/** Strategies as target-versus-achieved rows, in the plan's order. */
export function strategyRows(dashboard: Dashboard, locale: Locale): CompareRow[] {
  return dashboard.byStrategy.map((b, i) => ({
    key: b.key,
    label: `${i + 1}. ${labelOf(b, locale)}`,
    target: b.target,
    achieved: b.achieved,
    rate: b.rate,
  }));
}

/** Departments and partner agencies as target-versus-achieved rows, in the API's order. */
export function unitRows(dashboard: Dashboard, locale: Locale): CompareRow[] {
  return dashboard.byUnit.map((b) => ({
    key: b.key,
    label: labelOf(b, locale),
    target: b.target,
    achieved: b.achieved,
    rate: b.rate,
  }));
}

/** One box per program, grouped by strategy, sized by the program's target. */
export interface TreemapNode {
  id: string;
  name: string;
  value: number;
  achieved: number;
  rate: number | null;
  children?: TreemapNode[];
}

/** The strategy → program tree of targets, from the API's figures. */
export function targetTree(dashboard: Dashboard, locale: Locale): TreemapNode[] {
  return dashboard.byStrategy.map((s, i) => ({
    id: `s${s.key}`,
    name: `${i + 1}. ${labelOf(s, locale)}`,
    value: s.target,
    achieved: s.achieved,
    rate: s.rate,
    children: dashboard.programs
      .filter((p) => String(p.strategyId) === s.key)
      .map((p) => ({ id: `p${p.id}`, name: p.name, value: p.target, achieved: p.achieved, rate: p.rate })),
  }));
}

/** A treemap of targets: strategies (coloured) containing their programs. */
export function treemapOption(
  dashboard: Dashboard,
  text: ChartText,
  locale: Locale,
  compact: boolean,
): ChartOption {
  const tree = targetTree(dashboard, locale);
  const nodes = new Map<string, TreemapNode>();
  for (const s of tree) {
    nodes.set(s.id, s);
    for (const p of s.children ?? []) nodes.set(p.id, p);
  }
  return {
    ...baseOption(),
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'item',
      formatter: (params: unknown) => {
        const id = (params as { data?: { id?: string } }).data?.id;
        const node = id ? nodes.get(id) : undefined;
        if (!node) return '';
        return [
          tooltipTitle(node.name),
          tooltipLine(CHART_COLORS.target, text.target, text.count(node.value)),
          tooltipLine(CHART_COLORS.primary, text.achieved, text.count(node.achieved)),
          `${text.rate} <b>${text.percent(node.rate)}</b>`,
        ].join('<br>');
      },
    },
    series: [
      {
        type: 'treemap',
        // The treemap animates its layout even with the chart's animation off; a resize would replay it.
        animation: false,
        animationDurationUpdate: 0,
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        left: 0,
        right: 0,
        top: 0,
        bottom: 0,
        label: {
          show: true,
          overflow: 'truncate',
          fontSize: compact ? 11 : 13,
          // A phone's boxes are too small for numbers: a cut-off "1" for 160 would mislead, so names only there.
          formatter: (p: { name?: string; value?: unknown }) =>
            compact ? (p.name ?? '') : `${p.name ?? ''}\n${text.count(Number(p.value))}`,
        },
        upperLabel: {
          show: true,
          height: compact ? 22 : 28,
          color: '#ffffff',
          fontWeight: 'bold',
          overflow: 'truncate',
          // Strategy names are long and get cut; a number cut in half would mislead, so the name alone.
          formatter: (p: { name?: string }) => p.name ?? '',
        },
        levels: [
          { itemStyle: { borderWidth: 0, gapWidth: 4 }, upperLabel: { show: false } },
          { itemStyle: { borderWidth: 3, gapWidth: 1 }, colorSaturation: [0.3, 0.55] },
        ],
        data: tree.map((s, i) => {
          const color = GROUP_PALETTE[i % GROUP_PALETTE.length];
          return {
            id: s.id,
            name: s.name,
            value: s.value,
            itemStyle: { color, borderColor: color },
            children: (s.children ?? []).map((p) => ({ id: p.id, name: p.name, value: p.value })),
          };
        }),
      },
    ],
  };
}
