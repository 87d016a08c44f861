import type { Dashboard } from '@ilteo/shared';
import { useMemo } from 'react';
import { ChartFigure } from '../../components/charts/Chart';
import {
  barsHeight,
  type ChartText,
  type CompareRow,
  compareBarsOption,
} from '../../components/charts/options';
import type { ChartTable } from '../../components/charts/types';
import { useCompact } from '../../components/charts/useCompact';
import { type Translate, useI18n } from '../../i18n/I18nProvider';
import { cumulativeOption, strategyRows, targetTree, treemapOption, unitRows } from './charts';
import { formatCount, formatRate, monthName } from './figures';

function chartText(t: Translate): ChartText {
  return {
    target: t('chart.target'),
    achieved: t('chart.achieved'),
    rate: t('chart.rate'),
    count: formatCount,
    percent: formatRate,
  };
}

function compareTable(rows: CompareRow[], caption: string, nameLabel: string, t: Translate): ChartTable {
  return {
    caption,
    columns: [nameLabel, t('chart.target'), t('chart.achieved'), t('chart.rate')],
    rows: rows.map((r) => ({
      key: r.key,
      label: r.label,
      cells: [formatCount(r.target), formatCount(r.achieved), formatRate(r.rate ?? null)],
    })),
  };
}

/** The dashboard's four charts, each with a spoken summary and its data as a table. */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { locale, t } = useI18n();
  const compact = useCompact();
  const closed = dashboard.lastClosedMonth;
  const s = dashboard.summary;

  const cumulative = useMemo(
    () =>
      cumulativeOption(
        dashboard,
        {
          ...chartText(t),
          cumulativeTarget: t('chart.cumulativeTarget'),
          cumulativeActual: t('chart.cumulativeActual'),
          monthlyTarget: t('chart.monthlyTarget'),
          monthlyActual: t('chart.monthlyActual'),
          lastClosed: t('chart.lastClosed'),
          month: (m) => monthName(m, locale),
        },
        compact,
      ),
    [dashboard, t, locale, compact],
  );
  const strategies = useMemo(() => strategyRows(dashboard, locale), [dashboard, locale]);
  const units = useMemo(() => unitRows(dashboard, locale), [dashboard, locale]);
  const byStrategy = useMemo(
    () => compareBarsOption(strategies, chartText(t), compact),
    [strategies, t, compact],
  );
  const byUnit = useMemo(() => compareBarsOption(units, chartText(t), compact), [units, t, compact]);
  const treemap = useMemo(
    () => treemapOption(dashboard, chartText(t), locale, compact),
    [dashboard, t, locale, compact],
  );

  const lastCumulative = closed >= 1 ? dashboard.monthly[closed - 1] : undefined;
  const cumulativeSummary = lastCumulative
    ? t('chart.cumulativeSummary', {
        month: monthName(closed, locale),
        actual: formatCount(lastCumulative.cumulativeActual),
        target: formatCount(lastCumulative.cumulativeTarget),
        pace: formatRate(s.paceRatio),
        total: formatCount(s.targetTotal),
      })
    : t('chart.cumulativeSummaryNone', { total: formatCount(s.targetTotal) });

  const tree = targetTree(dashboard, locale);
  const treeTable: ChartTable = {
    caption: t('chart.treemapCaption'),
    columns: [t('chart.node'), t('chart.target'), t('chart.achieved'), t('chart.rate')],
    rows: tree.flatMap((node, i) => [
      {
        key: node.id,
        label: node.name,
        cells: [formatCount(node.value), formatCount(node.achieved), formatRate(node.rate)],
      },
      ...(node.children ?? []).map((p) => ({
        key: p.id,
        label: `${i + 1} › ${p.name}`,
        cells: [formatCount(p.value), formatCount(p.achieved), formatRate(p.rate)],
      })),
    ]),
  };
  const biggest = [...tree].sort((a, b) => b.value - a.value)[0];
  const illustrative = dashboard.programs.some((p) => p.illustrative);

  return (
    <section className="section" aria-labelledby="dash-charts-title">
      <h2 id="dash-charts-title" className="section-title">
        {t('dashboard.charts.title')}
      </h2>
      <div className="mon-chart-grid">
        <ChartFigure
          title={t('chart.cumulativeTitle')}
          summary={cumulativeSummary}
          option={cumulative}
          height={compact ? 260 : 320}
          testId="chart-cumulative"
          table={{
            caption: t('chart.cumulativeCaption'),
            columns: [
              t('chart.month'),
              t('chart.monthlyTarget'),
              t('chart.cumulativeTarget'),
              t('chart.monthlyActual'),
              t('chart.cumulativeActual'),
            ],
            rows: dashboard.monthly.map((m) => ({
              key: String(m.month),
              label: monthName(m.month, locale),
              cells: [
                formatCount(m.target),
                formatCount(m.cumulativeTarget),
                formatCount(m.actual),
                formatCount(m.cumulativeActual),
              ],
            })),
          }}
          note={t('chart.cumulativeNote')}
        />
        <ChartFigure
          title={t('chart.byStrategyTitle')}
          summary={t('chart.compareSummary', {
            count: strategies.length,
            list: strategies.map((r) => `${r.label} ${formatRate(r.rate ?? null)}`).join(', '),
          })}
          option={byStrategy}
          height={barsHeight(strategies.length)}
          testId="chart-by-strategy"
          table={compareTable(strategies, t('chart.byStrategyCaption'), t('dashboard.col.strategy'), t)}
        />
        <ChartFigure
          title={t('chart.byUnitTitle')}
          summary={t('chart.compareSummary', {
            count: units.length,
            list: units.map((r) => `${r.label} ${formatRate(r.rate ?? null)}`).join(', '),
          })}
          option={byUnit}
          height={barsHeight(units.length)}
          testId="chart-by-department"
          table={compareTable(units, t('chart.byUnitCaption'), t('dashboard.col.unit'), t)}
        />
        <ChartFigure
          title={t('chart.treemapTitle')}
          summary={t('chart.treemapSummary', {
            count: tree.length,
            programs: dashboard.programs.length,
            biggest: biggest ? `${biggest.name} ${formatCount(biggest.value)}` : '',
          })}
          option={treemap}
          height={compact ? 360 : 420}
          testId="chart-treemap"
          table={treeTable}
          note={illustrative ? t('dashboard.illustrative') : undefined}
        />
      </div>
    </section>
  );
}
