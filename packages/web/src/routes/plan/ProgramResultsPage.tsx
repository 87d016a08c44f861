import { JOB_TYPE_LABELS } from '@ilteo/shared';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import {
  NOT_FOUND_ERROR,
  usePlan,
  usePlanIdOf,
  useProgramResults,
  useResultActions,
} from '../../features/plan/api';
import { MonthDialog } from '../../features/plan/MonthDialog';
import { formatCount, formatRate, monthLabel } from '../../features/plan/numbers';
import { type MonthAction, ResultsTable } from '../../features/plan/ResultsTable';
import { ReturnModal } from '../../features/plan/ReturnModal';
import { monthAbilities, monthHasBegun, monthRows, todayIso } from '../../features/plan/results';
import { usePlanAbilities } from '../../features/plan/usePlanRole';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { idParam } from './PlanPage';
import '../../features/plan/plan.css';

/**
 * A program's results month by month: reporters enter and submit them, planners approve or
 * return them, approved months are corrected through a new revision.
 */
export function ProgramResultsPage() {
  const { locale, t } = useI18n();
  const programId = idParam(useParams().id);
  const [search] = useSearchParams();
  const results = useProgramResults(programId);
  const planId = usePlanIdOf(results.data?.program.strategyId, idParam(search.get('plan') ?? undefined));
  const plan = usePlan(planId.data ?? 0);
  const can = usePlanAbilities();
  const actions = useResultActions(programId);
  const [dialog, setDialog] = useState<{ month: number; correcting: boolean } | null>(null);
  const [returning, setReturning] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  if (!programId) {
    return (
      <>
        <PageHeading>{t('results.title')}</PageHeading>
        <ErrorNotice error={NOT_FOUND_ERROR} />
      </>
    );
  }
  if (results.isPending) return <Loading />;
  if (results.isError) {
    return (
      <>
        <PageHeading>{t('results.title')}</PageHeading>
        <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />
      </>
    );
  }
  const { program, months } = results.data;
  const year = plan.data?.year;
  const today = todayIso();
  const begunOf = (month: number) => (year === undefined ? true : monthHasBegun(year, month, today));
  const abilitiesOf = (m: (typeof months)[number]) =>
    monthAbilities(m, { report: can.report, review: can.review }, begunOf(m.month));
  const rows = monthRows(months);
  const achieved = rows[rows.length - 1]?.cumulativeApproved ?? 0;
  const rate = program.annualTarget > 0 ? Math.round((achieved / program.annualTarget) * 1000) / 10 : null;
  const pendingCount = months.filter((m) => m.current?.status === 'submitted').length;
  const strategy = plan.data?.strategies.find((s) => s.id === program.strategyId);
  const unit = locale === 'ko' ? program.ownerUnit.name : program.ownerUnit.nameEn || program.ownerUnit.name;
  const busy = actions.submit.isPending || actions.approve.isPending || actions.returnMonth.isPending;
  const what = (month: number) => `${program.name} · ${monthLabel(month, locale)}`;

  const run = (month: number, action: MonthAction) => {
    setDone(null);
    setError(null);
    const name = monthLabel(month, locale);
    if (action === 'open' || action === 'correct')
      return setDialog({ month, correcting: action === 'correct' });
    if (action === 'return') return setReturning(month);
    if (action === 'submit') {
      actions.submit.mutate(month, {
        onSuccess: () => setDone(t('results.done.submitted', { month: name })),
        onError: setError,
      });
    }
    if (action === 'approve') {
      actions.approve.mutate(month, {
        onSuccess: () => setDone(t('results.done.approved', { what: what(month) })),
        onError: setError,
      });
    }
  };
  const dialogMonth = dialog ? months[dialog.month - 1] : undefined;

  return (
    <>
      <PageHeading title={`${program.name} ${t('results.title')}`}>
        {program.name} <span className="heading-sub">{t('results.title')}</span>
      </PageHeading>
      <p className="back-link">
        {plan.data ? (
          <Link to={`/plans/${plan.data.id}`}>{t('results.backToPlan', { title: plan.data.title })}</Link>
        ) : (
          <Link to="/plans">{t('plan.list.title')}</Link>
        )}
      </p>
      <dl className="program-meta">
        {strategy && (
          <div>
            <dt>{t('plan.program.strategy')}</dt>
            <dd>{strategy.name}</dd>
          </div>
        )}
        <div>
          <dt>{t('plan.program.ownerUnit')}</dt>
          <dd>{unit}</dd>
        </div>
        <div>
          <dt>{t('plan.program.jobType')}</dt>
          <dd>{JOB_TYPE_LABELS[program.jobType][locale]}</dd>
        </div>
        <div>
          <dt>{t('plan.program.budget')}</dt>
          <dd>{formatMoney(program.budgetTotal, locale)}</dd>
        </div>
      </dl>
      <dl className="figure-cards" data-testid="results-figures">
        <div className="figure-card">
          <dt>{t('plan.program.annualTarget')}</dt>
          <dd>{formatCount(program.annualTarget, locale)}</dd>
        </div>
        <div className="figure-card">
          <dt>{t('results.figures.achieved')}</dt>
          <dd>{formatCount(achieved, locale)}</dd>
        </div>
        <div className="figure-card">
          <dt>{t('results.figures.rate')}</dt>
          <dd>{formatRate(rate)}</dd>
        </div>
        <div className="figure-card">
          <dt>{t('results.figures.pending')}</dt>
          <dd>{t('results.figures.pendingCount', { n: pendingCount })}</dd>
        </div>
      </dl>
      {program.illustrative && <p className="illustrative-note">{t('plan.illustrative.note')}</p>}
      <p className="form-hint">{t('results.howItCounts')}</p>

      {done && (
        <Notice tone="success" live>
          {done}
        </Notice>
      )}
      {error ? <ErrorNotice error={error} /> : null}

      <ResultsTable
        programName={program.name}
        rows={rows}
        months={months}
        abilitiesOf={abilitiesOf}
        begunOf={begunOf}
        onAction={run}
        busy={busy}
      />

      {dialog && dialogMonth && (
        <MonthDialog
          key={`${dialog.month}-${dialog.correcting}`}
          program={program}
          month={dialogMonth}
          can={abilitiesOf(dialogMonth)}
          startCorrecting={dialog.correcting}
          onClose={() => setDialog(null)}
          onDone={(message) => {
            setDialog(null);
            setDone(message);
          }}
          onApprove={() => {
            setDialog(null);
            run(dialog.month, 'approve');
          }}
          onReturn={() => {
            setDialog(null);
            setReturning(dialog.month);
          }}
        />
      )}
      {returning !== null && (
        <ReturnModal
          title={what(returning)}
          pending={actions.returnMonth.isPending}
          onClose={() => setReturning(null)}
          onReturn={async (comment) => {
            await actions.returnMonth.mutateAsync({ month: returning, comment });
            setDone(t('results.done.returned', { what: what(returning) }));
            setReturning(null);
          }}
        />
      )}
    </>
  );
}
