import type { Dashboard, ProgramMonitoring } from '@ilteo/shared';
import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { formatCount, formatRate, monthName, unitNameOf } from './figures';
import { monthStatusLabel } from './pace';
import { PaceBadge } from './widgets';

/** The programs named by `ids`, in the API's order of ids. */
function pick(dashboard: Dashboard, ids: number[]): ProgramMonitoring[] {
  const byId = new Map(dashboard.programs.map((p) => [p.id, p]));
  return ids.flatMap((id) => {
    const program = byId.get(id);
    return program ? [program] : [];
  });
}

/** Programs behind their pace: where the plan owner should look first. */
export function LaggingList({ dashboard }: { dashboard: Dashboard }) {
  const { locale, t } = useI18n();
  const rows = pick(dashboard, dashboard.laggingProgramIds);
  return (
    <section
      className="section mon-list-section"
      id="lagging"
      tabIndex={-1}
      aria-labelledby="dash-lagging-title"
    >
      <h2 id="dash-lagging-title" className="section-title">
        {t('dashboard.lagging.title')} <span className="mon-count">{formatCount(rows.length)}</span>
      </h2>
      <p className="mon-section-lead">
        {t('dashboard.lagging.lead', { behind: formatCount(dashboard.thresholds.behindBelow) })}
      </p>
      {rows.length === 0 ? (
        <div data-testid="lagging-list">
          <EmptyState>{t('dashboard.lagging.none')}</EmptyState>
        </div>
      ) : (
        <div className="krds-table-wrap mon-table-wrap">
          <table className="tbl col data mon-table mon-compact-table" data-testid="lagging-list">
            <caption>{t('dashboard.lagging.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.col.program')}</th>
                <th scope="col">{t('dashboard.col.unit')}</th>
                <th scope="col" className="num">
                  {t('dashboard.col.expected')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.col.paceRatio')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.col.pace')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.col.rate')}
                </th>
                <th scope="col" className="num">
                  {t('dashboard.col.forecast')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id} data-key={p.id}>
                  <th scope="row">
                    <Link to={`/programs/${p.id}/results`}>{p.name}</Link>
                  </th>
                  <td>{unitNameOf(p, dashboard.byUnit, locale)}</td>
                  <td className="num">{formatCount(p.expectedToDate)}</td>
                  <td className="num">{formatRate(p.paceRatio)}</td>
                  <td className="num">
                    <PaceBadge status={p.paceStatus} />
                  </td>
                  <td className="num">{formatRate(p.rate)}</td>
                  <td className="num">{formatCount(p.forecast)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Programs whose last closed month is still missing, in draft or returned. */
export function MissingList({ dashboard }: { dashboard: Dashboard }) {
  const { locale, t } = useI18n();
  const rows = pick(dashboard, dashboard.missingReportProgramIds);
  const closed = dashboard.lastClosedMonth;
  return (
    <section
      className="section mon-list-section"
      id="missing"
      tabIndex={-1}
      aria-labelledby="dash-missing-title"
    >
      <h2 id="dash-missing-title" className="section-title">
        {closed >= 1
          ? t('dashboard.missing.title', { month: monthName(closed, locale) })
          : t('dashboard.missing.titleNone')}{' '}
        <span className="mon-count">{formatCount(rows.length)}</span>
      </h2>
      {rows.length === 0 ? (
        <div data-testid="missing-list">
          <EmptyState>{t('dashboard.missing.none')}</EmptyState>
        </div>
      ) : (
        <div className="krds-table-wrap mon-table-wrap">
          <table className="tbl col data mon-table mon-compact-table" data-testid="missing-list">
            <caption>{t('dashboard.missing.caption', { month: monthName(closed, locale) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.col.program')}</th>
                <th scope="col">{t('dashboard.col.unit')}</th>
                <th scope="col">{t('dashboard.col.monthState', { month: monthName(closed, locale) })}</th>
                <th scope="col" className="num">
                  {t('dashboard.col.pendingMonths')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => {
                const month = p.months.find((m) => m.month === closed);
                return (
                  <tr key={p.id} data-key={p.id}>
                    <th scope="row">
                      <Link to={`/programs/${p.id}/results`}>{p.name}</Link>
                    </th>
                    <td>{unitNameOf(p, dashboard.byUnit, locale)}</td>
                    <td>{t(monthStatusLabel(month?.status ?? null, closed, closed))}</td>
                    <td className="num">{formatCount(p.pendingMonths)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
