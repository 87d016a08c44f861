import type { Plan } from '@ilteo/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/I18nProvider';
import { planKey, useCreatePlan, useUpdatePlan } from './api';
import { ConflictNotice, isConflict } from './conflict';
import { NumberField, TextAreaField } from './fields';
import { type PlanFormState, planChanges, planFormFrom, readPlanForm } from './planForm';

const FORM = 'plan-form';

interface PlanFormModalProps {
  /** The plan to edit; null to create one. */
  plan: Plan | null;
  /** The year a new plan starts with. */
  defaultYear: number;
  onClose: () => void;
  onSaved: (plan: Plan) => void;
}

/** "새 계획" and "계획 정보 수정": year, title, vision, master plan and the headline targets. */
export function PlanFormModal({ plan, defaultYear, onClose, onSaved }: PlanFormModalProps) {
  const t = useT();
  const create = useCreatePlan();
  const update = useUpdatePlan(plan?.id ?? 0);
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [state, setState] = useState<PlanFormState>(() => planFormFrom(plan, defaultYear));
  const set = (field: keyof PlanFormState) => (value: string) => setState((s) => ({ ...s, [field]: value }));
  const pending = create.isPending || update.isPending;
  const client = useQueryClient();
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);

  // Someone else saved first: load their version into the form; the edit is made again on top of it.
  const reload = async () => {
    if (!plan) return;
    setReloading(true);
    try {
      const fresh = await client.fetchQuery({
        queryKey: planKey(plan.id),
        queryFn: () => api<Plan>('GET', `/plans/${plan.id}`),
        staleTime: 0,
      });
      setState(planFormFrom(fresh, defaultYear));
      setConflict(false);
      clear();
    } finally {
      setReloading(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { body, errors } = readPlanForm(state);
    if (!body) return showInvalid(errors);
    clear();
    try {
      const saved = plan ? await update.mutateAsync(planChanges(plan, body)) : await create.mutateAsync(body);
      onSaved(saved);
    } catch (error) {
      setConflict(isConflict(error));
      showError(error);
    }
  };

  const labels: Record<string, string> = {
    year: t('plan.field.year'),
    title: t('plan.field.title'),
    vision: t('plan.field.vision'),
    masterPlan: t('plan.field.masterPlan'),
    previousYearTarget: t('plan.field.previousYearTarget'),
    employmentRateTarget: t('plan.field.employmentRateTarget'),
    employedIncreaseTarget: t('plan.field.employedIncreaseTarget'),
    paceBehindBelow: t('plan.field.paceBehindBelow'),
    paceAheadAbove: t('plan.field.paceAheadAbove'),
  };
  const { errors } = feedback;
  return (
    <Modal
      title={plan ? t('plan.edit.title') : t('plan.create.title')}
      onClose={onClose}
      size="lg"
      testId="plan-form-dialog"
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={FORM} className="krds-btn medium primary" disabled={pending}>
            {plan ? t('common.save') : t('plan.create.submit')}
          </button>
        </>
      }
    >
      <form id={FORM} className="form plan-form" onSubmit={onSubmit} noValidate data-testid="plan-form">
        {conflict ? (
          <ConflictNotice onReload={reload} pending={reloading} />
        ) : (
          <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
        )}
        {!plan && (
          <NumberField
            id={fieldId(FORM, 'year')}
            label={labels.year}
            value={state.year}
            onChange={set('year')}
            error={errors.year}
            grouping={false}
            maxLength={4}
            required
            data-autofocus
          />
        )}
        <TextField
          id={fieldId(FORM, 'title')}
          label={labels.title}
          hint={t('plan.field.titleHint')}
          value={state.title}
          onChange={(e) => set('title')(e.target.value)}
          error={errors.title}
          maxLength={200}
          required
        />
        <TextAreaField
          id={fieldId(FORM, 'vision')}
          label={labels.vision}
          value={state.vision}
          onChange={(e) => set('vision')(e.target.value)}
          error={errors.vision}
          maxLength={500}
        />
        <TextField
          id={fieldId(FORM, 'masterPlan')}
          label={labels.masterPlan}
          hint={t('plan.field.masterPlanHint')}
          value={state.masterPlan}
          onChange={(e) => set('masterPlan')(e.target.value)}
          error={errors.masterPlan}
          maxLength={200}
        />
        <div className="field-grid">
          <NumberField
            id={fieldId(FORM, 'previousYearTarget')}
            label={labels.previousYearTarget}
            hint={t('plan.field.previousYearTargetHint')}
            value={state.previousYearTarget}
            onChange={set('previousYearTarget')}
            error={errors.previousYearTarget}
            unit={t('plan.unit.people')}
          />
          <NumberField
            id={fieldId(FORM, 'employmentRateTarget')}
            label={labels.employmentRateTarget}
            value={state.employmentRateTarget}
            onChange={set('employmentRateTarget')}
            error={errors.employmentRateTarget}
            grouping={false}
            unit="%"
          />
          <NumberField
            id={fieldId(FORM, 'employedIncreaseTarget')}
            label={labels.employedIncreaseTarget}
            value={state.employedIncreaseTarget}
            onChange={set('employedIncreaseTarget')}
            error={errors.employedIncreaseTarget}
            grouping={false}
            unit={t('plan.unit.people')}
          />
        </div>
        <fieldset className="form-group">
          <legend className="form-legend">{t('plan.field.pace')}</legend>
          <p className="form-hint">{t('plan.field.paceHint')}</p>
          <div className="field-grid">
            <NumberField
              id={fieldId(FORM, 'paceBehindBelow')}
              label={labels.paceBehindBelow}
              value={state.paceBehindBelow}
              onChange={set('paceBehindBelow')}
              error={errors.paceBehindBelow}
              grouping={false}
              unit="%"
            />
            <NumberField
              id={fieldId(FORM, 'paceAheadAbove')}
              label={labels.paceAheadAbove}
              value={state.paceAheadAbove}
              onChange={set('paceAheadAbove')}
              error={errors.paceAheadAbove}
              grouping={false}
              unit="%"
            />
          </div>
        </fieldset>
      </form>
    </Modal>
  );
}
