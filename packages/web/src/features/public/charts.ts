import type { PublicPlan } from '@ilteo/shared';
import { baseOption, type ChartText, type CompareRow, tooltipTitle } from '../../components/charts/options';
import { CHART_COLORS } from '../../components/charts/theme';
import type { ChartOption } from '../../components/charts/types';

/**
 * Approved results per month, over all programs: month m is the sum of the programs' approved
 * figures for m (the API lists them per program only). Months after the last reported month
 * are null, so a chart shows no bar rather than a zero.
 */
export function monthlyApproved(plan: PublicPlan): (number | null)[] {
  const totals: (number | null)[] = Array.from({ length: 12 }, (_, i) =>
    i < plan.summary.lastReportedMonth ? 0 : null,
  );
  for (const strategy of plan.strategies) {
    for (const program of strategy.programs) {
      for (const { month, jobs } of program.approvedMonths) {
        const i = month - 1;
        if (i >= 0 && i < 12) totals[i] = (totals[i] ?? 0) + jobs;
      }
    }
  }
  return totals;
}

/** Strategies as target-versus-achieved rows (approved results), in the plan's order. */
export function publicStrategyRows(plan: PublicPlan): CompareRow[] {
  return plan.strategies.map((s, i) => ({
    key: String(s.id),
    label: `${i + 1}. ${s.name}`,
    target: s.target,
    achieved: s.achieved,
  }));
}

/** Approved results by month, as bars. */
export function monthlyBarsOption(
  months: readonly (number | null)[],
  text: ChartText & { month: (m: number) => string; monthly: string },
  compact: boolean,
): ChartOption {
  const labels = months.map((_, i) => text.month(i + 1));
  return {
    ...baseOption(),
    color: [CHART_COLORS.primary],
    grid: { left: 8, right: 8, top: 24, bottom: 8 },
    xAxis: {
      type: 'category',
      data: labels,
      axisTick: { alignWithLabel: true },
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
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? (params[0] as { dataIndex?: number } | undefined) : undefined;
        const i = first?.dataIndex;
        if (i === undefined) return '';
        const value = months[i];
        return `${tooltipTitle(text.month(i + 1))}<br>${text.monthly} <b>${
          value === null || value === undefined ? '—' : text.count(value)
        }</b>`;
      },
    },
    series: [
      {
        name: text.monthly,
        type: 'bar',
        data: [...months],
        barMaxWidth: 32,
        label: compact
          ? { show: false }
          : {
              show: true,
              position: 'top',
              fontSize: 11,
              color: CHART_COLORS.subtle,
              formatter: (p: { value?: unknown }) => text.count(Number(p.value)),
            },
      },
    ],
  };
}
