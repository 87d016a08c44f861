import type { Program } from '@ilteo/shared';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useOrganisation } from '../../api/queries';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { NOT_FOUND_ERROR, usePlan } from '../../features/plan/api';
import { PlanStatusBadge } from '../../features/plan/badges';
import { ExportLinks } from '../../features/plan/ExportLinks';
import { ImportModal } from '../../features/plan/ImportModal';
import { PlanFormModal } from '../../features/plan/PlanFormModal';
import { PlanHeadline } from '../../features/plan/PlanHeadline';
import { PlanTree } from '../../features/plan/PlanTree';
import { ProgramFormModal } from '../../features/plan/ProgramFormModal';
import { PublishModal } from '../../features/plan/PublishModal';
import { liveTotals, type ProgramDraft } from '../../features/plan/programForm';
import { usePlanAbilities } from '../../features/plan/usePlanRole';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import '../../features/plan/plan.css';

type Dialog =
  | { kind: 'program'; program: Program | null; strategyId: number }
  | { kind: 'plan' }
  | { kind: 'publish' }
  | { kind: 'import' }
  | null;

/** Reads a positive whole id from a route parameter (0 when it is not one). */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  return Number.isInteger(id) && id > 0 ? id : 0;
}

/** The plan as a tree, edited in place by planners and read by everyone else who may see it. */
export function PlanPage() {
  const { locale, t } = useI18n();
  const planId = idParam(useParams().id);
  const plan = usePlan(planId);
  const can = usePlanAbilities();
  const units = useOrganisation().data?.units ?? [];
  const [dialog, setDialog] = useState<Dialog>(null);
  const [draft, setDraft] = useState<ProgramDraft | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!planId) {
    return (
      <>
        <PageHeading>{t('plan.detail.title')}</PageHeading>
        <ErrorNotice error={NOT_FOUND_ERROR} />
      </>
    );
  }
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    return (
      <>
        <PageHeading>{t('plan.detail.title')}</PageHeading>
        <ErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  }
  const data = plan.data;
  const totals = liveTotals(data, draft);
  const programs = data.strategies.flatMap((s) => s.programs);
  const illustrative = programs.some((p) => p.illustrative);
  const open = (next: Dialog) => {
    setDone(null);
    setDialog(next);
  };

  return (
    <>
      <PageHeading title={data.title}>{data.title}</PageHeading>
      <div className="plan-meta">
        <PlanStatusBadge status={data.status} />
        <span>{t('plan.detail.year', { year: data.year })}</span>
        {data.publishedAt && data.status === 'published' && (
          <span className="muted">
            {t('plan.detail.publishedAt', { date: formatDate(data.publishedAt, locale) })}
          </span>
        )}
      </div>

      <nav className="plan-links" aria-label={t('plan.detail.links')}>
        <ul>
          <li>
            <Link className="krds-btn small secondary" to={`/plans/${data.id}/results`}>
              {can.review
                ? t('plan.links.review')
                : can.report
                  ? t('plan.links.report')
                  : t('plan.links.results')}
            </Link>
          </li>
          <li>
            <Link className="krds-btn small secondary" to={`/plans/${data.id}/opinions`}>
              {t('plan.links.opinions')}
            </Link>
          </li>
          <li>
            <Link className="krds-btn small secondary" to={`/plans/${data.id}/dashboard`}>
              {t('plan.links.dashboard')}
            </Link>
          </li>
        </ul>
        <ExportLinks planId={data.id} title={data.title} />
      </nav>

      {can.manage && (
        <div className="btn-row plan-actions">
          <button type="button" className="krds-btn small tertiary" onClick={() => open({ kind: 'plan' })}>
            {t('plan.edit.open')}
          </button>
          <button type="button" className="krds-btn small tertiary" onClick={() => open({ kind: 'publish' })}>
            {data.status === 'published' ? t('plan.unpublish.open') : t('plan.publish.open')}
          </button>
          <button type="button" className="krds-btn small tertiary" onClick={() => open({ kind: 'import' })}>
            {t('plan.import.replaceOpen')}
          </button>
        </div>
      )}

      {done && (
        <Notice tone="success" live>
          {done}
        </Notice>
      )}
      {can.ownUnitsOnly && <Notice>{t('plan.detail.reporterNote')}</Notice>}
      {!can.manage && !can.ownUnitsOnly && <Notice>{t('plan.detail.readOnly')}</Notice>}

      <PlanHeadline plan={data} totals={totals} ownUnitsOnly={can.ownUnitsOnly} />
      {illustrative && (
        <p className="illustrative-note" data-testid="illustrative-note">
          {t('plan.illustrative.note')}
        </p>
      )}

      <section className="section" aria-labelledby="plan-tree-title">
        <h2 id="plan-tree-title" className="section-title">
          {t('plan.tree.title')}
        </h2>
        <PlanTree
          plan={data}
          can={can}
          onEditProgram={(program) => open({ kind: 'program', program, strategyId: program.strategyId })}
          onAddProgram={(strategyId) => open({ kind: 'program', program: null, strategyId })}
        />
      </section>

      {dialog?.kind === 'program' && (
        <ProgramFormModal
          plan={data}
          program={dialog.program}
          strategyId={dialog.strategyId}
          units={units}
          onDraft={setDraft}
          onClose={() => setDialog(null)}
          onSaved={(name, created) => {
            setDialog(null);
            setDone(t(created ? 'plan.program.added' : 'plan.program.saved', { name }));
          }}
        />
      )}
      {dialog?.kind === 'plan' && (
        <PlanFormModal
          plan={data}
          defaultYear={data.year}
          onClose={() => setDialog(null)}
          onSaved={() => {
            setDialog(null);
            setDone(t('plan.edit.saved'));
          }}
        />
      )}
      {dialog?.kind === 'publish' && (
        <PublishModal
          plan={data}
          onClose={() => setDialog(null)}
          onDone={(published) => {
            setDialog(null);
            setDone(t(published ? 'plan.publish.done' : 'plan.unpublish.done', { title: data.title }));
          }}
        />
      )}
      {dialog?.kind === 'import' && (
        <ImportModal
          plan={data}
          defaultYear={data.year}
          onClose={() => setDialog(null)}
          onImported={() => {
            setDialog(null);
            setDone(t('plan.import.replaced'));
          }}
        />
      )}
    </>
  );
}
