import { Component, lazy, type ReactNode, Suspense, useId, useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import './charts.css';
import type { ChartOption, ChartTable } from './types';

const EChart = lazy(() => import('./EChart'));

/** A chart whose code failed to load says so; its table still carries the data. */
class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The data of a chart as a table with a caption and header scopes. */
export function ChartDataTable({ table }: { table: ChartTable }) {
  return (
    <div className="krds-table-wrap mon-table-wrap">
      <table className="tbl col data chart-table">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional, like the columns
                <td key={i} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface ChartFigureProps {
  title: string;
  /** What the chart shows, in a sentence or two, read out in place of the drawing. */
  summary: string;
  option: ChartOption;
  height: number;
  table: ChartTable;
  testId: string;
  /** Shown under the chart (a note on the figures). */
  note?: ReactNode;
  className?: string;
}

/**
 * A titled chart with its text alternatives: the drawing is one image named by `summary`, and
 * a button shows the same data as a table, for keyboard, screen-reader and copy-paste users.
 */
export function ChartFigure({
  title,
  summary,
  option,
  height,
  table,
  testId,
  note,
  className,
}: ChartFigureProps) {
  const t = useT();
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  const titleId = `${id}-title`;
  const tableId = `${id}-table`;
  return (
    <figure className={className ? `chart-figure ${className}` : 'chart-figure'} aria-labelledby={titleId}>
      <div className="chart-head">
        <h3 className="chart-title" id={titleId}>
          {title}
        </h3>
        <button
          type="button"
          className="krds-btn xsmall tertiary"
          aria-expanded={showTable}
          aria-controls={tableId}
          onClick={() => setShowTable((v) => !v)}
        >
          {showTable ? t('chart.hideTable') : t('chart.showTable')}
        </button>
      </div>
      <div
        className="chart-box"
        role="img"
        aria-label={summary}
        data-testid={testId}
        style={{ minHeight: height }}
      >
        <ChartBoundary fallback={<p className="chart-fallback">{t('chart.failed')}</p>}>
          <Suspense fallback={<p className="chart-fallback">{t('chart.loading')}</p>}>
            <EChart option={option} height={height} />
          </Suspense>
        </ChartBoundary>
      </div>
      {note && <figcaption className="chart-note">{note}</figcaption>}
      <div id={tableId} hidden={!showTable}>
        {showTable && <ChartDataTable table={table} />}
      </div>
    </figure>
  );
}
