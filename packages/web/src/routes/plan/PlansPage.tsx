import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/status';
import { type PlanSummary, usePlans } from '../../features/plan/api';
import { PlanStatusBadge } from '../../features/plan/badges';
import { CopyPlanModal } from '../../features/plan/CopyPlanModal';
import { ExportLinks } from '../../features/plan/ExportLinks';
import { ImportModal } from '../../features/plan/ImportModal';
import { changePct, formatChange, formatCount } from '../../features/plan/numbers';
import { PlanFormModal } from '../../features/plan/PlanFormModal';
import { PublishModal } from '../../features/plan/PublishModal';
import { usePlanAbilities } from '../../features/plan/usePlanRole';
import { formatDate, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import '../../features/plan/plan.css';

type Dialog =
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'copy'; plan: PlanSummary }
  | { kind: 'publish'; plan: PlanSummary }
  | null;

/** The organisation's jobs plans, one per year: create, import, copy, publish, export. */
export function PlansPage() {
  const { locale, t } = useI18n();
  const plans = usePlans();
  const can = usePlanAbilities();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<string | null>(null);
  const newest = plans.data?.[0]?.year;
  const nextYear = newest ? newest + 1 : new Date().getFullYear();
  const open = (next: Dialog) => {
    setDone(null);
    setDialog(next);
  };

  return (
    <>
      <PageHeading>{t('plan.list.title')}</PageHeading>
      <p className="lead">{can.ownUnitsOnly ? t('plan.list.leadReporter') : t('plan.list.lead')}</p>

      {can.manage && (
        <div className="toolbar plan-toolbar">
          <p className="result-count" aria-live="polite">
            {plans.data ? t('plan.list.count', { n: plans.data.length }) : ''}
          </p>
          <div className="btn-row">
            <button
              type="button"
              className="krds-btn medium primary"
              onClick={() => open({ kind: 'create' })}
            >
              {t('plan.create.open')}
            </button>
            <button
              type="button"
              className="krds-btn medium secondary"
              onClick={() => open({ kind: 'import' })}
            >
              {t('plan.import.open')}
            </button>
          </div>
        </div>
      )}

      {done && (
        <Notice tone="success" live>
          {done}
        </Notice>
      )}
      {plans.isError && <ErrorNotice error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isPending && <Loading />}
      {plans.data && plans.data.length === 0 && (
        <div className="empty-plans" data-testid="plans-empty">
          <EmptyState>{can.manage ? t('plan.list.emptyManage') : t('plan.list.empty')}</EmptyState>
        </div>
      )}
      {plans.data && plans.data.length > 0 && (
        <div className="krds-table-wrap stack-wrap">
          <table className="tbl col data stack-table plans-table" data-testid="plans-table">
            <caption>{t('plan.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plan.col.year')}</th>
                <th scope="col">{t('plan.col.title')}</th>
                <th scope="col">{t('plan.col.status')}</th>
                <th scope="col">{t('plan.col.target')}</th>
                <th scope="col">{t('plan.col.previous')}</th>
                <th scope="col">{t('plan.col.programs')}</th>
                <th scope="col">{t('plan.col.updatedAt')}</th>
                <th scope="col">{t('plan.col.export')}</th>
                {can.manage && <th scope="col">{t('plan.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {plans.data.map((plan) => (
                <tr key={plan.id} data-testid={`plan-row-${plan.id}`}>
                  <td data-label={t('plan.col.year')}>{plan.year}</td>
                  <th scope="row" data-label={t('plan.col.title')}>
                    <Link to={`/plans/${plan.id}`}>{plan.title}</Link>
                  </th>
                  <td data-label={t('plan.col.status')}>
                    <PlanStatusBadge status={plan.status} />
                  </td>
                  <td data-label={t('plan.col.target')} className="num">
                    {formatCount(plan.targetTotal, locale)}
                  </td>
                  <td data-label={t('plan.col.previous')} className="num">
                    {plan.previousYearTarget === null ? '—' : formatNumber(plan.previousYearTarget)}
                    {plan.previousYearTarget !== null && (
                      <span className="cell-sub">
                        {t('plan.col.change', {
                          change: formatChange(changePct(plan.targetTotal, plan.previousYearTarget)),
                        })}
                      </span>
                    )}
                  </td>
                  <td data-label={t('plan.col.programs')} className="num">
                    {formatNumber(plan.programCount)}
                  </td>
                  <td data-label={t('plan.col.updatedAt')} className="date">
                    {formatDate(plan.updatedAt, locale)}
                  </td>
                  <td data-label={t('plan.col.export')}>
                    <ExportLinks planId={plan.id} title={plan.title} compact />
                  </td>
                  {can.manage && (
                    <td data-label={t('plan.col.actions')}>
                      <div className="row-actions">
                        <button
                          type="button"
                          className="krds-btn xsmall secondary"
                          aria-label={t('plan.copy.openOf', { title: plan.title })}
                          onClick={() => open({ kind: 'copy', plan })}
                        >
                          {t('plan.copy.open')}
                        </button>
                        <button
                          type="button"
                          className="krds-btn xsmall tertiary"
                          aria-label={t(
                            plan.status === 'published' ? 'plan.unpublish.openOf' : 'plan.publish.openOf',
                            {
                              title: plan.title,
                            },
                          )}
                          onClick={() => open({ kind: 'publish', plan })}
                        >
                          {plan.status === 'published' ? t('plan.unpublish.open') : t('plan.publish.open')}
                        </button>
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {dialog?.kind === 'create' && (
        <PlanFormModal
          plan={null}
          defaultYear={nextYear}
          onClose={() => setDialog(null)}
          onSaved={(plan) => navigate(`/plans/${plan.id}`)}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportModal
          defaultYear={nextYear}
          onClose={() => setDialog(null)}
          onImported={(plan) => navigate(`/plans/${plan.id}`)}
        />
      )}
      {dialog?.kind === 'copy' && (
        <CopyPlanModal
          plan={dialog.plan}
          onClose={() => setDialog(null)}
          onCopied={(plan) => navigate(`/plans/${plan.id}`)}
        />
      )}
      {dialog?.kind === 'publish' && (
        <PublishModal
          plan={dialog.plan}
          onClose={() => setDialog(null)}
          onDone={(published) => {
            setDialog(null);
            setDone(
              t(published ? 'plan.publish.done' : 'plan.unpublish.done', {
                title: dialog.plan.title,
              }),
            );
          }}
        />
      )}
    </>
  );
}
