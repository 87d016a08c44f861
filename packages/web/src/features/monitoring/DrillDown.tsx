import type { Dashboard, ProgramMonitoring } from '@ilteo/shared';
import { Fragment, useState } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { formatCount, formatRate, labelOf, monthName, unitNameOf } from './figures';
import { monthStatusLabel } from './pace';
import { PaceBadge } from './widgets';

function toggled(set: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}

/** A program's twelve months side by side, as a spreadsheet would show them: target, approved figure, state. */
function MonthTable({ program, lastClosedMonth }: { program: ProgramMonitoring; lastClosedMonth: number }) {
  const { locale, t } = useI18n();
  const closedClass = (month: number) => (month === lastClosedMonth ? 'num mon-closed-month' : 'num');
  return (
    <div className="mon-drill-months">
      <div className="krds-table-wrap mon-table-wrap">
        <table className="tbl col data mon-table mon-month-table" data-testid={`drill-months-${program.id}`}>
          <caption>{t('dashboard.drill.monthsCaption', { name: program.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.col.month')}</th>
              {program.months.map((m) => (
                <th scope="col" key={m.month} className={closedClass(m.month)}>
                  {monthName(m.month, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('dashboard.col.monthTarget')}</th>
              {program.months.map((m) => (
                <td key={m.month} className={closedClass(m.month)}>
                  {formatCount(m.target)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('dashboard.col.approved')}</th>
              {program.months.map((m) => (
                <td key={m.month} className={closedClass(m.month)}>
                  {formatCount(m.approved)}
                </td>
              ))}
            </tr>
            <tr>
              <th scope="row">{t('dashboard.col.status')}</th>
              {program.months.map((m) => (
                <td key={m.month} className={closedClass(m.month)} data-status={m.status ?? 'none'}>
                  {t(monthStatusLabel(m.status, m.month, lastClosedMonth))}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p>
        <Link to={`/programs/${program.id}/results`} className="krds-btn small secondary">
          {t('dashboard.drill.openResults')}
        </Link>
      </p>
    </div>
  );
}

/** Strategy → its programs → a program's months, opened one level at a time. */
export function DrillDown({ dashboard }: { dashboard: Dashboard }) {
  const { locale, t } = useI18n();
  const [openStrategies, setOpenStrategies] = useState<ReadonlySet<string>>(new Set());
  const [openPrograms, setOpenPrograms] = useState<ReadonlySet<string>>(new Set());
  const allKeys = dashboard.byStrategy.map((s) => s.key);
  const allOpen = allKeys.length > 0 && allKeys.every((k) => openStrategies.has(k));

  return (
    <section className="section" aria-labelledby="dash-drill-title" data-testid="drilldown">
      <div className="mon-section-head">
        <h2 id="dash-drill-title" className="section-title">
          {t('dashboard.drill.title')}
        </h2>
        <button
          type="button"
          className="krds-btn small tertiary"
          onClick={() => setOpenStrategies(allOpen ? new Set() : new Set(allKeys))}
        >
          {allOpen ? t('dashboard.drill.collapseAll') : t('dashboard.drill.expandAll')}
        </button>
      </div>
      <ul className="mon-drill-list">
        {dashboard.byStrategy.map((s, index) => {
          const open = openStrategies.has(s.key);
          const panelId = `drill-strategy-${s.key}`;
          const programs = dashboard.programs.filter((p) => String(p.strategyId) === s.key);
          return (
            <li key={s.key} className={open ? 'mon-drill-strategy is-open' : 'mon-drill-strategy'}>
              <h3 className="mon-drill-heading">
                <button
                  type="button"
                  className="mon-drill-toggle"
                  aria-expanded={open}
                  aria-controls={panelId}
                  onClick={() => setOpenStrategies((set) => toggled(set, s.key))}
                  data-testid={`drill-strategy-${s.key}`}
                >
                  <span className="mon-drill-name">
                    {index + 1}. {labelOf(s, locale)}
                  </span>
                  <span className="mon-drill-figures">
                    <span>
                      {t('dashboard.col.target')} {formatCount(s.target)}
                    </span>
                    <span>
                      {t('dashboard.col.achieved')} {formatCount(s.achieved)} ({formatRate(s.rate)})
                    </span>
                    <span>
                      {t('dashboard.col.forecast')} {formatCount(s.forecast)}
                    </span>
                    <PaceBadge status={s.paceStatus} />
                  </span>
                </button>
              </h3>
              <div id={panelId} hidden={!open} className="mon-drill-panel">
                {open && (
                  <div className="krds-table-wrap mon-table-wrap">
                    <table className="tbl col data mon-table mon-stack mon-drill-programs">
                      <caption>{t('dashboard.drill.programsCaption', { name: labelOf(s, locale) })}</caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('dashboard.col.program')}</th>
                          <th scope="col">{t('dashboard.col.unit')}</th>
                          <th scope="col" className="num">
                            {t('dashboard.col.target')}
                          </th>
                          <th scope="col" className="num">
                            {t('dashboard.col.achieved')}
                          </th>
                          <th scope="col" className="num">
                            {t('dashboard.col.rate')}
                          </th>
                          <th scope="col" className="num">
                            {t('dashboard.col.pace')}
                          </th>
                          <th scope="col" className="num">
                            {t('dashboard.col.forecast')}
                          </th>
                          <th scope="col">{t('dashboard.col.months')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {programs.map((p) => {
                          const key = String(p.id);
                          const monthsOpen = openPrograms.has(key);
                          const monthsId = `drill-program-${p.id}`;
                          return (
                            <Fragment key={p.id}>
                              <tr>
                                <th scope="row">
                                  <Link to={`/programs/${p.id}/results`}>{p.name}</Link>
                                  {p.illustrative && (
                                    <span className="cell-sub">{t('dashboard.illustrativeMark')}</span>
                                  )}
                                </th>
                                <td data-label={t('dashboard.col.unit')}>
                                  {unitNameOf(p, dashboard.byUnit, locale)}
                                </td>
                                <td data-label={t('dashboard.col.target')} className="num">
                                  {formatCount(p.target)}
                                </td>
                                <td data-label={t('dashboard.col.achieved')} className="num">
                                  {formatCount(p.achieved)}
                                </td>
                                <td data-label={t('dashboard.col.rate')} className="num">
                                  {formatRate(p.rate)}
                                </td>
                                <td data-label={t('dashboard.col.pace')} className="num">
                                  <PaceBadge status={p.paceStatus} />
                                </td>
                                <td data-label={t('dashboard.col.forecast')} className="num">
                                  {formatCount(p.forecast)}
                                </td>
                                <td data-label={t('dashboard.col.months')}>
                                  <button
                                    type="button"
                                    className="krds-btn xsmall secondary"
                                    aria-expanded={monthsOpen}
                                    aria-controls={monthsId}
                                    onClick={() => setOpenPrograms((set) => toggled(set, key))}
                                    data-testid={`drill-program-${p.id}`}
                                  >
                                    {monthsOpen
                                      ? t('dashboard.drill.hideMonths')
                                      : t('dashboard.drill.showMonths')}
                                    <span className="sr-only"> ({p.name})</span>
                                  </button>
                                </td>
                              </tr>
                              <tr
                                id={monthsId}
                                hidden={!monthsOpen}
                                className="mon-drill-months-row mon-stack-detail"
                              >
                                <td colSpan={8} className="mon-stack-full">
                                  {monthsOpen && (
                                    <MonthTable program={p} lastClosedMonth={dashboard.lastClosedMonth} />
                                  )}
                                </td>
                              </tr>
                            </Fragment>
                          );
                        })}
                      </tbody>
                    </table>
                  </div>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
