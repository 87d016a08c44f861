import {
  JOB_TYPE_LABELS,
  JOB_TYPES,
  type JobType,
  type Plan,
  type Program,
  TARGET_GROUP_LABELS,
  TARGET_GROUPS,
  type TargetGroup,
} from '@ilteo/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import type { OrgUnit } from '../../api/types';
import { ErrorSummary, fieldId, SelectField, TextField, useFormFeedback } from '../../components/form';
import { Modal } from '../../components/Modal';
import { formatMoney, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { planKey, usePlanEdits } from './api';
import { ConflictNotice, isConflict } from './conflict';
import { NumberField, TextAreaField } from './fields';
import { formatChange, monthLabel } from './numbers';
import { checkPhasing, evenPhasing } from './phasing';
import {
  BUDGET_KEYS,
  type BudgetKey,
  groupsWithTargets,
  liveFigures,
  liveTotals,
  monthlyFigures,
  PROGRAM_FIELDS,
  type ProgramDraft,
  type ProgramFormState,
  programChanges,
  programErrorsFrom,
  programFormFrom,
  readProgramForm,
} from './programForm';

const FORM = 'program-form';

interface ProgramFormModalProps {
  plan: Plan;
  /** The program to edit, or null to add one to `strategyId`. */
  program: Program | null;
  strategyId: number;
  units: readonly OrgUnit[];
  onClose: () => void;
  onSaved: (name: string, created: boolean) => void;
  /** Reports the figures being typed, so the page's totals follow them live. */
  onDraft: (draft: ProgramDraft | null) => void;
}

/** The full program form: what it is, who runs it, its budget, target, phasing and group targets. */
export function ProgramFormModal({
  plan,
  program,
  strategyId,
  units,
  onClose,
  onSaved,
  onDraft,
}: ProgramFormModalProps) {
  const { locale, t } = useI18n();
  const edits = usePlanEdits(plan.id);
  const client = useQueryClient();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [state, setState] = useState<ProgramFormState>(() => programFormFrom(program, strategyId));
  const [base, setBase] = useState<Program | null>(program);
  const [conflict, setConflict] = useState(false);
  const [reloading, setReloading] = useState(false);
  const pending = edits.addProgram.isPending || edits.updateProgram.isPending;

  const figures = liveFigures(state);
  const draft: ProgramDraft = { programId: program?.id ?? null, ...figures };
  const totals = liveTotals(plan, draft);
  useEffect(() => {
    onDraft({
      programId: program?.id ?? null,
      annualTarget: figures.annualTarget,
      budgetTotal: figures.budgetTotal,
    });
  }, [figures.annualTarget, figures.budgetTotal, program?.id, onDraft]);
  useEffect(() => () => onDraft(null), [onDraft]);

  const set = <K extends keyof ProgramFormState>(key: K, value: ProgramFormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const setBudget = (key: BudgetKey, value: string) =>
    setState((s) => ({ ...s, budget: { ...s.budget, [key]: value } }));
  const setMonth = (index: number, value: string) =>
    setState((s) => ({ ...s, phasing: s.phasing.map((v, i) => (i === index ? value : v)) }));
  const toggleGroup = (group: TargetGroup, on: boolean) =>
    setState((s) => ({
      ...s,
      targetGroups: on ? [...s.targetGroups, group] : s.targetGroups.filter((g) => g !== group),
    }));
  const setPhasingMode = (mode: 'even' | 'custom') =>
    setState((s) => {
      // An even phasing follows the target, so a custom one starts from the spread of the current target.
      const phasing =
        mode === 'custom' && s.phasingMode === 'even'
          ? evenPhasing(figures.annualTarget).map(String)
          : s.phasing;
      return { ...s, phasingMode: mode, phasing };
    });

  const reload = async () => {
    if (!program) return;
    setReloading(true);
    try {
      const fresh = await client.fetchQuery({
        queryKey: planKey(plan.id),
        queryFn: () => api<Plan>('GET', `/plans/${plan.id}`),
        staleTime: 0,
      });
      const latest = fresh.strategies.flatMap((s) => s.programs).find((p) => p.id === program.id) ?? null;
      if (latest) {
        setBase(latest);
        setState(programFormFrom(latest, latest.strategyId));
      }
      setConflict(false);
      clear();
    } finally {
      setReloading(false);
    }
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const { body, errors } = readProgramForm(state);
    if (!body) return showInvalid(errors);
    clear();
    try {
      if (base) {
        await edits.updateProgram.mutateAsync({
          id: base.id,
          body: programChanges(base, body, state.strategyId),
        });
      } else {
        await edits.addProgram.mutateAsync({ strategyId: state.strategyId, body });
      }
      onSaved(body.name, base === null);
    } catch (error) {
      setConflict(isConflict(error));
      if (error instanceof ApiError && error.fieldErrors.length) {
        showInvalid(programErrorsFrom(error.fieldErrors));
      } else {
        showError(error);
      }
    }
  };

  const labels: Record<string, string> = {
    name: t('plan.program.name'),
    strategyId: t('plan.program.strategy'),
    description: t('plan.program.description'),
    ownerUnitId: t('plan.program.ownerUnit'),
    jobType: t('plan.program.jobType'),
    targetGroups: t('plan.program.targetGroups'),
    'budget.national': t('plan.budget.national'),
    'budget.city': t('plan.budget.city'),
    'budget.district': t('plan.budget.district'),
    'budget.other': t('plan.budget.other'),
    annualTarget: t('plan.program.annualTarget'),
    phasingMode: t('plan.program.phasing'),
    phasing: t('plan.program.phasing'),
    groupTargets: t('plan.program.groupTargets'),
    illustrative: t('plan.program.illustrative'),
  };
  for (let i = 0; i < 12; i++)
    labels[`phasing.${i}`] = `${t('plan.program.phasing')} ${monthLabel(i + 1, locale)}`;
  for (const g of TARGET_GROUPS)
    labels[`groupTargets.${g}`] = `${t('plan.program.groupTargets')} ${TARGET_GROUP_LABELS[g][locale]}`;
  // Summary order follows the form.
  const ordered = Object.fromEntries(
    PROGRAM_FIELDS.filter((f) => labels[f]).map((f) => [f, labels[f] as string]),
  );

  const { errors } = feedback;
  const owners = units.filter((u) => u.kind === 'department' || u.kind === 'agency');
  const months = monthlyFigures(state);
  const check = checkPhasing(months, figures.annualTarget);
  const groups = groupsWithTargets(state);
  const groupSum = groups.reduce((sum, g) => {
    const v = Number((state.groupTargets[g] ?? '').replace(/[,\s]/g, ''));
    return sum + (Number.isFinite(v) ? v : 0);
  }, 0);
  const unitLabel = (u: OrgUnit) => (locale === 'ko' ? u.name : u.nameEn || u.name);

  return (
    <Modal
      title={program ? t('plan.program.editTitle', { name: program.name }) : t('plan.program.addTitle')}
      onClose={onClose}
      size="lg"
      testId="program-dialog"
      actions={
        <>
          <button type="button" className="krds-btn medium tertiary" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" form={FORM} className="krds-btn medium primary" disabled={pending}>
            {t('common.save')}
          </button>
        </>
      }
    >
      <form id={FORM} className="form program-form" onSubmit={onSubmit} noValidate data-testid="program-form">
        {conflict ? (
          <ConflictNotice onReload={reload} pending={reloading} />
        ) : (
          <ErrorSummary formId={FORM} feedback={feedback} labels={ordered} />
        )}
        <output className="live-totals" aria-live="polite" data-testid="live-totals">
          <span>
            {t('plan.live.target')} <strong>{formatNumber(totals.targetTotal)}</strong>
          </span>
          {plan.previousYearTarget !== null && (
            <span>
              {t('plan.live.change')} <strong>{formatChange(totals.targetChangePct)}</strong>
            </span>
          )}
          <span>
            {t('plan.live.budget')} <strong>{formatMoney(totals.budgetTotal, locale)}</strong>
          </span>
        </output>

        <TextField
          id={fieldId(FORM, 'name')}
          label={labels.name}
          value={state.name}
          onChange={(e) => set('name', e.target.value)}
          error={errors.name}
          maxLength={200}
          required
          data-autofocus
        />
        <SelectField
          id={fieldId(FORM, 'strategyId')}
          label={labels.strategyId}
          hint={program ? t('plan.program.strategyHint') : undefined}
          value={String(state.strategyId)}
          onChange={(e) => set('strategyId', Number(e.target.value))}
          error={errors.strategyId}
          required
        >
          {plan.strategies.map((s, i) => (
            <option key={s.id} value={s.id}>
              {i + 1}. {s.name}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={fieldId(FORM, 'description')}
          label={labels.description}
          value={state.description}
          onChange={(e) => set('description', e.target.value)}
          error={errors.description}
          maxLength={4000}
        />
        <div className="field-grid">
          <SelectField
            id={fieldId(FORM, 'ownerUnitId')}
            label={labels.ownerUnitId}
            value={state.ownerUnitId === null ? '' : String(state.ownerUnitId)}
            onChange={(e) => set('ownerUnitId', e.target.value ? Number(e.target.value) : null)}
            error={errors.ownerUnitId}
            required
          >
            <option value="">{t('plan.program.choose')}</option>
            {(['department', 'agency'] as const).map((kind) => (
              <optgroup key={kind} label={t(`unitKind.${kind}`)}>
                {owners
                  .filter((u) => u.kind === kind)
                  .map((u) => (
                    <option key={u.id} value={u.id}>
                      {unitLabel(u)}
                    </option>
                  ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField
            id={fieldId(FORM, 'jobType')}
            label={labels.jobType}
            value={state.jobType}
            onChange={(e) => set('jobType', e.target.value as JobType | '')}
            error={errors.jobType}
            required
          >
            <option value="">{t('plan.program.choose')}</option>
            {JOB_TYPES.map((jt) => (
              <option key={jt} value={jt}>
                {JOB_TYPE_LABELS[jt][locale]}
              </option>
            ))}
          </SelectField>
        </div>

        <fieldset
          className={errors.targetGroups ? 'form-group is-error' : 'form-group'}
          aria-describedby={errors.targetGroups ? `${FORM}-targetGroups-error` : undefined}
        >
          <legend className="form-legend">
            {labels.targetGroups}
            <span className="required-mark"> ({t('common.required')})</span>
          </legend>
          <div className="krds-check-area check-grid">
            {TARGET_GROUPS.map((g, i) => {
              const id = i === 0 ? fieldId(FORM, 'targetGroups') : `${FORM}-group-${g}`;
              return (
                <div className="krds-form-check" key={g}>
                  <input
                    type="checkbox"
                    id={id}
                    checked={state.targetGroups.includes(g)}
                    onChange={(e) => toggleGroup(g, e.target.checked)}
                  />
                  <label htmlFor={id}>{TARGET_GROUP_LABELS[g][locale]}</label>
                </div>
              );
            })}
          </div>
          {errors.targetGroups && (
            <p className="form-hint-invalid" id={`${FORM}-targetGroups-error`}>
              {errors.targetGroups[locale]}
            </p>
          )}
        </fieldset>

        <fieldset className="form-group">
          <legend className="form-legend">{t('plan.program.budget')}</legend>
          <div className="field-grid four">
            {BUDGET_KEYS.map((key) => (
              <NumberField
                key={key}
                id={fieldId(FORM, `budget.${key}`)}
                label={labels[`budget.${key}`]}
                value={state.budget[key]}
                onChange={(v) => setBudget(key, v)}
                error={errors[`budget.${key}`]}
                unit={t('plan.unit.won')}
              />
            ))}
          </div>
          <p className="form-hint" aria-live="polite">
            {t('plan.program.budgetTotal', { total: formatMoney(figures.budgetTotal, locale) })}
          </p>
        </fieldset>

        <NumberField
          id={fieldId(FORM, 'annualTarget')}
          label={labels.annualTarget}
          value={state.annualTarget}
          onChange={(v) => set('annualTarget', v)}
          error={errors.annualTarget}
          unit={t('plan.unit.people')}
          required
        />

        <fieldset className="form-group phasing">
          <legend className="form-legend">{labels.phasing}</legend>
          <div className="krds-check-area inline">
            {(['even', 'custom'] as const).map((mode, i) => {
              const id = i === 0 ? fieldId(FORM, 'phasingMode') : `${FORM}-phasingMode-${mode}`;
              return (
                <div className="krds-form-check" key={mode}>
                  <input
                    type="radio"
                    name="phasingMode"
                    id={id}
                    checked={state.phasingMode === mode}
                    onChange={() => setPhasingMode(mode)}
                  />
                  <label htmlFor={id}>{t(`plan.phasing.${mode}`)}</label>
                </div>
              );
            })}
          </div>
          {state.phasingMode === 'even' ? (
            <p className="form-hint">
              {t('plan.phasing.evenHint', {
                months: months
                  .map((m, i) => `${monthLabel(i + 1, locale)} ${formatNumber(m ?? 0)}`)
                  .join(', '),
              })}
            </p>
          ) : (
            <>
              <div className="month-grid">
                {state.phasing.map((value, i) => (
                  <NumberField
                    // biome-ignore lint/suspicious/noArrayIndexKey: the twelve months are fixed places
                    key={i}
                    id={fieldId(FORM, `phasing.${i}`)}
                    label={monthLabel(i + 1, locale)}
                    value={value}
                    onChange={(v) => setMonth(i, v)}
                    error={errors[`phasing.${i}`]}
                  />
                ))}
              </div>
              <p
                className={check.matches ? 'phasing-check ok' : 'phasing-check off'}
                aria-live="polite"
                data-testid="phasing-check"
              >
                {t('plan.phasing.check', {
                  sum: formatNumber(check.sum),
                  target: formatNumber(figures.annualTarget),
                })}
                {' — '}
                {check.matches
                  ? t('plan.phasing.matches')
                  : check.difference > 0
                    ? t('plan.phasing.over', { n: formatNumber(check.difference) })
                    : t('plan.phasing.under', { n: formatNumber(-check.difference) })}
              </p>
              <button
                type="button"
                className="krds-btn xsmall tertiary"
                onClick={() => set('phasing', evenPhasing(figures.annualTarget).map(String))}
              >
                {t('plan.phasing.fillEven')}
              </button>
            </>
          )}
          {errors.phasing && (
            <p className="form-hint-invalid" id={`${FORM}-phasing-error`} role="alert">
              {errors.phasing[locale]}
            </p>
          )}
        </fieldset>

        {groups.length > 0 && (
          <fieldset className="form-group">
            <legend className="form-legend">{labels.groupTargets}</legend>
            <p className="form-hint">{t('plan.program.groupTargetsHint')}</p>
            <div className="field-grid">
              {groups.map((g) => (
                <NumberField
                  key={g}
                  id={fieldId(FORM, `groupTargets.${g}`)}
                  label={TARGET_GROUP_LABELS[g][locale]}
                  value={state.groupTargets[g] ?? ''}
                  onChange={(v) => set('groupTargets', { ...state.groupTargets, [g]: v })}
                  error={errors[`groupTargets.${g}`]}
                  unit={t('plan.unit.people')}
                />
              ))}
            </div>
            <p
              className={groupSum > figures.annualTarget ? 'phasing-check off' : 'form-hint'}
              aria-live="polite"
            >
              {t('plan.program.groupSum', {
                sum: formatNumber(groupSum),
                target: formatNumber(figures.annualTarget),
              })}
            </p>
            {errors.groupTargets && <p className="form-hint-invalid">{errors.groupTargets[locale]}</p>}
          </fieldset>
        )}

        <div className="krds-form-check">
          <input
            type="checkbox"
            id={fieldId(FORM, 'illustrative')}
            checked={state.illustrative}
            onChange={(e) => set('illustrative', e.target.checked)}
          />
          <label htmlFor={fieldId(FORM, 'illustrative')}>{labels.illustrative}</label>
        </div>
      </form>
    </Modal>
  );
}
