import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useSession } from '../../api/queries';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundPage } from '../../routes/NotFoundPage';
import { asOfFrom, EXPORT_FORMATS, exportUrl, useDashboard, useMonitoredPlan } from './api';
import { BreakdownTabs } from './BreakdownTables';
import { DashboardCharts } from './DashboardCharts';
import { DrillDown } from './DrillDown';
import { monthName } from './figures';
import { LaggingList, MissingList } from './ProgramLists';
import { SummaryCards } from './SummaryCards';
import './monitoring.css';

/** The as-of date: a date field in the URL (`?asOf=`), empty meaning the server's default. */
function AsOfForm({
  value,
  shownAsOf,
  year,
  onApply,
}: {
  value: string | undefined;
  shownAsOf: string;
  year: number;
  onApply: (asOf: string | undefined) => void;
}) {
  const t = useI18n().t;
  const [draft, setDraft] = useState(value ?? shownAsOf);
  useEffect(() => setDraft(value ?? shownAsOf), [value, shownAsOf]);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft || undefined);
  };
  return (
    <form className="mon-asof-form" onSubmit={onSubmit} aria-label={t('dashboard.asOf.label')}>
      <div className="form-group">
        <div className="form-tit">
          <label htmlFor="dashboard-asof">{t('dashboard.asOf.label')}</label>
        </div>
        <div className="form-conts">
          <input
            id="dashboard-asof"
            className="krds-input"
            type="date"
            value={draft}
            min={`${year}-01-01`}
            max={`${year + 1}-12-31`}
            onChange={(e) => setDraft(e.target.value)}
            aria-describedby="dashboard-asof-hint"
          />
        </div>
      </div>
      <div className="mon-asof-actions">
        <button type="submit" className="krds-btn medium primary">
          {t('dashboard.asOf.apply')}
        </button>
        {value && (
          <button type="button" className="krds-btn medium tertiary" onClick={() => onApply(undefined)}>
            {t('dashboard.asOf.reset')}
          </button>
        )}
      </div>
      <p className="form-hint mon-asof-hint" id="dashboard-asof-hint">
        {t('dashboard.asOf.hint')}
      </p>
    </form>
  );
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** 연중 점검: a plan's monitoring dashboard as of a date, for the back office. */
export function DashboardPage() {
  const { locale, t } = useI18n();
  const planId = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const asOf = asOfFrom(params.get('asOf'));
  const session = useSession();
  const role = session.data?.user?.role;
  const plan = useMonitoredPlan(planId);
  const dashboard = useDashboard(planId, asOf);
  const d = dashboard.data;

  const onApply = (next: string | undefined) => {
    const search = new URLSearchParams(params);
    if (next) search.set('asOf', next);
    else search.delete('asOf');
    setParams(search, { replace: true });
  };

  if (!Number.isInteger(planId) || planId <= 0) return <NotFoundPage />;
  const heading = t('dashboard.title');
  const isReporter = role === 'reporter';
  const illustrative = d?.programs.some((p) => p.illustrative) ?? false;

  return (
    <div className="mon-dashboard">
      <PageHeading title={plan.data ? `${heading} — ${plan.data.title}` : heading}>{heading}</PageHeading>
      {plan.data && (
        <p className="lead">
          {plan.data.title}
          <span className="mon-lead-meta">
            {plan.data.organisation.name} ·{' '}
            {plan.data.status === 'published' ? t('dashboard.published') : t('dashboard.draft')}
          </span>
        </p>
      )}

      {dashboard.isError &&
        (isNotFound(dashboard.error) ? (
          <Notice tone="danger" title={t('dashboard.notFound')}>
            <p>
              <Link to="/plans" className="krds-btn small secondary">
                {t('dashboard.toPlans')}
              </Link>
            </p>
          </Notice>
        ) : (
          <ErrorNotice error={dashboard.error} onRetry={() => void dashboard.refetch()} />
        ))}
      {dashboard.isPending && !dashboard.isError && <Loading />}

      {d && (
        <div aria-busy={dashboard.isFetching}>
          <div className="mon-toolbar">
            <AsOfForm value={asOf} shownAsOf={d.asOf} year={d.year} onApply={onApply} />
            <div className="mon-asof-status" aria-live="polite" data-testid="dashboard-asof">
              <p>
                <strong>{t('dashboard.asOf.shown', { date: formatDate(d.asOf, locale) })}</strong>
              </p>
              <p className="muted">
                {d.lastClosedMonth >= 1
                  ? t('dashboard.asOf.closed', { month: monthName(d.lastClosedMonth, locale) })
                  : t('dashboard.asOf.noneClosed')}
              </p>
            </div>
            <nav className="mon-export-links" aria-label={t('dashboard.export.label')}>
              <p className="mon-export-title">{t('dashboard.export.label')}</p>
              <ul>
                {EXPORT_FORMATS.map((format) => (
                  <li key={format}>
                    <a className="krds-btn small secondary" href={exportUrl(planId, format, asOf)} download>
                      {t(`dashboard.export.${format}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>

          {isReporter && <Notice>{t('dashboard.reporterScope')}</Notice>}
          {illustrative && (
            <Notice tone="warning">
              <p data-testid="illustrative-note">{t('dashboard.illustrative')}</p>
            </Notice>
          )}

          <SummaryCards
            dashboard={d}
            planId={planId}
            showYearOnYear={!isReporter}
            canReview={role === 'admin' || role === 'planner'}
          />
          <DashboardCharts dashboard={d} />
          <div className="mon-list-grid">
            <LaggingList dashboard={d} />
            <MissingList dashboard={d} />
          </div>
          <BreakdownTabs dashboard={d} />
          <DrillDown dashboard={d} />
        </div>
      )}
    </div>
  );
}
