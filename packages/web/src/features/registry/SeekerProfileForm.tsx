import {
  type Bilingual,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  SEEKER_STATUSES,
  type SeekerConsentPurpose,
  SHIFTS,
  WAGE_TYPES,
} from '@ilteo/shared';
import { type FormEvent, type ReactNode, useState } from 'react';
import {
  ErrorSummary,
  FieldFrame,
  fieldId,
  SelectField,
  TextField,
  useFormFeedback,
} from '../../components/form';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useDongs } from './api';
import { vocab } from './labels';
import {
  type CareerRow,
  checkProfile,
  type DeclaredGroup,
  type FormMode,
  MAX_OCCUPATIONS,
  monthlyOf,
  newCareerRow,
  type ProfileFormState,
  toggle,
  withConsent,
} from './profileForm';
import { TaxonomyPicker, Typeahead } from './TaxonomyPicker';

const GROUPS: DeclaredGroup[] = ['career_break_women', 'disabled', 'vulnerable', 'self_sufficiency'];
const CONSENTS: SeekerConsentPurpose[] = ['employment_services', 'recommendation', 'sensitive'];

interface CheckListProps<T extends string> {
  id: string;
  legend: ReactNode;
  options: readonly T[];
  value: readonly T[];
  label: (v: T) => string;
  onChange: (next: T[]) => void;
  error?: Bilingual | undefined;
  disabledOf?: (v: T) => string | null;
}

/** A row of checkboxes for a set of codes, as one fieldset. */
function CheckList<T extends string>({
  id,
  legend,
  options,
  value,
  label,
  onChange,
  error,
  disabledOf,
}: CheckListProps<T>) {
  const { locale } = useI18n();
  return (
    <fieldset className="form-group check-fieldset" id={id} tabIndex={-1}>
      <legend className="form-legend">{legend}</legend>
      <div className="check-row">
        {options.map((option) => {
          const reason = disabledOf?.(option) ?? null;
          const optionId = `${id}-${option}`;
          return (
            <div key={option} className="krds-form-check">
              <input
                type="checkbox"
                id={optionId}
                checked={value.includes(option)}
                disabled={reason !== null}
                aria-describedby={reason ? `${optionId}-why` : undefined}
                onChange={(e) => onChange(toggle(value, option, e.target.checked))}
              />
              <label htmlFor={optionId}>{label(option)}</label>
              {reason && (
                <p className="form-hint check-why" id={`${optionId}-why`}>
                  {reason}
                </p>
              )}
            </div>
          );
        })}
      </div>
      {error && <p className="form-hint-invalid">{error[locale]}</p>}
    </fieldset>
  );
}

interface SeekerProfileFormProps {
  formId: string;
  mode: FormMode;
  initial: ProfileFormState;
  /** The consent in force (edits); registrations use the form's own consent boxes. */
  sensitiveConsent?: boolean;
  /** The counsellor's desks (desk intake). */
  desks?: { id: number; name: string }[];
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (state: ProfileFormState) => Promise<unknown>;
  onCancel?: () => void;
}

/**
 * The seeker profile form: the seeker's own registration, the counsellor's desk intake (with the
 * desk, the consents as the seeker states them, and a note) and editing. The 장애인 box opens only
 * with the separate sensitive-data consent.
 */
export function SeekerProfileForm({
  formId,
  mode,
  initial,
  sensitiveConsent,
  desks = [],
  submitLabel,
  pendingLabel,
  onSubmit,
  onCancel,
}: SeekerProfileFormProps) {
  const { locale, t } = useI18n();
  const [state, setState] = useState<ProfileFormState>(initial);
  const [pending, setPending] = useState(false);
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const dongs = useDongs();
  const errors = feedback.errors;
  const id = (field: string) => fieldId(formId, field);
  const set = <K extends keyof ProfileFormState>(key: K, value: ProfileFormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const sensitive = mode === 'edit' ? (sensitiveConsent ?? false) : state.consents.sensitive;
  const monthly = monthlyOf(state);

  const labels: Record<string, string> = {
    name: t('registry.field.name'),
    birthYear: t('registry.field.birthYear'),
    gender: t('registry.field.gender'),
    phone: t('registry.field.phone'),
    email: t('registry.field.email'),
    desiredOccupations: t('registry.field.desiredOccupations'),
    skills: t('registry.field.skills'),
    certificates: t('registry.field.certificates'),
    education: t('registry.field.education'),
    careers: t('registry.field.careers'),
    'desiredWage.amount': t('registry.field.wageAmount'),
    'desiredWage.type': t('registry.field.wageType'),
    weeklyHours: t('registry.field.weeklyHours'),
    shifts: t('registry.field.shifts'),
    employmentTypes: t('registry.field.employmentTypes'),
    homeDongCode: t('registry.field.homeDong'),
    commuteKm: t('registry.field.commuteKm'),
    availableFrom: t('registry.field.availableFrom'),
    groups: t('registry.field.groups'),
    'consents.employment_services': t('registry.consent.employment_services'),
    deskUnitId: t('registry.field.desk'),
    intakeNote: t('registry.field.intakeNote'),
    status: t('registry.field.status'),
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const invalid = checkProfile(state, mode, sensitive);
    if (invalid) return showInvalid(invalid);
    clear();
    setPending(true);
    try {
      await onSubmit(state);
    } catch (error) {
      showError(error);
    } finally {
      setPending(false);
    }
  };

  const setCareer = (key: number, change: Partial<CareerRow>) =>
    set(
      'careers',
      state.careers.map((c) => (c.key === key ? { ...c, ...change } : c)),
    );

  return (
    <form id={formId} className="form profile-form" onSubmit={submit} noValidate data-testid={formId}>
      <ErrorSummary formId={formId} feedback={feedback} labels={labels} />

      <section className="form-section" aria-labelledby={`${formId}-basic`}>
        <h2 className="section-title" id={`${formId}-basic`}>
          {t('registry.section.basic')}
        </h2>
        <div className="form-grid">
          <TextField
            id={id('name')}
            label={labels.name}
            value={state.name}
            onChange={(e) => set('name', e.target.value)}
            error={errors.name}
            maxLength={50}
            autoComplete={mode === 'self' ? 'name' : 'off'}
            required
          />
          <TextField
            id={id('birthYear')}
            label={labels.birthYear}
            hint={t('registry.field.birthYearHint')}
            value={state.birthYear}
            onChange={(e) => set('birthYear', e.target.value)}
            error={errors.birthYear}
            inputMode="numeric"
            maxLength={4}
            required
          />
          <SelectField
            id={id('gender')}
            label={labels.gender}
            value={state.gender}
            onChange={(e) => set('gender', e.target.value as ProfileFormState['gender'])}
            error={errors.gender}
          >
            <option value="">{t('registry.gender.unset')}</option>
            {(['female', 'male', 'other'] as const).map((g) => (
              <option key={g} value={g}>
                {vocab(t, 'gender', g)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={id('phone')}
            label={labels.phone}
            hint={t('registry.field.phoneHint')}
            value={state.phone}
            onChange={(e) => set('phone', e.target.value)}
            error={errors.phone}
            inputMode="tel"
            autoComplete={mode === 'self' ? 'tel' : 'off'}
            maxLength={13}
          />
          {mode === 'edit' && (
            <SelectField
              id={id('status')}
              label={labels.status}
              value={state.status}
              onChange={(e) => set('status', e.target.value as ProfileFormState['status'])}
              error={errors.status}
              required
            >
              {SEEKER_STATUSES.map((v) => (
                <option key={v} value={v}>
                  {vocab(t, 'seekerStatus', v)}
                </option>
              ))}
            </SelectField>
          )}
          <TextField
            id={id('email')}
            label={labels.email}
            type="email"
            value={state.email}
            onChange={(e) => set('email', e.target.value)}
            error={errors.email}
            autoComplete={mode === 'self' ? 'email' : 'off'}
            maxLength={254}
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby={`${formId}-wish`}>
        <h2 className="section-title" id={`${formId}-wish`}>
          {t('registry.section.wish')}
        </h2>
        <TaxonomyPicker
          id={id('desiredOccupations')}
          kind="occupation"
          label={labels.desiredOccupations}
          hint={t('registry.field.desiredOccupationsHint', { max: MAX_OCCUPATIONS })}
          value={state.desiredOccupations}
          onChange={(v) => set('desiredOccupations', v)}
          error={errors.desiredOccupations}
          max={MAX_OCCUPATIONS}
          required
          testId="pick-occupations"
        />
        <TaxonomyPicker
          id={id('skills')}
          kind="skill"
          label={labels.skills}
          hint={t('registry.field.skillsHint')}
          value={state.skills}
          onChange={(v) => set('skills', v)}
          error={errors.skills}
          max={30}
        />
        <TaxonomyPicker
          id={id('certificates')}
          kind="certificate"
          label={labels.certificates}
          hint={t('registry.field.certificatesHint')}
          value={state.certificates}
          onChange={(v) => set('certificates', v)}
          error={errors.certificates}
          max={20}
        />
        <SelectField
          id={id('education')}
          label={labels.education}
          value={state.education}
          onChange={(e) => set('education', e.target.value as ProfileFormState['education'])}
          error={errors.education}
          required
        >
          {EDUCATION_LEVELS.filter((l) => l !== 'any').map((l) => (
            <option key={l} value={l}>
              {vocab(t, 'education', l)}
            </option>
          ))}
        </SelectField>
      </section>

      <section className="form-section" aria-labelledby={`${formId}-careers`}>
        <h2 className="section-title" id={`${formId}-careers`}>
          {labels.careers}
        </h2>
        {state.careers.length === 0 && <p className="muted">{t('registry.career.none')}</p>}
        <ol className="career-list">
          {state.careers.map((career, index) => (
            <li key={career.key} className="career-row">
              <FieldFrame
                id={id(`careers.${index}.occupation`)}
                label={t('registry.career.occupation', { n: index + 1 })}
                error={errors[`careers.${index}.occupation`]}
                required
              >
                {(aria) =>
                  career.occupation ? (
                    <div className="chips">
                      <span className="chip">
                        <span>{career.occupation.label}</span>
                        <button
                          type="button"
                          className="chip-remove"
                          id={id(`careers.${index}.occupation`)}
                          aria-label={t('registry.typeahead.remove', { label: career.occupation.label })}
                          onClick={() => setCareer(career.key, { occupation: null })}
                        >
                          ×
                        </button>
                      </span>
                    </div>
                  ) : (
                    <Typeahead
                      id={id(`careers.${index}.occupation`)}
                      kind="occupation"
                      placeholder={t('registry.typeahead.placeholder')}
                      onPick={(item) => setCareer(career.key, { occupation: item })}
                      aria={aria}
                    />
                  )
                }
              </FieldFrame>
              <TextField
                id={id(`careers.${index}.months`)}
                label={t('registry.career.months')}
                value={career.months}
                onChange={(e) => setCareer(career.key, { months: e.target.value })}
                error={errors[`careers.${index}.months`]}
                inputMode="numeric"
                maxLength={3}
                required
              />
              <TextField
                id={id(`careers.${index}.company`)}
                label={t('registry.career.company')}
                value={career.company}
                onChange={(e) => setCareer(career.key, { company: e.target.value })}
                error={errors[`careers.${index}.company`]}
                maxLength={100}
              />
              <button
                type="button"
                className="krds-btn small tertiary career-remove"
                onClick={() =>
                  set(
                    'careers',
                    state.careers.filter((c) => c.key !== career.key),
                  )
                }
              >
                {t('registry.career.remove', { n: index + 1 })}
              </button>
            </li>
          ))}
        </ol>
        {state.careers.length < 20 && (
          <button
            type="button"
            className="krds-btn small secondary"
            onClick={() => set('careers', [...state.careers, newCareerRow()])}
          >
            {t('registry.career.add')}
          </button>
        )}
      </section>

      <section className="form-section" aria-labelledby={`${formId}-terms`}>
        <h2 className="section-title" id={`${formId}-terms`}>
          {t('registry.section.terms')}
        </h2>
        <div className="form-grid">
          <SelectField
            id={id('desiredWage.type')}
            label={labels['desiredWage.type']}
            value={state.wageType}
            onChange={(e) => set('wageType', e.target.value as ProfileFormState['wageType'])}
            error={errors['desiredWage.type']}
          >
            {WAGE_TYPES.map((w) => (
              <option key={w} value={w}>
                {vocab(t, 'wageType', w)}
              </option>
            ))}
          </SelectField>
          <TextField
            id={id('desiredWage.amount')}
            label={labels['desiredWage.amount']}
            hint={
              <span aria-live="polite" data-testid="wage-monthly">
                {monthly === null
                  ? t('registry.wage.monthlyHint')
                  : t('registry.wage.monthly', { amount: formatMoney(monthly, locale) })}
              </span>
            }
            value={state.wageAmount}
            onChange={(e) => set('wageAmount', e.target.value)}
            error={errors['desiredWage.amount'] ?? errors.desiredWage}
            inputMode="numeric"
            maxLength={14}
          />
        </div>
        <div className="krds-form-check">
          <input
            type="checkbox"
            id={id('wageFirm')}
            checked={state.wageFirm}
            onChange={(e) => set('wageFirm', e.target.checked)}
          />
          <label htmlFor={id('wageFirm')}>{t('registry.field.wageFirm')}</label>
        </div>
        <div className="form-grid">
          <TextField
            id={id('weeklyHours')}
            label={labels.weeklyHours}
            value={state.weeklyHours}
            onChange={(e) => set('weeklyHours', e.target.value)}
            error={errors.weeklyHours}
            inputMode="numeric"
            maxLength={2}
          />
          <TextField
            id={id('availableFrom')}
            label={labels.availableFrom}
            type="date"
            value={state.availableFrom}
            onChange={(e) => set('availableFrom', e.target.value)}
            error={errors.availableFrom}
          />
        </div>
        <CheckList
          id={id('shifts')}
          legend={labels.shifts}
          options={SHIFTS}
          value={state.shifts}
          label={(v) => vocab(t, 'shift', v)}
          onChange={(v) => set('shifts', v)}
          error={errors.shifts}
        />
        <CheckList
          id={id('employmentTypes')}
          legend={labels.employmentTypes}
          options={EMPLOYMENT_TYPES}
          value={state.employmentTypes}
          label={(v) => vocab(t, 'employmentType', v)}
          onChange={(v) => set('employmentTypes', v)}
          error={errors.employmentTypes}
        />
        <div className="form-grid">
          <SelectField
            id={id('homeDongCode')}
            label={labels.homeDongCode}
            value={state.homeDongCode}
            onChange={(e) => set('homeDongCode', e.target.value)}
            error={errors.homeDongCode}
          >
            <option value="">{t('registry.field.homeDongUnset')}</option>
            {(dongs.data ?? []).map((d) => (
              <option key={d.code} value={d.code}>
                {locale === 'ko' ? d.name : d.nameEn || d.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id={id('commuteKm')}
            label={labels.commuteKm}
            value={state.commuteKm}
            onChange={(e) => set('commuteKm', e.target.value)}
            error={errors.commuteKm}
            inputMode="decimal"
            maxLength={5}
          />
        </div>
      </section>

      <section className="form-section" aria-labelledby={`${formId}-groups`}>
        <h2 className="section-title" id={`${formId}-groups`}>
          {labels.groups}
        </h2>
        <p className="muted">{t('registry.groups.ageNote')}</p>
        <CheckList
          id={id('groups')}
          legend={t('registry.groups.legend')}
          options={GROUPS}
          value={state.groups}
          label={(v) => vocab(t, 'group', v)}
          onChange={(v) => set('groups', v)}
          error={errors.groups}
          disabledOf={(v) =>
            v === 'disabled' && !sensitive
              ? mode === 'edit'
                ? t('registry.groups.disabledNeedsConsentEdit')
                : t('registry.groups.disabledNeedsConsent')
              : null
          }
        />
      </section>

      {mode !== 'edit' && (
        <section className="form-section" aria-labelledby={`${formId}-consents`}>
          <h2 className="section-title" id={`${formId}-consents`}>
            {mode === 'desk' ? t('registry.consent.deskTitle') : t('registry.consent.title')}
          </h2>
          <fieldset className="consent-group check-fieldset">
            <legend className="sr-only">
              {mode === 'desk' ? t('registry.consent.deskTitle') : t('registry.consent.title')}
            </legend>
            {mode === 'desk' && <p className="muted">{t('registry.consent.deskExplain')}</p>}
            {CONSENTS.map((purpose) => {
              const checkId = id(`consents.${purpose}`);
              const error =
                errors[`consents.${purpose}`] ??
                (purpose === 'employment_services' ? errors.consents : undefined);
              return (
                <div key={purpose}>
                  <div className="consent-box" id={`${checkId}-text`}>
                    <p>{t(`registry.consent.${purpose}.text`)}</p>
                  </div>
                  <div className={error ? 'krds-form-check is-error' : 'krds-form-check'}>
                    <input
                      type="checkbox"
                      id={checkId}
                      checked={state.consents[purpose]}
                      onChange={(e) => setState((s) => withConsent(s, purpose, e.target.checked))}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={[`${checkId}-text`, error && `${checkId}-error`]
                        .filter(Boolean)
                        .join(' ')}
                    />
                    <label htmlFor={checkId}>{t(`registry.consent.${purpose}.agree`)}</label>
                  </div>
                  {error && (
                    <p className="form-hint-invalid" id={`${checkId}-error`}>
                      {error[locale]}
                    </p>
                  )}
                </div>
              );
            })}
          </fieldset>
        </section>
      )}

      {mode === 'desk' && (
        <section className="form-section" aria-labelledby={`${formId}-desk`}>
          <h2 className="section-title" id={`${formId}-desk`}>
            {t('registry.section.desk')}
          </h2>
          <SelectField
            id={id('deskUnitId')}
            label={labels.deskUnitId}
            value={state.deskUnitId}
            onChange={(e) => set('deskUnitId', e.target.value)}
            error={errors.deskUnitId}
            required
          >
            <option value="">{t('registry.field.deskChoose')}</option>
            {desks.map((d) => (
              <option key={d.id} value={String(d.id)}>
                {d.name}
              </option>
            ))}
          </SelectField>
          <FieldFrame
            id={id('intakeNote')}
            label={labels.intakeNote}
            hint={t('registry.field.intakeNoteHint')}
            error={errors.intakeNote}
          >
            {(aria) => (
              <textarea
                id={id('intakeNote')}
                className="krds-input textarea"
                rows={4}
                maxLength={2000}
                value={state.intakeNote}
                onChange={(e) => set('intakeNote', e.target.value)}
                {...aria}
              />
            )}
          </FieldFrame>
        </section>
      )}

      <div className="btn-row form-actions">
        <button type="submit" className="krds-btn large primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="krds-btn large tertiary" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
