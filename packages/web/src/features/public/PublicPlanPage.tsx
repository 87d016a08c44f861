import { JOB_TYPE_LABELS, type PublicPlan, TARGET_GROUP_LABELS } from '@ilteo/shared';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useSession } from '../../api/queries';
import { ChartFigure } from '../../components/charts/Chart';
import { barsHeight, compareBarsOption } from '../../components/charts/options';
import { useCompact } from '../../components/charts/useCompact';
import { rolesFor } from '../../components/nav';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { NotFoundPage } from '../../routes/NotFoundPage';
import {
  formatChangeValue,
  formatCount,
  formatRate,
  formatRateValue,
  monthName,
  NO_FIGURE,
} from '../monitoring/figures';
import { REPORT_FORMATS, reportUrl, usePublicPlan } from './api';
import { monthlyApproved, monthlyBarsOption, publicStrategyRows } from './charts';
import { OpinionsSection } from './OpinionsSection';
import '../monitoring/monitoring.css';
import './public.css';

function Stat({
  label,
  value,
  unit,
  testId,
  sub,
}: {
  label: string;
  value: string;
  unit?: string;
  testId: string;
  sub?: string;
}) {
  return (
    <li className="mon-stat">
      <p className="mon-stat-label">{label}</p>
      <p className="mon-stat-value">
        <span data-testid={testId}>{value}</span>
        {unit && value !== NO_FIGURE && <span className="mon-stat-unit">{unit}</span>}
      </p>
      {sub && <p className="mon-stat-sub">{sub}</p>}
    </li>
  );
}

function Summary({ plan }: { plan: PublicPlan }) {
  const { locale, t } = useI18n();
  const s = plan.summary;
  const jobs = t('dashboard.unit.jobs');
  return (
    <section className="section" aria-labelledby="public-summary-title">
      <h2 id="public-summary-title" className="section-title">
        {t('public.plan.summary')}
      </h2>
      <ul className="mon-stat-grid pub-stats" data-testid="public-summary">
        <Stat
          label={t('public.plan.target')}
          value={formatCount(s.targetTotal)}
          unit={jobs}
          testId="public-target"
        />
        <Stat
          label={t('public.plan.change')}
          value={formatChangeValue(s.targetChangePct)}
          unit="%"
          testId="public-change"
          sub={
            s.previousYearTarget === null
              ? t('dashboard.summary.noPrevious')
              : t('dashboard.summary.previous', { value: formatCount(s.previousYearTarget) })
          }
        />
        <Stat
          label={t('public.plan.achieved')}
          value={formatCount(s.achievedTotal)}
          unit={jobs}
          testId="public-achieved"
          sub={
            s.lastReportedMonth >= 1
              ? t('public.plan.lastReported', { month: monthName(s.lastReportedMonth, locale) })
              : t('public.plan.noneReported')
          }
        />
        <Stat
          label={t('public.plan.rate')}
          value={formatRateValue(s.achievementRate)}
          unit="%"
          testId="public-rate"
        />
      </ul>
      <Notice>
        <p data-testid="approved-only-note">{t('public.approvedOnly')}</p>
      </Notice>
    </section>
  );
}

function Charts({ plan }: { plan: PublicPlan }) {
  const { locale, t } = useI18n();
  const compact = useCompact();
  const months = useMemo(() => monthlyApproved(plan), [plan]);
  const strategies = useMemo(() => publicStrategyRows(plan), [plan]);
  const text = useMemo(
    () => ({
      target: t('chart.target'),
      achieved: t('chart.achievedApproved'),
      rate: t('chart.rate'),
      count: formatCount,
      percent: formatRate,
    }),
    [t],
  );
  const monthly = useMemo(
    () =>
      monthlyBarsOption(
        months,
        { ...text, month: (m: number) => monthName(m, locale), monthly: t('chart.monthlyApproved') },
        compact,
      ),
    [months, text, t, locale, compact],
  );
  const byStrategy = useMemo(() => compareBarsOption(strategies, text, compact), [strategies, text, compact]);
  const reported = months.filter((m) => m !== null) as number[];
  return (
    <section className="section" aria-labelledby="public-charts-title">
      <h2 id="public-charts-title" className="section-title">
        {t('public.plan.charts')}
      </h2>
      <div className="mon-chart-grid">
        <ChartFigure
          title={t('chart.monthlyApprovedTitle')}
          summary={t('chart.monthlyApprovedSummary', {
            months: reported.length,
            list: reported.map((v, i) => `${monthName(i + 1, locale)} ${formatCount(v)}`).join(', '),
          })}
          option={monthly}
          height={compact ? 240 : 300}
          testId="public-chart-monthly"
          table={{
            caption: t('chart.monthlyApprovedCaption'),
            columns: [t('chart.month'), t('chart.monthlyApproved')],
            rows: months.map((v, i) => ({
              key: String(i + 1),
              label: monthName(i + 1, locale),
              cells: [formatCount(v)],
            })),
          }}
        />
        <ChartFigure
          title={t('chart.byStrategyTitle')}
          summary={t('chart.publicStrategySummary', {
            list: strategies
              .map((r) => `${r.label}: ${formatCount(r.achieved)} / ${formatCount(r.target)}`)
              .join(', '),
          })}
          option={byStrategy}
          height={barsHeight(strategies.length)}
          testId="public-chart-by-strategy"
          table={{
            caption: t('chart.byStrategyCaption'),
            columns: [t('dashboard.col.strategy'), t('chart.target'), t('chart.achievedApproved')],
            rows: strategies.map((r) => ({
              key: r.key,
              label: r.label,
              cells: [formatCount(r.target), formatCount(r.achieved)],
            })),
          }}
        />
      </div>
    </section>
  );
}

function Strategies({ plan }: { plan: PublicPlan }) {
  const { locale, t } = useI18n();
  const illustrative = plan.strategies.some((s) => s.programs.some((p) => p.illustrative));
  return (
    <section className="section" aria-labelledby="public-strategies-title">
      <h2 id="public-strategies-title" className="section-title">
        {t('public.plan.strategies')}
      </h2>
      {illustrative && <Notice tone="warning">{t('dashboard.illustrative')}</Notice>}
      <ol className="pub-strategy-list">
        {plan.strategies.map((s, index) => (
          <li key={s.id} className="pub-strategy" data-testid={`public-strategy-${s.id}`}>
            <h3 className="pub-strategy-title">
              <span className="pub-strategy-no">{index + 1}</span>
              {s.name}
            </h3>
            <p className="pub-strategy-figures">
              {t('public.plan.strategyFigures', {
                target: formatCount(s.target),
                achieved: formatCount(s.achieved),
              })}
            </p>
            <div className="krds-table-wrap mon-table-wrap">
              <table className="tbl col data mon-table mon-stack pub-programs">
                <caption className="sr-only">{t('public.plan.programsCaption', { name: s.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.col.program')}</th>
                    <th scope="col">{t('public.col.owner')}</th>
                    <th scope="col">{t('public.col.groups')}</th>
                    <th scope="col" className="num">
                      {t('dashboard.col.target')}
                    </th>
                    <th scope="col" className="num">
                      {t('public.col.achieved')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {s.programs.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        {p.name}
                        <span className="cell-sub">
                          {JOB_TYPE_LABELS[p.jobType][locale]}
                          {p.illustrative && ` · ${t('dashboard.illustrativeMark')}`}
                        </span>
                      </th>
                      <td data-label={t('public.col.owner')}>{p.ownerUnitName}</td>
                      <td data-label={t('public.col.groups')}>
                        {p.targetGroups.map((g) => TARGET_GROUP_LABELS[g][locale]).join(', ')}
                      </td>
                      <td data-label={t('dashboard.col.target')} className="num">
                        {formatCount(p.annualTarget)}
                      </td>
                      <td data-label={t('public.col.achieved')} className="num">
                        {formatCount(p.achieved)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** A published plan for citizens: vision, headline figures, charts, strategies, report and opinions. */
export function PublicPlanPage() {
  const { locale, t } = useI18n();
  const id = Number(useParams().id);
  const plan = usePublicPlan(id);
  const session = useSession();
  const user = session.data?.user ?? null;
  const p = plan.data;
  const staff =
    user && p && rolesFor('plans').includes(user.role) && user.organisation?.code === p.organisationCode;

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (plan.isError)
    return (
      <>
        <PageHeading>{t('public.plan.title')}</PageHeading>
        {plan.error instanceof ApiError && plan.error.status === 404 ? (
          <Notice tone="danger" title={t('public.plan.notFound')} />
        ) : (
          <ErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />
        )}
        <p>
          <Link to="/public/plans" className="krds-btn medium secondary">
            {t('public.plan.back')}
          </Link>
        </p>
      </>
    );
  if (!p) return <Loading />;

  return (
    <div className="pub-page">
      <PageHeading>{p.title}</PageHeading>
      <p className="pub-meta">
        <span>{p.organisationName}</span>
        <span>{t('public.plan.year', { year: p.year })}</span>
        {p.publishedAt && (
          <span>{t('public.plan.publishedAt', { date: formatDate(p.publishedAt, locale) })}</span>
        )}
      </p>
      {(p.vision || p.masterPlan) && (
        <div className="pub-vision">
          {p.vision && (
            <p>
              <span className="pub-vision-label">{t('public.plan.vision')}</span>
              <strong data-testid="public-vision">{p.vision}</strong>
            </p>
          )}
          {p.masterPlan && (
            <p>
              <span className="pub-vision-label">{t('public.plan.masterPlan')}</span>
              {p.masterPlan}
            </p>
          )}
        </div>
      )}
      {staff && (
        <p>
          <Link to={`/plans/${p.id}/dashboard`} className="krds-btn small secondary">
            {t('public.plan.toDashboard')}
          </Link>
        </p>
      )}

      <Summary plan={p} />

      <nav className="pub-report-links" aria-label={t('public.plan.report')}>
        <h2 className="pub-subtitle">{t('public.plan.report')}</h2>
        <ul>
          {REPORT_FORMATS.map((format) => (
            <li key={format}>
              <a className="krds-btn medium secondary" href={reportUrl(p.id, format)} download>
                {t(`dashboard.export.${format}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Charts plan={p} />
      <Strategies plan={p} />
      <OpinionsSection plan={p} />
      <p className="section">
        <Link to={`/public/rollup?year=${p.year}`} className="krds-btn medium tertiary">
          {t('public.plan.toRollup', { year: p.year })}
        </Link>
      </p>
    </div>
  );
}
