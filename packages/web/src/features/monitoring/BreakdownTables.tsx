import type { Breakdown, Dashboard, ProgramMonitoring } from '@ilteo/shared';
import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { SortHeader, type SortOrder } from '../../components/SortHeader';
import { EmptyState } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/messages';
import { formatCount, formatRate, labelOf, unitNameOf } from './figures';
import { type SortValue, sortRows } from './sort';
import { PaceBadge, Tabs } from './widgets';

interface Column<T> {
  field: string;
  label: MessageKey;
  value: (row: T) => SortValue;
}

const BREAKDOWN_COLUMNS: Column<Breakdown>[] = [
  { field: 'target', label: 'dashboard.col.target', value: (r) => r.target },
  { field: 'achieved', label: 'dashboard.col.achieved', value: (r) => r.achieved },
  { field: 'rate', label: 'dashboard.col.rate', value: (r) => r.rate },
  { field: 'expectedToDate', label: 'dashboard.col.expected', value: (r) => r.expectedToDate },
  { field: 'paceStatus', label: 'dashboard.col.pace', value: (r) => PACE_ORDER[r.paceStatus] },
  { field: 'forecast', label: 'dashboard.col.forecast', value: (r) => r.forecast },
];

/** Pace sorts from worst to best. */
const PACE_ORDER = { behind: 0, on_pace: 1, ahead: 2, not_started: 3 } as const;

function useSort() {
  const [sort, setSort] = useState<{ field: string; order: SortOrder }>({ field: '', order: 'asc' });
  return { ...sort, onSort: (field: string, order: SortOrder) => setSort({ field, order }) };
}

/** One breakdown (strategy, department, job type, target group) as a sortable table. */
function BreakdownTable({
  rows,
  caption,
  nameLabel,
  testId,
}: {
  rows: Breakdown[];
  caption: string;
  nameLabel: string;
  testId: string;
}) {
  const { locale, t } = useI18n();
  const { field, order, onSort } = useSort();
  const sorted = useMemo(() => {
    if (!field) return rows;
    if (field === 'label') return sortRows(rows, (r) => labelOf(r, locale), order);
    const column = BREAKDOWN_COLUMNS.find((c) => c.field === field);
    return column ? sortRows(rows, column.value, order) : rows;
  }, [rows, field, order, locale]);

  return (
    <div className="krds-table-wrap mon-table-wrap">
      <table className="tbl col data mon-table mon-breakdown-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <SortHeader label={nameLabel} field="label" sort={field} order={order} onSort={onSort} />
            {BREAKDOWN_COLUMNS.map((c) => (
              <SortHeader
                key={c.field}
                label={t(c.label)}
                field={c.field}
                sort={field}
                order={order}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={7}>
                <EmptyState />
              </td>
            </tr>
          ) : (
            sorted.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{labelOf(r, locale)}</th>
                <td className="num">{formatCount(r.target)}</td>
                <td className="num">{formatCount(r.achieved)}</td>
                <td className="num">{formatRate(r.rate)}</td>
                <td className="num">{formatCount(r.expectedToDate)}</td>
                <td className="num">
                  <PaceBadge status={r.paceStatus} />
                </td>
                <td className="num">{formatCount(r.forecast)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

const PROGRAM_COLUMNS: Column<ProgramMonitoring>[] = [
  { field: 'target', label: 'dashboard.col.target', value: (r) => r.target },
  { field: 'achieved', label: 'dashboard.col.achieved', value: (r) => r.achieved },
  { field: 'rate', label: 'dashboard.col.rate', value: (r) => r.rate },
  { field: 'expectedToDate', label: 'dashboard.col.expected', value: (r) => r.expectedToDate },
  { field: 'paceRatio', label: 'dashboard.col.paceRatio', value: (r) => r.paceRatio },
  { field: 'paceStatus', label: 'dashboard.col.pace', value: (r) => PACE_ORDER[r.paceStatus] },
  { field: 'forecast', label: 'dashboard.col.forecast', value: (r) => r.forecast },
];

/** Every program the reader may see, with its figures and a link to its monthly results. */
export function ProgramTable({
  units,
  programs,
  caption,
  testId,
}: {
  units: Breakdown[];
  programs: ProgramMonitoring[];
  caption: string;
  testId: string;
}) {
  const { locale, t } = useI18n();
  const { field, order, onSort } = useSort();
  const sorted = useMemo(() => {
    if (!field) return programs;
    if (field === 'name') return sortRows(programs, (p) => p.name, order);
    if (field === 'unit') return sortRows(programs, (p) => unitNameOf(p, units, locale), order);
    const column = PROGRAM_COLUMNS.find((c) => c.field === field);
    return column ? sortRows(programs, column.value, order) : programs;
  }, [programs, units, field, order, locale]);

  return (
    <div className="krds-table-wrap mon-table-wrap">
      <table className="tbl col data mon-table mon-breakdown-table mon-program-table" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <SortHeader
              label={t('dashboard.col.program')}
              field="name"
              sort={field}
              order={order}
              onSort={onSort}
            />
            <SortHeader
              label={t('dashboard.col.unit')}
              field="unit"
              sort={field}
              order={order}
              onSort={onSort}
            />
            {PROGRAM_COLUMNS.map((c) => (
              <SortHeader
                key={c.field}
                label={t(c.label)}
                field={c.field}
                sort={field}
                order={order}
                onSort={onSort}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.length === 0 ? (
            <tr>
              <td colSpan={9}>
                <EmptyState />
              </td>
            </tr>
          ) : (
            sorted.map((p) => (
              <tr key={p.id} data-key={p.id}>
                <th scope="row">
                  <Link to={`/programs/${p.id}/results`}>{p.name}</Link>
                  {p.illustrative && <span className="cell-sub">{t('dashboard.illustrativeMark')}</span>}
                </th>
                <td>{unitNameOf(p, units, locale)}</td>
                <td className="num">{formatCount(p.target)}</td>
                <td className="num">{formatCount(p.achieved)}</td>
                <td className="num">{formatRate(p.rate)}</td>
                <td className="num">{formatCount(p.expectedToDate)}</td>
                <td className="num">{formatRate(p.paceRatio)}</td>
                <td className="num">
                  <PaceBadge status={p.paceStatus} />
                </td>
                <td className="num">{formatCount(p.forecast)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

const KINDS = ['strategy', 'program', 'unit', 'job-type', 'target-group'] as const;
type Kind = (typeof KINDS)[number];

/** The breakdowns in tabs: strategy, program, department/agency, job-program type, target group. */
export function BreakdownTabs({ dashboard }: { dashboard: Dashboard }) {
  const t = useI18n().t;
  const [kind, setKind] = useState<Kind>('strategy');
  const table = (rows: Breakdown[], k: Kind, caption: MessageKey, name: MessageKey) => (
    <BreakdownTable rows={rows} caption={t(caption)} nameLabel={t(name)} testId={`breakdown-${k}`} />
  );
  return (
    <section className="section" aria-labelledby="dash-breakdown-title">
      <h2 id="dash-breakdown-title" className="section-title">
        {t('dashboard.breakdown.title')}
      </h2>
      <Tabs
        label={t('dashboard.breakdown.title')}
        selected={kind}
        onSelect={(id) => setKind(id as Kind)}
        tabs={[
          {
            id: 'strategy',
            label: t('dashboard.breakdown.strategy'),
            panel: table(
              dashboard.byStrategy,
              'strategy',
              'dashboard.breakdown.strategyCaption',
              'dashboard.col.strategy',
            ),
          },
          {
            id: 'program',
            label: t('dashboard.breakdown.program'),
            panel: (
              <ProgramTable
                units={dashboard.byUnit}
                programs={dashboard.programs}
                caption={t('dashboard.breakdown.programCaption')}
                testId="breakdown-program"
              />
            ),
          },
          {
            id: 'unit',
            label: t('dashboard.breakdown.unit'),
            panel: table(dashboard.byUnit, 'unit', 'dashboard.breakdown.unitCaption', 'dashboard.col.unit'),
          },
          {
            id: 'job-type',
            label: t('dashboard.breakdown.jobType'),
            panel: table(
              dashboard.byJobType,
              'job-type',
              'dashboard.breakdown.jobTypeCaption',
              'dashboard.col.jobType',
            ),
          },
          {
            id: 'target-group',
            label: t('dashboard.breakdown.targetGroup'),
            panel: (
              <>
                {table(
                  dashboard.byTargetGroup,
                  'target-group',
                  'dashboard.breakdown.targetGroupCaption',
                  'dashboard.col.targetGroup',
                )}
                <p className="mon-table-note">{t('dashboard.breakdown.targetGroupNote')}</p>
              </>
            ),
          },
        ]}
      />
    </section>
  );
}
