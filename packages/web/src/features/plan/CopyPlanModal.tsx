import { CopyPlanBody, type Plan } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/I18nProvider';
import { type PlanSummary, useCopyPlan } from './api';
import { NumberField } from './fields';
import { parseWhole } from './numbers';

const FORM = 'copy-plan';

/** "다음 해로 복사": the structure and targets of a plan, copied into another year as a draft. */
export function CopyPlanModal({
  plan,
  onClose,
  onCopied,
}: {
  plan: Pick<PlanSummary, 'id' | 'year' | 'title'>;
  onClose: () => void;
  onCopied: (plan: Plan) => void;
}) {
  const t = useT();
  const copy = useCopyPlan(plan.id);
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [year, setYear] = useState(String(plan.year + 1));
  const [title, setTitle] = useState('');
  const parsedYear = parseWhole(year);
  const suggested =
    parsedYear.ok && parsedYear.value
      ? plan.title.replaceAll(String(plan.year), String(parsedYear.value))
      : '';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!parsedYear.ok) return showInvalid({ year: parsedYear.message });
    const body = { year: parsedYear.value ?? undefined, ...(title.trim() ? { title } : {}) };
    const invalid = validate(CopyPlanBody, body);
    if (invalid) return showInvalid(invalid);
    clear();
    try {
      onCopied(await copy.mutateAsync(CopyPlanBody.parse(body)));
    } catch (error) {
      showError(error);
    }
  };

  const labels = { year: t('plan.copy.year'), title: t('plan.copy.newTitle') };
  return (
    <Modal
      title={t('plan.copy.title')}
      onClose={onClose}
      testId="copy-plan-dialog"
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={FORM} className="krds-btn medium primary" disabled={copy.isPending}>
            {t('plan.copy.submit')}
          </button>
        </>
      }
    >
      <form id={FORM} className="form" onSubmit={onSubmit} noValidate>
        <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
        <p>{t('plan.copy.explain', { title: plan.title })}</p>
        <NumberField
          id={fieldId(FORM, 'year')}
          label={labels.year}
          value={year}
          onChange={setYear}
          error={feedback.errors.year}
          grouping={false}
          maxLength={4}
          required
          data-autofocus
        />
        <TextField
          id={fieldId(FORM, 'title')}
          label={labels.title}
          hint={suggested ? t('plan.copy.titleHint', { title: suggested }) : undefined}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={feedback.errors.title}
          maxLength={200}
        />
      </form>
    </Modal>
  );
}
