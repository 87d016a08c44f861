import type { Dashboard } from '@ilteo/shared';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useI18n } from '../../i18n/I18nProvider';
import { formatChangeValue, formatCount, formatRate, formatRateValue, monthName, NO_FIGURE } from './figures';
import { HoverTip, PaceBadge } from './widgets';

/** A figure with its unit beside it, so the element under `testId` holds the number alone. */
function Figure({
  value,
  raw,
  unit,
  testId,
}: {
  value: string;
  raw: number | null;
  unit?: string;
  testId?: string;
}) {
  return (
    <p className="mon-stat-value">
      <span data-testid={testId} data-value={raw ?? ''}>
        {value}
      </span>
      {unit && value !== NO_FIGURE && <span className="mon-stat-unit">{unit}</span>}
    </p>
  );
}

function Card({ label, children, className }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <li className={className ? `mon-stat ${className}` : 'mon-stat'}>
      <p className="mon-stat-label">{label}</p>
      {children}
    </li>
  );
}

/**
 * The headline figures, each exactly as the API gives it. `showYearOnYear` is off for a
 * reporter, whose target is their units' share while the previous year's is the whole plan's.
 */
export function SummaryCards({
  dashboard,
  planId,
  showYearOnYear,
  canReview,
}: {
  dashboard: Dashboard;
  planId: number;
  showYearOnYear: boolean;
  canReview: boolean;
}) {
  const { locale, t } = useI18n();
  const s = dashboard.summary;
  const closed = dashboard.lastClosedMonth;
  // The pace compares results up to the last closed month, which is the monthly cumulative figure there.
  const actualToDate = closed >= 1 ? (dashboard.monthly[closed - 1]?.cumulativeActual ?? 0) : 0;
  const jobs = t('dashboard.unit.jobs');
  const closedLabel =
    closed >= 1 ? t('dashboard.upTo', { month: monthName(closed, locale) }) : t('dashboard.noClosedMonth');

  return (
    <section className="section" aria-labelledby="dash-summary-title">
      <h2 id="dash-summary-title" className="section-title">
        {t('dashboard.summary.title')}
      </h2>
      <ul className="mon-stat-grid" data-testid="dashboard-summary">
        <Card label={t('dashboard.summary.target')}>
          <Figure
            value={formatCount(s.targetTotal)}
            raw={s.targetTotal}
            unit={jobs}
            testId="summary-target"
          />
          <p className="mon-stat-sub">
            {t('dashboard.summary.programCount', { count: formatCount(s.programCount) })}
          </p>
        </Card>

        {showYearOnYear && (
          <Card label={t('dashboard.summary.change')}>
            <Figure
              value={formatChangeValue(s.targetChangePct)}
              raw={s.targetChangePct}
              unit="%"
              testId="summary-change"
            />
            <p className="mon-stat-sub">
              {s.previousYearTarget === null
                ? t('dashboard.summary.noPrevious')
                : t('dashboard.summary.previous', { value: formatCount(s.previousYearTarget) })}
            </p>
          </Card>
        )}

        <Card label={t('dashboard.summary.achieved')}>
          <Figure
            value={formatCount(s.achievedTotal)}
            raw={s.achievedTotal}
            unit={jobs}
            testId="summary-achieved"
          />
          <p className="mon-stat-sub">{t('dashboard.summary.achievedNote')}</p>
        </Card>

        <Card label={t('dashboard.summary.rate')}>
          <Figure
            value={formatRateValue(s.achievementRate)}
            raw={s.achievementRate}
            unit="%"
            testId="summary-rate"
          />
          <div className="mon-stat-bar" aria-hidden="true">
            <span style={{ width: `${Math.min(100, s.achievementRate ?? 0)}%` }} />
          </div>
        </Card>

        <Card label={t('dashboard.summary.pace', { period: closedLabel })} className="mon-stat-pace">
          <p className="mon-stat-value">
            <span data-testid="summary-pace" data-value={s.paceRatio ?? ''}>
              {formatRateValue(s.paceRatio)}
            </span>
            {s.paceRatio !== null && <span className="mon-stat-unit">%</span>}
            <PaceBadge status={s.paceStatus} testId="pace-status" />
          </p>
          <p className="mon-stat-sub">
            {t('dashboard.summary.expectedVsActual', {
              expected: formatCount(s.expectedToDate),
              actual: formatCount(actualToDate),
            })}
          </p>
          <p className="mon-stat-sub">
            {t('dashboard.summary.thresholds', {
              behind: formatCount(dashboard.thresholds.behindBelow),
              ahead: formatCount(dashboard.thresholds.aheadAbove),
            })}
          </p>
        </Card>

        <li className="mon-stat mon-stat-forecast">
          <HoverTip
            buttonLabel={t('dashboard.forecast.how')}
            tip={
              <>
                <p className="mon-tip-title">{t('dashboard.forecast.methodTitle')}</p>
                <p className="mon-tip-formula">{t('dashboard.forecast.formula')}</p>
                <p>{t('dashboard.forecast.method1')}</p>
                <p>{t('dashboard.forecast.method2')}</p>
                <p>{t('dashboard.forecast.method3')}</p>
              </>
            }
          >
            <p className="mon-stat-label">{t('dashboard.summary.forecast')}</p>
            <Figure value={formatCount(s.forecast)} raw={s.forecast} unit={jobs} testId="summary-forecast" />
            <p className="mon-stat-sub">
              {t('dashboard.summary.forecastRate', { rate: formatRate(s.forecastRate) })}
            </p>
          </HoverTip>
        </li>

        <li className="mon-stat mon-stat-checks">
          <p className="mon-stat-label">{t('dashboard.summary.checks')}</p>
          <dl className="mon-checks">
            <div>
              <dt>
                <a href="#lagging">{t('dashboard.summary.behind')}</a>
              </dt>
              <dd>
                <span data-testid="summary-behind" data-value={s.programsBehind}>
                  {formatCount(s.programsBehind)}
                </span>
                <span className="mon-stat-unit">
                  {t('dashboard.summary.ofPrograms', { count: formatCount(s.programCount) })}
                </span>
              </dd>
            </div>
            <div>
              <dt>
                <a href="#missing">
                  {closed >= 1
                    ? t('dashboard.summary.missing', { month: monthName(closed, locale) })
                    : t('dashboard.summary.missingNone')}
                </a>
              </dt>
              <dd>
                <span data-testid="summary-missing" data-value={s.programsMissingReport}>
                  {formatCount(s.programsMissingReport)}
                </span>
                <span className="mon-stat-unit">{t('dashboard.unit.programs')}</span>
              </dd>
            </div>
            <div>
              <dt>
                {canReview ? (
                  <Link to={`/plans/${planId}/results`}>{t('dashboard.summary.pending')}</Link>
                ) : (
                  t('dashboard.summary.pending')
                )}
              </dt>
              <dd>
                <span data-testid="summary-pending" data-value={s.pendingReviews}>
                  {formatCount(s.pendingReviews)}
                </span>
                <span className="mon-stat-unit">{t('dashboard.unit.cases')}</span>
              </dd>
            </div>
          </dl>
        </li>
      </ul>
    </section>
  );
}
