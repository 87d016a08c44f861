import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading } from '../../components/status';
import { useUnitName } from '../../components/useOrgName';
import { NOT_FOUND_ERROR, useDashboard, usePlan } from '../../features/plan/api';
import { ResultStatusBadge } from '../../features/plan/badges';
import { formatRate, monthLabel } from '../../features/plan/numbers';
import { ReportTodoList, ReviewQueue } from '../../features/plan/ReviewQueue';
import { reportTodos, reviewQueue } from '../../features/plan/results';
import { usePlanAbilities } from '../../features/plan/usePlanRole';
import { formatDate, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { idParam } from './PlanPage';
import '../../features/plan/plan.css';

/**
 * The results workflow of a plan: the planner's review queue, what each program still has to
 * report as of the last closed month, and every program's state.
 */
export function PlanResultsPage() {
  const { locale, t } = useI18n();
  const planId = idParam(useParams().id);
  const plan = usePlan(planId);
  const dashboard = useDashboard(planId);
  const can = usePlanAbilities();
  const unitName = useUnitName();

  const title = can.review ? t('results.plan.titleReview') : t('results.plan.title');
  if (!planId) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <ErrorNotice error={NOT_FOUND_ERROR} />
      </>
    );
  }
  if (plan.isPending || dashboard.isPending) return <Loading />;
  if (plan.isError || dashboard.isError) {
    return (
      <>
        <PageHeading>{title}</PageHeading>
        <ErrorNotice
          error={plan.error ?? dashboard.error}
          onRetry={() => {
            void plan.refetch();
            void dashboard.refetch();
          }}
        />
      </>
    );
  }
  const d = dashboard.data;
  const queue = reviewQueue(d);
  const todos = reportTodos(d);
  const closed = d.lastClosedMonth;

  return (
    <>
      <PageHeading title={`${title} — ${plan.data.title}`}>{title}</PageHeading>
      <p className="back-link">
        <Link to={`/plans/${plan.data.id}`}>{t('results.backToPlan', { title: plan.data.title })}</Link>
      </p>
      <p className="lead">
        {t('results.plan.asOf', {
          date: formatDate(d.asOf, locale),
          month: closed > 0 ? monthLabel(closed, locale) : t('results.plan.noneClosed'),
        })}
      </p>

      {can.review && (
        <section className="section" aria-labelledby="queue-title">
          <h2 id="queue-title" className="section-title">
            {t('results.queue.title')} <span className="count-badge">{formatNumber(queue.length)}</span>
          </h2>
          <ReviewQueue planId={plan.data.id} items={queue} />
        </section>
      )}

      <section className="section" aria-labelledby="todo-title">
        <h2 id="todo-title" className="section-title">
          {can.ownUnitsOnly ? t('results.todo.titleOwn') : t('results.todo.title')}{' '}
          <span className="count-badge">{formatNumber(todos.length)}</span>
        </h2>
        <ReportTodoList planId={plan.data.id} todos={todos} lastClosedMonth={closed} canReport={can.report} />
      </section>

      <section className="section" aria-labelledby="programs-title">
        <h2 id="programs-title" className="section-title">
          {can.ownUnitsOnly ? t('results.programs.titleOwn') : t('results.programs.title')}
        </h2>
        <div className="krds-table-wrap stack-wrap">
          <table className="tbl col data stack-table" data-testid="program-status-table">
            <caption>{t('results.programs.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.queue.program')}</th>
                <th scope="col">
                  {t('results.programs.lastMonth', { month: closed > 0 ? monthLabel(closed, locale) : '—' })}
                </th>
                <th scope="col">{t('results.programs.pending')}</th>
                <th scope="col">{t('results.programs.achieved')}</th>
                <th scope="col">{t('results.figures.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {d.programs.map((p) => {
                const last = closed > 0 ? p.months[closed - 1] : undefined;
                return (
                  <tr key={p.id}>
                    <th scope="row" data-label={t('results.queue.program')}>
                      <Link to={`/programs/${p.id}/results?plan=${plan.data.id}`}>{p.name}</Link>
                      <span className="cell-sub">{unitName({ id: p.unitId, name: p.unitName })}</span>
                    </th>
                    <td
                      data-label={t('results.programs.lastMonth', {
                        month: closed > 0 ? monthLabel(closed, locale) : '—',
                      })}
                    >
                      {last ? <ResultStatusBadge status={last.status} /> : '—'}
                    </td>
                    <td data-label={t('results.programs.pending')} className="num">
                      {formatNumber(p.pendingMonths)}
                    </td>
                    <td data-label={t('results.programs.achieved')} className="num">
                      {formatNumber(p.achieved)} / {formatNumber(p.target)}
                    </td>
                    <td data-label={t('results.figures.rate')} className="num">
                      {formatRate(p.rate)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
