import { type Program, TARGET_GROUP_LABELS, TARGET_GROUPS, type TargetGroup } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { ErrorSummary, fieldId, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useResultActions } from './api';
import { ResultStatusBadge } from './badges';
import { EvidenceSection } from './EvidenceSection';
import { NumberField, TextAreaField } from './fields';
import { formatCount, monthLabel } from './numbers';
import {
  type MonthAbilities,
  type MonthState,
  type ResultFormState,
  type ResultRevisionData,
  readResultForm,
  resultFormFrom,
} from './results';

const FORM = 'result-form';

interface MonthDialogProps {
  program: Program;
  month: MonthState;
  can: MonthAbilities;
  /** Opened with 정정: show the correction form of an approved month straight away. */
  startCorrecting: boolean;
  onClose: () => void;
  /** A message for the page after the dialog closes (e.g. "11월 실적을 제출했습니다"). */
  onDone: (message: string) => void;
  onApprove: () => void;
  onReturn: () => void;
}

/** The groups a program reports jobs for: those with group targets, in the catalogue's order. */
export function reportingGroups(program: Program): TargetGroup[] {
  return TARGET_GROUPS.filter((g) => program.groupTargets[g] !== undefined);
}

/**
 * One month of a program: its figures, the form to report or correct them, the planner's
 * review, evidence files and the revision history.
 */
export function MonthDialog({
  program,
  month,
  can,
  startCorrecting,
  onClose,
  onDone,
  onApprove,
  onReturn,
}: MonthDialogProps) {
  const { locale, t } = useI18n();
  const actions = useResultActions(program.id);
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const groups = reportingGroups(program);
  const current = month.current;
  const approvedRevision = [...month.history].reverse().find((r) => r.status === 'approved') ?? null;
  const [correcting, setCorrecting] = useState(startCorrecting && can.correct);
  const isCorrection = current?.status === 'approved';
  const [state, setState] = useState<ResultFormState>(() =>
    isCorrection
      ? { ...resultFormFrom(approvedRevision, groups), correctionReason: '' }
      : resultFormFrom(current, groups),
  );
  const [saved, setSaved] = useState<string | null>(null);
  const showForm = can.edit || (correcting && can.correct);
  const needsReason = isCorrection;
  const showReason = needsReason || (current !== null && current.revision > 1);
  const monthName = monthLabel(month.month, locale);
  const pending = actions.save.isPending || actions.submit.isPending;

  const set = <K extends keyof ResultFormState>(key: K, value: ResultFormState[K]) => {
    setSaved(null);
    setState((s) => ({ ...s, [key]: value }));
  };

  const save = async (thenSubmit: boolean) => {
    const { body, errors } = readResultForm(state, groups, needsReason);
    if (!body) return showInvalid(errors);
    clear();
    try {
      await actions.save.mutateAsync({ month: month.month, body });
      if (thenSubmit) {
        await actions.submit.mutateAsync(month.month);
        onDone(t('results.done.submitted', { month: monthName }));
      } else {
        setCorrecting(false);
        setSaved(t('results.done.saved', { month: monthName }));
      }
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length) {
        const errors = Object.fromEntries(error.fieldErrors.map((fe) => [fe.field, fe.message]));
        showInvalid(errors);
      } else {
        showError(error);
      }
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void save(false);
  };

  const labels: Record<string, string> = {
    jobs: t('results.field.jobs'),
    groupJobs: t('results.field.groupJobs'),
    note: t('results.field.note'),
    correctionReason: t('results.field.correctionReason'),
    month: t('results.col.month'),
  };
  for (const g of groups)
    labels[`groupJobs.${g}`] = `${t('results.field.groupJobs')} ${TARGET_GROUP_LABELS[g][locale]}`;
  const { errors } = feedback;
  const canSubmitNow = showForm;

  return (
    <Modal
      title={t('results.dialog.title', { name: program.name, month: monthName })}
      onClose={onClose}
      size="lg"
      testId="month-dialog"
      actions={
        <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
          {t('common.close')}
        </button>
      }
    >
      <dl className="month-summary">
        <div>
          <dt>{t('results.col.target')}</dt>
          <dd>{formatCount(month.target, locale)}</dd>
        </div>
        <div>
          <dt>{t('results.col.status')}</dt>
          <dd>
            <ResultStatusBadge status={current?.status ?? null} />
            {current && current.revision > 1 && (
              <span className="muted"> {t('results.revisionNo', { n: current.revision })}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('results.col.reported')}</dt>
          <dd>{current ? formatCount(current.jobs, locale) : '—'}</dd>
        </div>
        <div>
          <dt>{t('results.col.approved')}</dt>
          <dd>{month.approvedJobs === null ? '—' : formatCount(month.approvedJobs, locale)}</dd>
        </div>
      </dl>

      {current?.status === 'returned' && current.reviewComment && (
        <div className="notice notice-danger review-comment" data-testid="review-comment">
          <p className="notice-title">{t('results.returned.title')}</p>
          <p className="review-comment-text">{current.reviewComment}</p>
          {can.edit && <p>{t('results.returned.fix')}</p>}
        </div>
      )}
      {(isCorrection && correcting) ||
      (month.approvedJobs !== null && current && current.status !== 'approved') ? (
        <div className="notice notice-info" data-testid="correction-note">
          <p className="notice-title">{t('results.correction.title')}</p>
          <p>{t('results.correction.official', { n: formatNumber(month.approvedJobs ?? 0) })}</p>
          {current?.correctionReason && current.status !== 'approved' && (
            <p>{t('results.correction.reason', { reason: current.correctionReason })}</p>
          )}
        </div>
      ) : null}
      {current?.status === 'submitted' && !can.review && (
        <p className="notice notice-info">{t('results.submitted.waiting')}</p>
      )}
      {current?.status === 'approved' && !correcting && (
        <div className="locked-note">
          <p>{t('results.approved.locked')}</p>
          {can.correct && (
            <button type="button" className="krds-btn small secondary" onClick={() => setCorrecting(true)}>
              {t('results.action.correct')}
            </button>
          )}
        </div>
      )}
      {saved && (
        <p className="notice notice-success" role="status">
          {saved}
        </p>
      )}

      {showForm && (
        <form id={FORM} className="form result-form" onSubmit={onSubmit} noValidate data-testid="result-form">
          <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
          <NumberField
            id={fieldId(FORM, 'jobs')}
            label={labels.jobs}
            hint={t('results.field.jobsHint', { target: formatNumber(month.target) })}
            value={state.jobs}
            onChange={(v) => set('jobs', v)}
            error={errors.jobs}
            unit={t('plan.unit.people')}
            required
            data-autofocus
          />
          {groups.length > 0 && (
            <fieldset className="form-group">
              <legend className="form-legend">{labels.groupJobs}</legend>
              <p className="form-hint">{t('results.field.groupJobsHint')}</p>
              <div className="field-grid">
                {groups.map((g) => (
                  <NumberField
                    key={g}
                    id={fieldId(FORM, `groupJobs.${g}`)}
                    label={TARGET_GROUP_LABELS[g][locale]}
                    value={state.groupJobs[g] ?? ''}
                    onChange={(v) => set('groupJobs', { ...state.groupJobs, [g]: v })}
                    error={errors[`groupJobs.${g}`]}
                    unit={t('plan.unit.people')}
                  />
                ))}
              </div>
              {errors.groupJobs && <p className="form-hint-invalid">{errors.groupJobs[locale]}</p>}
            </fieldset>
          )}
          <TextAreaField
            id={fieldId(FORM, 'note')}
            label={labels.note}
            value={state.note}
            onChange={(e) => set('note', e.target.value)}
            error={errors.note}
            maxLength={2000}
          />
          {showReason && (
            <TextAreaField
              id={fieldId(FORM, 'correctionReason')}
              label={labels.correctionReason}
              hint={t('results.field.correctionReasonHint')}
              value={state.correctionReason}
              onChange={(e) => set('correctionReason', e.target.value)}
              error={errors.correctionReason}
              maxLength={1000}
              required={needsReason}
            />
          )}
          <div className="btn-row">
            <button type="submit" className="krds-btn medium secondary" disabled={pending}>
              {isCorrection ? t('results.action.saveCorrection') : t('common.save')}
            </button>
            {canSubmitNow && (
              <button
                type="button"
                className="krds-btn medium primary"
                disabled={pending}
                onClick={() => void save(true)}
              >
                {t('results.action.submit')}
              </button>
            )}
            {isCorrection && (
              <button type="button" className="krds-btn medium tertiary" onClick={() => setCorrecting(false)}>
                {t('common.cancel')}
              </button>
            )}
          </div>
        </form>
      )}

      {can.review && (
        <div className="review-actions" data-testid="review-actions">
          <p>{t('results.review.prompt')}</p>
          <div className="btn-row">
            <button type="button" className="krds-btn medium primary" onClick={onApprove}>
              {t('results.action.approve')}
            </button>
            <button type="button" className="krds-btn medium secondary" onClick={onReturn}>
              {t('results.action.return')}
            </button>
          </div>
        </div>
      )}

      <EvidenceSection
        programId={program.id}
        month={month.month}
        files={current?.evidence ?? []}
        editable={can.evidence || (can.edit && current === null)}
        hasResult={current !== null && (current.status === 'draft' || current.status === 'returned')}
      />

      <History history={month.history} />
    </Modal>
  );
}

/** Every revision of the month, newest first: figures, notes, reasons and review comments. */
function History({ history }: { history: readonly ResultRevisionData[] }) {
  const { locale, t } = useI18n();
  return (
    <section className="history" aria-labelledby="month-history-title">
      <h3 id="month-history-title" className="subsection-title">
        {t('results.history.title')}
      </h3>
      {history.length === 0 ? (
        <p className="muted">{t('results.history.none')}</p>
      ) : (
        <ol className="history-list" reversed>
          {[...history].reverse().map((r) => (
            <li key={r.id}>
              <p className="history-head">
                <strong>{t('results.revisionNo', { n: r.revision })}</strong>{' '}
                <ResultStatusBadge status={r.status} /> {formatCount(r.jobs, locale)}
                {r.source !== 'manual' && <span className="muted"> · {t('results.history.automatic')}</span>}
              </p>
              <ul className="history-facts">
                {r.correctionReason && (
                  <li>{t('results.correction.reason', { reason: r.correctionReason })}</li>
                )}
                {r.note && <li>{t('results.history.note', { note: r.note })}</li>}
                {r.submittedAt && (
                  <li>{t('results.history.submittedAt', { at: formatDateTime(r.submittedAt, locale) })}</li>
                )}
                {r.reviewedAt && (
                  <li>{t('results.history.reviewedAt', { at: formatDateTime(r.reviewedAt, locale) })}</li>
                )}
                {r.reviewComment && <li>{t('results.history.comment', { comment: r.reviewComment })}</li>}
                <li>{t('results.history.updatedAt', { at: formatDateTime(r.updatedAt, locale) })}</li>
                {r.evidence.length > 0 && (
                  <li>
                    {t('results.history.evidence', { names: r.evidence.map((e) => e.filename).join(', ') })}
                  </li>
                )}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
