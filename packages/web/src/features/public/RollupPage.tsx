import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { formatCount, formatRate, NO_FIGURE } from '../monitoring/figures';
import { usePublicPlans, usePublicRollup } from './api';
import '../monitoring/monitoring.css';
import './public.css';

/** A year from the URL, within the range the API accepts. */
export function yearFrom(value: string | null): number | null {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

/** The roll-up of a year's published plans: target, approved results and rate per organisation, and the total. */
export function RollupPage() {
  const t = useI18n().t;
  const [params, setParams] = useSearchParams();
  const plans = usePublicPlans();
  const years = [...new Set((plans.data ?? []).map((p) => p.year))].sort((a, b) => b - a);
  const year = yearFrom(params.get('year')) ?? years[0] ?? null;
  const rollup = usePublicRollup(year);
  const [draft, setDraft] = useState(year === null ? '' : String(year));
  useEffect(() => setDraft(year === null ? '' : String(year)), [year]);
  const choices = year !== null && !years.includes(year) ? [year, ...years].sort((a, b) => b - a) : years;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft) setParams(new URLSearchParams({ year: draft }));
  };
  const r = rollup.data;

  return (
    <div className="pub-page">
      <PageHeading>
        {year === null ? t('public.rollup.title') : t('public.rollup.heading', { year })}
      </PageHeading>
      <p className="lead">{t('public.rollup.lead')}</p>
      <Notice>{t('public.approvedOnly')}</Notice>

      {choices.length > 0 && (
        <form className="pub-year-form" onSubmit={onSubmit}>
          <div className="form-group">
            <div className="form-tit">
              <label htmlFor="rollup-year">{t('public.rollup.year')}</label>
            </div>
            <div className="form-conts">
              <select
                id="rollup-year"
                className="krds-form-select completed"
                value={draft}
                onChange={(e) => setDraft(e.target.value)}
              >
                {choices.map((y) => (
                  <option key={y} value={y}>
                    {t('public.plan.year', { year: y })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <button type="submit" className="krds-btn medium primary">
            {t('public.rollup.show')}
          </button>
        </form>
      )}

      {(plans.isError || rollup.isError) && (
        <ErrorNotice
          error={rollup.error ?? plans.error}
          onRetry={() => void (rollup.isError ? rollup.refetch() : plans.refetch())}
        />
      )}
      {(plans.isPending || (year !== null && rollup.isPending)) && !rollup.isError && !plans.isError && (
        <Loading />
      )}
      {plans.data && year === null && <EmptyState>{t('public.list.empty')}</EmptyState>}

      {r &&
        (r.organisations.length === 0 ? (
          <EmptyState>{t('public.rollup.empty', { year: r.year })}</EmptyState>
        ) : (
          <div className="krds-table-wrap mon-table-wrap pub-rollup-wrap">
            <table className="tbl col data mon-table mon-stack pub-rollup-table" data-testid="rollup-table">
              <caption>{t('public.rollup.caption', { year: r.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('public.col.organisation')}</th>
                  <th scope="col" className="num">
                    {t('public.col.previousTarget')}
                  </th>
                  <th scope="col" className="num">
                    {t('dashboard.col.target')}
                  </th>
                  <th scope="col" className="num">
                    {t('public.col.achieved')}
                  </th>
                  <th scope="col" className="num">
                    {t('dashboard.col.rate')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.organisations.map((o) => (
                  <tr key={o.planId} data-key={o.organisationCode}>
                    <th scope="row">
                      <Link to={`/public/plans/${o.planId}`}>{o.organisationName}</Link>
                    </th>
                    <td data-label={t('public.col.previousTarget')} className="num">
                      {formatCount(o.previousYearTarget)}
                    </td>
                    <td data-label={t('dashboard.col.target')} className="num">
                      {formatCount(o.target)}
                    </td>
                    <td data-label={t('public.col.achieved')} className="num">
                      {formatCount(o.achieved)}
                    </td>
                    <td data-label={t('dashboard.col.rate')} className="num">
                      {formatRate(o.achievementRate)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr data-key="total">
                  <th scope="row">{t('public.rollup.total', { count: r.organisations.length })}</th>
                  <td data-label={t('public.col.previousTarget')} className="num pub-total-empty">
                    {NO_FIGURE}
                  </td>
                  <td data-label={t('dashboard.col.target')} className="num">
                    {formatCount(r.total.target)}
                  </td>
                  <td data-label={t('public.col.achieved')} className="num">
                    {formatCount(r.total.achieved)}
                  </td>
                  <td data-label={t('dashboard.col.rate')} className="num">
                    {formatRate(r.total.achievementRate)}
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        ))}
    </div>
  );
}
