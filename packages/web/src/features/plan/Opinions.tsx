import { AnswerBody, FIELD_MESSAGES, OpinionBody, type Plan } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, SelectField, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { EmptyState } from '../../components/status';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { type OpinionData, useOpinionActions } from './api';
import { TextAreaField } from './fields';

const KIND_TONE: Record<OpinionData['authorKind'], string> = {
  council: 'bg-light-primary',
  citizen: 'bg-light-secondary',
  staff: 'bg-light-gray',
};

/**
 * Opinions on a plan: who said what about which program, and the answer. Planners answer and
 * hide or show them (with a reason); others read.
 */
export function OpinionsList({
  planId,
  opinions,
  moderate,
}: {
  planId: number;
  opinions: readonly OpinionData[];
  moderate: boolean;
}) {
  const { locale, t } = useI18n();
  const [answering, setAnswering] = useState<number | null>(null);
  const [hiding, setHiding] = useState<OpinionData | null>(null);
  const actions = useOpinionActions(planId);
  const [done, setDone] = useState<string | null>(null);

  if (opinions.length === 0) {
    return (
      <div data-testid="opinions-list">
        <EmptyState>{t('opinions.empty')}</EmptyState>
      </div>
    );
  }
  return (
    <>
      <p className="sr-only" aria-live="polite">
        {done}
      </p>
      <ol className="opinion-list" data-testid="opinions-list">
        {opinions.map((o) => (
          <li
            key={o.id}
            className={o.hidden ? 'opinion is-hidden' : 'opinion'}
            data-testid={`opinion-${o.id}`}
          >
            <article aria-labelledby={`opinion-${o.id}-head`}>
              <header className="opinion-head" id={`opinion-${o.id}-head`}>
                <span className={`krds-badge ${KIND_TONE[o.authorKind]}`}>
                  {t(`opinions.kind.${o.authorKind}`)}
                </span>
                <strong className="opinion-author">{o.authorName}</strong>
                <span className="muted">{formatDate(o.createdAt, locale)}</span>
                <span className="opinion-target">
                  {o.programName ? t('opinions.onProgram', { name: o.programName }) : t('opinions.onPlan')}
                </span>
                {o.hidden && <span className="krds-badge bg-light-danger">{t('opinions.hidden')}</span>}
              </header>
              <p className="opinion-body">{o.body}</p>
              {o.answer !== null && answering !== o.id && (
                <div className="opinion-answer">
                  <p className="opinion-answer-head">
                    {t('opinions.answer')}
                    {o.answeredAt && <span className="muted"> · {formatDateTime(o.answeredAt, locale)}</span>}
                  </p>
                  <p>{o.answer}</p>
                </div>
              )}
              {o.answer === null && !moderate && <p className="muted">{t('opinions.noAnswerYet')}</p>}
              {moderate && answering === o.id && (
                <AnswerForm
                  opinion={o}
                  planId={planId}
                  onDone={(saved) => {
                    setAnswering(null);
                    if (saved) setDone(t('opinions.answered'));
                  }}
                />
              )}
              {moderate && answering !== o.id && (
                <div className="row-actions">
                  <button
                    type="button"
                    className="krds-btn xsmall secondary"
                    onClick={() => setAnswering(o.id)}
                    aria-label={t(o.answer === null ? 'opinions.answerOf' : 'opinions.editAnswerOf', {
                      name: o.authorName,
                    })}
                  >
                    {o.answer === null ? t('opinions.answerAction') : t('opinions.editAnswer')}
                  </button>
                  {o.hidden ? (
                    <button
                      type="button"
                      className="krds-btn xsmall tertiary"
                      disabled={actions.moderate.isPending}
                      onClick={() =>
                        actions.moderate.mutate(
                          { id: o.id, hidden: false, reason: '' },
                          { onSuccess: () => setDone(t('opinions.shown')) },
                        )
                      }
                      aria-label={t('opinions.showOf', { name: o.authorName })}
                    >
                      {t('opinions.show')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="krds-btn xsmall tertiary"
                      onClick={() => setHiding(o)}
                      aria-label={t('opinions.hideOf', { name: o.authorName })}
                    >
                      {t('opinions.hide')}
                    </button>
                  )}
                </div>
              )}
            </article>
          </li>
        ))}
      </ol>
      {hiding && (
        <HideModal
          opinion={hiding}
          planId={planId}
          onClose={(hidden) => {
            setHiding(null);
            if (hidden) setDone(t('opinions.hiddenDone'));
          }}
        />
      )}
    </>
  );
}

/** The answer to an opinion, written (or revised) in place. */
function AnswerForm({
  opinion,
  planId,
  onDone,
}: {
  opinion: OpinionData;
  planId: number;
  onDone: (saved: boolean) => void;
}) {
  const t = useI18n().t;
  const actions = useOpinionActions(planId);
  const form = `answer-${opinion.id}`;
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [answer, setAnswer] = useState(opinion.answer ?? '');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = validate(AnswerBody, { answer });
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      await actions.answer.mutateAsync({ id: opinion.id, answer: answer.trim() });
      onDone(true);
    } catch (error) {
      showError(error);
    }
  };
  const labels = { answer: t('opinions.answer') };
  return (
    <form id={form} className="form answer-form" onSubmit={onSubmit} noValidate data-testid="answer-form">
      <ErrorSummary formId={form} feedback={feedback} labels={labels} />
      <TextAreaField
        id={fieldId(form, 'answer')}
        label={labels.answer}
        value={answer}
        onChange={(e) => setAnswer(e.target.value)}
        error={feedback.errors.answer}
        maxLength={4000}
        rows={4}
        required
        autoFocus
      />
      <div className="btn-row">
        <button type="submit" className="krds-btn small primary" disabled={actions.answer.isPending}>
          {t('opinions.saveAnswer')}
        </button>
        <button type="button" className="krds-btn small tertiary" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Hides an opinion from the public with a reason; the text is kept and can be shown again. */
function HideModal({
  opinion,
  planId,
  onClose,
}: {
  opinion: OpinionData;
  planId: number;
  onClose: (hidden: boolean) => void;
}) {
  const t = useI18n().t;
  const actions = useOpinionActions(planId);
  const form = 'hide-opinion';
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [reason, setReason] = useState('');
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return showInvalid({ reason: FIELD_MESSAGES.required });
    clear();
    try {
      await actions.moderate.mutateAsync({ id: opinion.id, hidden: true, reason: reason.trim() });
      onClose(true);
    } catch (error) {
      showError(error);
    }
  };
  const labels = { reason: t('opinions.hideReason') };
  return (
    <Modal
      title={t('opinions.hideTitle')}
      onClose={() => onClose(false)}
      size="sm"
      testId="hide-dialog"
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
          <button
            type="submit"
            form={form}
            className="krds-btn medium primary"
            disabled={actions.moderate.isPending}
          >
            {t('opinions.hide')}
          </button>
        </>
      }
    >
      <form id={form} className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary formId={form} feedback={feedback} labels={labels} />
        <blockquote className="opinion-quote">{opinion.body}</blockquote>
        <TextAreaField
          id={fieldId(form, 'reason')}
          label={labels.reason}
          hint={t('opinions.hideHint')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          error={feedback.errors.reason}
          maxLength={500}
          required
          data-autofocus
        />
      </form>
    </Modal>
  );
}

/** A council member's opinion on the whole plan or one program. */
export function OpinionForm({ plan, onPosted }: { plan: Plan; onPosted: () => void }) {
  const { t } = useI18n();
  const actions = useOpinionActions(plan.id);
  const form = 'opinion-form';
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [programId, setProgramId] = useState('');
  const [body, setBody] = useState('');
  const [done, setDone] = useState(false);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const input = { body, programId: programId ? Number(programId) : null };
    const invalid = validate(OpinionBody, input);
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      await actions.post.mutateAsync({ body: body.trim(), programId: input.programId });
      setBody('');
      setProgramId('');
      setDone(true);
      onPosted();
    } catch (error) {
      showError(error);
    }
  };
  const labels = { programId: t('opinions.target'), body: t('opinions.body') };
  return (
    <form id={form} className="form opinion-form" onSubmit={onSubmit} noValidate data-testid="opinion-form">
      <ErrorSummary formId={form} feedback={feedback} labels={labels} />
      {done && (
        <p className="notice notice-success" role="status">
          {t('opinions.posted')}
        </p>
      )}
      <SelectField
        id={fieldId(form, 'programId')}
        label={labels.programId}
        value={programId}
        onChange={(e) => setProgramId(e.target.value)}
        error={feedback.errors.programId}
      >
        <option value="">{t('opinions.onPlan')}</option>
        {plan.strategies.map((s, i) => (
          <optgroup key={s.id} label={`${i + 1}. ${s.name}`}>
            {s.programs.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <TextAreaField
        id={fieldId(form, 'body')}
        label={labels.body}
        hint={t('opinions.bodyHint')}
        value={body}
        onChange={(e) => setBody(e.target.value)}
        error={feedback.errors.body}
        maxLength={4000}
        rows={5}
        required
      />
      <div className="btn-row">
        <button type="submit" className="krds-btn medium primary" disabled={actions.post.isPending}>
          {t('opinions.submit')}
        </button>
      </div>
    </form>
  );
}
