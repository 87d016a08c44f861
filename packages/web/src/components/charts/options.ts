import { CHART_COLORS, CHART_FONT } from './theme';
import type { ChartOption } from './types';

/** One row of a target-versus-achieved comparison (a strategy, a department…). */
export interface CompareRow {
  key: string;
  label: string;
  target: number;
  achieved: number;
  /** The API's achievement rate, when it gives one; shown in the tooltip as it is. */
  rate?: number | null;
}

/** How a builder writes numbers and names its series, in the reader's language. */
export interface ChartText {
  target: string;
  achieved: string;
  rate: string;
  /** `10,562` */
  count: (value: number) => string;
  /** `88.9%` */
  percent: (value: number | null) => string;
}

/** Settings every chart shares: the page font, no animation for reduced motion, a readable tooltip. */
export function baseOption(): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: CHART_FONT, color: CHART_COLORS.text, fontSize: 13 },
    tooltip: {
      confine: true,
      textStyle: { fontFamily: CHART_FONT, fontSize: 13, color: CHART_COLORS.text },
      borderColor: CHART_COLORS.grid,
    },
  };
}

/** Labels longer than the room they have are cut with an ellipsis; the full text is in the tooltip and the table. */
export function labelWidth(compact: boolean): number {
  return compact ? 96 : 300;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A tooltip line: a coloured dot, a name and a value (names are escaped: they come from users). */
export function tooltipLine(color: string, name: string, value: string): string {
  return `<span style="display:inline-block;width:10px;height:10px;border-radius:50%;background:${color};margin-right:6px"></span>${escapeHtml(name)} <b>${escapeHtml(value)}</b>`;
}

/** A tooltip heading (escaped). */
export function tooltipTitle(text: string): string {
  return `<b>${escapeHtml(text)}</b>`;
}

/** The value axis of horizontal bars: fewer ticks on a phone, labels that never overlap. */
export function valueAxis(compact: boolean, formatter?: (value: number) => string) {
  return {
    type: 'value' as const,
    splitNumber: compact ? 2 : 5,
    axisLabel: { ...(formatter ? { formatter } : {}), hideOverlap: true, color: CHART_COLORS.subtle },
    splitLine: { lineStyle: { color: CHART_COLORS.grid } },
  };
}

/**
 * Horizontal bars, target beside achieved, one pair per row, in the rows' order (top first).
 * Horizontal because Korean strategy and department names are long.
 */
export function compareBarsOption(
  rows: readonly CompareRow[],
  text: ChartText,
  compact: boolean,
): ChartOption {
  const byLabel = new Map(rows.map((r) => [r.label, r]));
  return {
    ...baseOption(),
    color: [CHART_COLORS.target, CHART_COLORS.primary],
    legend: { top: 0, left: 0, itemGap: 16, data: [text.target, text.achieved] },
    grid: { left: 8, right: compact ? 16 : 56, top: 36, bottom: 8 },
    xAxis: valueAxis(compact, (v) => text.count(v)),
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.label),
      axisTick: { show: false },
      axisLabel: { width: labelWidth(compact), overflow: 'truncate', color: CHART_COLORS.subtle },
    },
    tooltip: {
      ...baseOption().tooltip,
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const list = Array.isArray(params) ? (params as { name: string }[]) : [];
        const row = list[0] ? byLabel.get(list[0].name) : undefined;
        if (!row) return '';
        const lines = [
          tooltipTitle(row.label),
          tooltipLine(CHART_COLORS.target, text.target, text.count(row.target)),
          tooltipLine(CHART_COLORS.primary, text.achieved, text.count(row.achieved)),
        ];
        if (row.rate !== undefined)
          lines.push(`${escapeHtml(text.rate)} <b>${escapeHtml(text.percent(row.rate))}</b>`);
        return lines.join('<br>');
      },
    },
    series: [
      {
        name: text.target,
        type: 'bar',
        data: rows.map((r) => r.target),
        barGap: '10%',
        barMaxWidth: 18,
      },
      {
        name: text.achieved,
        type: 'bar',
        data: rows.map((r) => r.achieved),
        barMaxWidth: 18,
        label: compact
          ? { show: false }
          : {
              show: true,
              position: 'right',
              fontSize: 12,
              color: CHART_COLORS.subtle,
              formatter: (p: { value?: unknown }) => text.count(Number(p.value)),
            },
      },
    ],
  };
}

/** Room a horizontal bar chart needs for its rows. */
export function barsHeight(rowCount: number): number {
  return Math.max(200, 56 + rowCount * 44);
}
