import {
  type Bilingual,
  CAREER_REQUIREMENTS,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  minimumWageFor,
  PERSON_GROUPS,
  type PersonGroup,
  SHIFTS,
  type Shift,
  WAGE_TYPES,
} from '@ilteo/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router-dom';
import { ApiError, api } from '../../api/client';
import { useSession } from '../../api/queries';
import type { FieldErrors } from '../../api/validation';
import { ErrorSummary, fieldId, SelectField, TextField, useFormFeedback } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { formatMoney, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { ConflictNotice, isConflict } from '../plan/conflict';
import { NumberField, TextAreaField } from '../plan/fields';
import { groupDigits } from '../plan/numbers';
import {
  type Employer,
  type Region,
  useDongs,
  useEmployer,
  useMinimumWages,
  useVacancy,
  useVacancyEdits,
  type Vacancy,
  vacancyKey,
  validateVacancy,
} from './api';
import { isProfileComplete } from './employerForm';
import { PickedList, Typeahead } from './Typeahead';
import { useTouched } from './touched';
import {
  checkVacancy,
  emptyVacancyForm,
  readNumber,
  seoulToday,
  serverErrorsOf,
  VACANCY_FIELDS,
  type VacancyFormState,
  vacancyBody,
  vacancyFormFrom,
} from './vacancyForm';
import { minimumWageTable, typedMonthly, wageTypeLabel } from './wage';
import './jobs.css';

const FORM = 'vacancy-form';
const SERVER_CHECK_MS = 600;

/** The employer's vacancy form: a new vacancy, or `/:id/edit` of one of its own. */
export function VacancyFormPage({ mode }: { mode: 'new' | 'edit' }) {
  const t = useI18n().t;
  const id = Number(useParams().id);
  const user = useSession().data?.user ?? null;
  const employer = useEmployer(user?.employerId ?? null);
  const vacancy = useVacancy(mode === 'edit' ? id : 0);
  const wages = useMinimumWages();
  const dongs = useDongs();

  if (!user?.employerId) return <Notice tone="warning">{t('jobs.employer.noCompany')}</Notice>;
  if (employer.isError) return <ErrorNotice error={employer.error} onRetry={() => void employer.refetch()} />;
  if (mode === 'edit' && vacancy.isError)
    return <ErrorNotice error={vacancy.error} onRetry={() => void vacancy.refetch()} />;
  if (employer.isPending || (mode === 'edit' && vacancy.isPending)) return <Loading />;
  if (!isProfileComplete(employer.data)) return <Navigate to="/employer/profile" replace />;

  const editing = mode === 'edit' ? (vacancy.data ?? null) : null;
  return (
    <div className="jobs-page narrow-wide">
      <PageHeading>{editing ? t('jobs.form.editTitle') : t('jobs.form.newTitle')}</PageHeading>
      <p className="lead">{t('jobs.form.lead')}</p>
      {wages.isError && <ErrorNotice error={wages.error} onRetry={() => void wages.refetch()} />}
      <VacancyForm
        key={editing?.id ?? 'new'}
        employer={employer.data}
        vacancy={editing}
        minimumWages={minimumWageTable(wages.data?.items ?? [])}
        dongs={dongs.data ?? []}
      />
    </div>
  );
}

interface VacancyFormProps {
  employer: Employer;
  vacancy: Vacancy | null;
  minimumWages: Record<number, number>;
  dongs: readonly Region[];
}

function VacancyForm({ employer, vacancy, minimumWages, dongs }: VacancyFormProps) {
  const { locale, t } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const edits = useVacancyEdits();
  const touched = useTouched();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [state, setState] = useState<VacancyFormState>(() =>
    vacancy ? vacancyFormFrom(vacancy) : emptyVacancyForm(seoulToday(), employer.place),
  );
  const [base, setBase] = useState(vacancy);
  const [liveServer, setLiveServer] = useState<{ body: string; errors: FieldErrors }>({
    body: '',
    errors: {},
  });
  const [submitErrors, setSubmitErrors] = useState<FieldErrors>({});
  const [conflict, setConflict] = useState(false);
  const pending = edits.create.isPending || edits.update.isPending;

  const set = <K extends keyof VacancyFormState>(key: K, value: VacancyFormState[K], field: string = key) => {
    setState((s) => ({ ...s, [key]: value }));
    setSubmitErrors((e) => {
      const { [field]: _, ...rest } = e;
      return rest;
    });
  };
  const touch = (field: string) => () => touched.touch(field);
  const toggle = <T extends string>(list: readonly T[], value: T, on: boolean) =>
    on ? [...list, value] : list.filter((v) => v !== value);

  const live = checkVacancy(state, minimumWages);
  const body = useMemo(() => vacancyBody(state), [state]);
  const bodyText = JSON.stringify(body);

  // The server's own checks (codes it knows, dongs, the minimum wage table it holds), after a pause.
  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      validateVacancy(JSON.parse(bodyText), controller.signal)
        .then((answer) => setLiveServer({ body: bodyText, errors: serverErrorsOf(answer.errors) }))
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.fieldErrors.length)
            setLiveServer({ body: bodyText, errors: serverErrorsOf(error.fieldErrors) });
        });
    }, SERVER_CHECK_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [bodyText]);

  // The form's own message wins where both speak; the server's answer counts only for what is typed now.
  const server = liveServer.body === bodyText ? liveServer.errors : {};
  const errors: FieldErrors = { ...touched.shown({ ...server, ...live }), ...submitErrors };

  const labels: Record<string, string> = {
    title: t('jobs.field.title'),
    occupation: t('jobs.field.occupation'),
    employmentType: t('jobs.field.employmentType'),
    'wage.type': t('jobs.field.wageType'),
    'wage.amount': t('jobs.field.wageAmount'),
    weeklyHours: t('jobs.field.weeklyHours'),
    shifts: t('jobs.field.shifts'),
    openings: t('jobs.field.openings'),
    opensOn: t('jobs.field.opensOn'),
    closesOn: t('jobs.field.closesOn'),
    'place.dongCode': t('jobs.field.dong'),
    'place.address': t('jobs.field.address'),
    education: t('jobs.field.education'),
    career: t('jobs.field.career'),
    minCareerMonths: t('jobs.field.minCareerMonths'),
    requiredSkills: t('jobs.field.requiredSkills'),
    requiredCertificates: t('jobs.field.requiredCertificates'),
    preferredGroups: t('jobs.field.preferredGroups'),
    eligibleGroups: t('jobs.field.eligibleGroups'),
    description: t('jobs.field.description'),
  };
  const ordered = Object.fromEntries(VACANCY_FIELDS.map((f) => [f, labels[f] as string]));

  const reload = async () => {
    if (!base) return;
    const latest = await client.fetchQuery({
      queryKey: vacancyKey(base.id),
      queryFn: () => api<Vacancy>('GET', `/vacancies/${base.id}`),
      staleTime: 0,
    });
    setBase(latest);
    setState(vacancyFormFrom(latest));
    setConflict(false);
    setSubmitErrors({});
    touched.reset();
    clear();
  };

  const submit = async (status: 'open' | 'draft') => {
    touched.touchAll();
    setConflict(false);
    if (Object.keys(live).length) return showInvalid(live);
    clear();
    try {
      const saved = base
        ? await edits.update.mutateAsync({ id: base.id, body: { ...body, version: base.version } })
        : await edits.create.mutateAsync({ ...body, status });
      navigate(`/jobs/${saved.id}`, { state: { saved: base ? 'updated' : status } });
    } catch (error) {
      setConflict(isConflict(error));
      if (error instanceof ApiError && error.fieldErrors.length) {
        const fields = serverErrorsOf(error.fieldErrors);
        setSubmitErrors(fields);
        showInvalid(fields);
      } else {
        showError(error);
      }
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit('open');
  };

  const id = (field: string) => fieldId(FORM, field);
  const amount = readNumber(state.wageAmount);
  const monthly = typedMonthly(state.wageType, typeof amount === 'number' ? amount : null);
  const year = Number(state.opensOn.slice(0, 4)) || Number(seoulToday().slice(0, 4));
  const minimum = minimumWageFor(minimumWages, year);

  return (
    <form id={FORM} className="form jobs-form" onSubmit={onSubmit} noValidate data-testid="vacancy-form">
      {conflict && <ConflictNotice onReload={() => void reload()} />}
      <ErrorSummary formId={FORM} feedback={feedback} labels={ordered} />

      <FormSection title={t('jobs.form.sectionJob')}>
        <TextField
          id={id('title')}
          label={labels.title}
          hint={t('jobs.form.titleHint')}
          value={state.title}
          maxLength={100}
          onChange={(e) => set('title', e.target.value)}
          onBlur={touch('title')}
          error={errors.title}
          required
        />
        <Typeahead
          id={id('occupation')}
          kind="occupations"
          label={labels.occupation}
          hint={
            state.occupation ? (
              <span data-testid="occupation-chosen">
                {t('jobs.form.occupationChosen', {
                  label: state.occupation.label,
                  code: state.occupation.code,
                })}
              </span>
            ) : (
              t('jobs.form.occupationHint')
            )
          }
          placeholder={state.occupation?.label}
          error={errors.occupation}
          required
          onPick={(item) => {
            set('occupation', item);
            touched.touch('occupation');
          }}
          onBlur={touch('occupation')}
        />
        <SelectField
          id={id('employmentType')}
          label={labels.employmentType}
          value={state.employmentType}
          onChange={(e) => {
            set('employmentType', e.target.value as VacancyFormState['employmentType']);
            touched.touch('employmentType');
          }}
          onBlur={touch('employmentType')}
          error={errors.employmentType}
          required
        >
          <option value="">{t('jobs.choose')}</option>
          {EMPLOYMENT_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`jobs.employmentType.${v}`)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={id('description')}
          label={labels.description}
          hint={t('jobs.form.descriptionHint')}
          value={state.description}
          maxLength={5000}
          rows={6}
          onChange={(e) => set('description', e.target.value)}
          onBlur={touch('description')}
          error={errors.description}
        />
      </FormSection>

      <FormSection title={t('jobs.form.sectionPay')}>
        <div className="jobs-form-pair jobs-wage">
          <SelectField
            id={id('wage.type')}
            label={labels['wage.type']}
            value={state.wageType}
            onChange={(e) => {
              set('wageType', e.target.value as VacancyFormState['wageType'], 'wage.amount');
              touched.touch('wage.type');
            }}
            error={errors['wage.type']}
            required
          >
            {WAGE_TYPES.map((w) => (
              <option key={w} value={w}>
                {wageTypeLabel(w, locale)}
              </option>
            ))}
          </SelectField>
          <NumberField
            id={id('wage.amount')}
            label={labels['wage.amount']}
            unit={locale === 'ko' ? '원' : 'KRW'}
            hint={
              <span data-testid="wage-monthly">
                {monthly !== null && state.wageType !== 'monthly'
                  ? t('jobs.form.monthlyEquivalent', { amount: formatMoney(monthly, locale) })
                  : minimum !== null
                    ? t('jobs.form.minimumHint', {
                        year,
                        hourly: formatNumber(minimum),
                        monthly: formatMoney(minimum * 209, locale),
                      })
                    : ''}
              </span>
            }
            value={state.wageAmount}
            onChange={(value) => {
              set('wageAmount', value, 'wage.amount');
              // The minimum wage is told while the amount is typed, not only when the field is left.
              if (readNumber(value) !== undefined) touched.touch('wage.amount');
            }}
            onBlur={() => {
              touched.touch('wage.amount');
              set('wageAmount', groupDigits(state.wageAmount), 'wage.amount');
            }}
            error={errors['wage.amount']}
            required
          />
        </div>
        <div className="jobs-form-pair">
          <NumberField
            id={id('weeklyHours')}
            label={labels.weeklyHours}
            unit={t('jobs.form.hoursUnit')}
            grouping={false}
            value={state.weeklyHours}
            onChange={(value) => set('weeklyHours', value)}
            onBlur={touch('weeklyHours')}
            error={errors.weeklyHours}
          />
          <NumberField
            id={id('openings')}
            label={labels.openings}
            unit={t('jobs.form.peopleUnit')}
            value={state.openings}
            onChange={(value) => set('openings', value)}
            onBlur={touch('openings')}
            error={errors.openings}
          />
        </div>
        <CheckGroup
          id={id('shifts')}
          legend={labels.shifts}
          error={errors.shifts}
          options={SHIFTS.map((s) => ({ value: s, label: t(`jobs.shift.${s}`) }))}
          checked={state.shifts}
          onToggle={(value, on) => {
            set('shifts', toggle(state.shifts, value as Shift, on));
            touched.touch('shifts');
          }}
        />
      </FormSection>

      <FormSection title={t('jobs.form.sectionWhen')}>
        <div className="jobs-form-pair">
          <TextField
            id={id('opensOn')}
            type="date"
            label={labels.opensOn}
            hint={t('jobs.form.opensOnHint')}
            value={state.opensOn}
            onChange={(e) => {
              set('opensOn', e.target.value);
              touched.touch('opensOn');
            }}
            error={errors.opensOn}
            required
          />
          <div>
            <TextField
              id={id('closesOn')}
              type="date"
              label={labels.closesOn}
              value={state.untilFilled ? '' : state.closesOn}
              disabled={state.untilFilled}
              min={state.opensOn}
              onChange={(e) => {
                set('closesOn', e.target.value);
                touched.touch('closesOn');
              }}
              error={errors.closesOn}
            />
            <div className="krds-form-check jobs-until-filled">
              <input
                type="checkbox"
                id={id('untilFilled')}
                checked={state.untilFilled}
                onChange={(e) => set('untilFilled', e.target.checked, 'closesOn')}
              />
              <label htmlFor={id('untilFilled')}>{t('jobs.untilFilled')}</label>
            </div>
          </div>
        </div>
        <div className="jobs-form-pair">
          <SelectField
            id={id('place.dongCode')}
            label={labels['place.dongCode']}
            value={state.dongCode}
            onChange={(e) => {
              const dong = dongs.find((d) => d.code === e.target.value);
              setState((s) => ({ ...s, dongCode: e.target.value, regionScheme: dong?.scheme ?? '' }));
              touched.touch('place.dongCode');
            }}
            error={errors['place.dongCode']}
          >
            <option value="">{t('jobs.choose')}</option>
            {dongs.map((d) => (
              <option key={d.code} value={d.code}>
                {locale === 'en' && d.nameEn ? d.nameEn : d.name}
              </option>
            ))}
          </SelectField>
          <TextField
            id={id('place.address')}
            label={labels['place.address']}
            value={state.address}
            maxLength={200}
            onChange={(e) => set('address', e.target.value, 'place.address')}
            onBlur={touch('place.address')}
            error={errors['place.address']}
          />
        </div>
      </FormSection>

      <FormSection title={t('jobs.form.sectionWho')}>
        <div className="jobs-form-pair">
          <SelectField
            id={id('education')}
            label={labels.education}
            value={state.education}
            onChange={(e) => set('education', e.target.value as VacancyFormState['education'])}
            error={errors.education}
          >
            {EDUCATION_LEVELS.map((v) => (
              <option key={v} value={v}>
                {t(`jobs.education.${v}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={id('career')}
            label={labels.career}
            value={state.career}
            onChange={(e) => set('career', e.target.value as VacancyFormState['career'])}
            error={errors.career}
          >
            {CAREER_REQUIREMENTS.map((v) => (
              <option key={v} value={v}>
                {t(`jobs.career.${v}`)}
              </option>
            ))}
          </SelectField>
        </div>
        {state.career === 'experienced' && (
          <NumberField
            id={id('minCareerMonths')}
            label={labels.minCareerMonths}
            unit={t('jobs.form.monthsUnit')}
            value={state.minCareerMonths}
            onChange={(value) => set('minCareerMonths', value)}
            onBlur={touch('minCareerMonths')}
            error={errors.minCareerMonths}
          />
        )}
        <Typeahead
          id={id('requiredSkills')}
          kind="skills"
          label={labels.requiredSkills}
          hint={t('jobs.form.skillsHint')}
          error={errors.requiredSkills}
          exclude={state.requiredSkills.map((s) => `${s.scheme}:${s.code}`)}
          onPick={(item) => set('requiredSkills', [...state.requiredSkills, item])}
        />
        <PickedList
          items={state.requiredSkills}
          onRemove={(item) =>
            set(
              'requiredSkills',
              state.requiredSkills.filter((s) => s.code !== item.code),
            )
          }
        />
        <Typeahead
          id={id('requiredCertificates')}
          kind="certificates"
          label={labels.requiredCertificates}
          hint={t('jobs.form.certificatesHint')}
          error={errors.requiredCertificates}
          exclude={state.requiredCertificates.map((s) => `${s.scheme}:${s.code}`)}
          onPick={(item) => set('requiredCertificates', [...state.requiredCertificates, item])}
        />
        <PickedList
          items={state.requiredCertificates}
          onRemove={(item) =>
            set(
              'requiredCertificates',
              state.requiredCertificates.filter((s) => s.code !== item.code),
            )
          }
        />
        <CheckGroup
          id={id('preferredGroups')}
          legend={labels.preferredGroups}
          hint={t('jobs.form.preferredHint')}
          error={errors.preferredGroups}
          options={PERSON_GROUPS.map((g) => ({ value: g, label: t(`jobs.group.${g}`) }))}
          checked={state.preferredGroups}
          onToggle={(value, on) =>
            set('preferredGroups', toggle(state.preferredGroups, value as PersonGroup, on))
          }
        />
        <CheckGroup
          id={id('eligibleGroups')}
          legend={labels.eligibleGroups}
          hint={t('jobs.form.eligibleHint')}
          error={errors.eligibleGroups}
          options={PERSON_GROUPS.map((g) => ({ value: g, label: t(`jobs.group.${g}`) }))}
          checked={state.eligibleGroups}
          onToggle={(value, on) =>
            set('eligibleGroups', toggle(state.eligibleGroups, value as PersonGroup, on))
          }
        />
      </FormSection>

      <div className="btn-row">
        <button type="submit" className="krds-btn medium primary" disabled={pending}>
          {base ? t('common.save') : t('jobs.form.publish')}
        </button>
        {!base && (
          <button
            type="button"
            className="krds-btn medium secondary"
            disabled={pending}
            onClick={() => void submit('draft')}
          >
            {t('jobs.form.saveDraft')}
          </button>
        )}
        <Link className="krds-btn medium tertiary" to="/employer/vacancies">
          {t('common.cancel')}
        </Link>
      </div>
    </form>
  );
}

function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="jobs-form-section">
      <h2 className="section-title">{title}</h2>
      {children}
    </section>
  );
}

interface CheckGroupProps {
  id: string;
  legend: ReactNode;
  hint?: string;
  error?: Bilingual | undefined;
  options: { value: string; label: string }[];
  checked: readonly string[];
  onToggle: (value: string, on: boolean) => void;
}

/** A set of KRDS checkboxes with one legend, hint and error. */
function CheckGroup({ id, legend, hint, error, options, checked, onToggle }: CheckGroupProps) {
  const locale = useI18n().locale;
  return (
    <fieldset className="form-group choice-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="form-legend">{legend}</legend>
      {hint && <p className="form-hint">{hint}</p>}
      <div className="krds-check-area">
        {options.map((o, i) => (
          <div className="krds-form-check" key={o.value}>
            <input
              type="checkbox"
              id={i === 0 ? id : `${id}-${o.value}`}
              checked={checked.includes(o.value)}
              onChange={(e) => onToggle(o.value, e.target.checked)}
            />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
      {error && (
        <p className="form-hint-invalid" id={`${id}-error`}>
          {error[locale]}
        </p>
      )}
    </fieldset>
  );
}
