import { EMPLOYER_FLAGS, EMPLOYER_SIZES, KSIC_SECTIONS } from '@ilteo/shared';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useSession } from '../../api/queries';
import { type FieldErrors, fieldErrorsOf } from '../../api/validation';
import { ErrorSummary, fieldId, SelectField, TextField, useFormFeedback } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { ConflictNotice, isConflict } from '../plan/conflict';
import { TextAreaField } from '../plan/fields';
import { type Employer, employerKey, type Region, useDongs, useEmployer, useSaveEmployer } from './api';
import {
  businessNumberMessage,
  businessNumberState,
  checkEmployer,
  EMPLOYER_FIELDS,
  type EmployerFormState,
  employerBody,
  employerFormFrom,
  emptyContact,
  isProfileComplete,
  tidyBusinessNumber,
} from './employerForm';
import { useTouched } from './touched';
import './jobs.css';

const FORM = 'employer-form';
const MAX_CONTACTS = 5;

/** 기업 정보: the company's own profile. A new employer lands here to complete it. */
export function EmployerProfilePage() {
  const t = useI18n().t;
  const user = useSession().data?.user ?? null;
  const employerId = user?.employerId ?? null;
  const employer = useEmployer(employerId);
  const dongs = useDongs();

  if (employerId === null) return <Notice tone="warning">{t('jobs.employer.noCompany')}</Notice>;
  if (employer.isPending) return <Loading />;
  if (employer.isError) return <ErrorNotice error={employer.error} onRetry={() => void employer.refetch()} />;
  return (
    <div className="jobs-page narrow-wide">
      <PageHeading>{t('jobs.profile.title')}</PageHeading>
      <p className="lead">{t('jobs.profile.lead')}</p>
      <ProfileForm employer={employer.data} dongs={dongs.data ?? []} />
    </div>
  );
}

function ProfileForm({ employer, dongs }: { employer: Employer; dongs: readonly Region[] }) {
  const { locale, t } = useI18n();
  const client = useQueryClient();
  const save = useSaveEmployer(employer.id);
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const touched = useTouched();
  const [state, setState] = useState<EmployerFormState>(() => employerFormFrom(employer));
  const [base, setBase] = useState(employer);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});

  const set = <K extends keyof EmployerFormState>(
    key: K,
    value: EmployerFormState[K],
    field: string = key,
  ) => {
    setState((s) => ({ ...s, [key]: value }));
    setServerErrors((e) => {
      const { [field]: _, ...rest } = e;
      return rest;
    });
    setSaved(false);
  };
  const setContact = (index: number, key: keyof EmployerFormState['contacts'][number], value: string) =>
    setState((s) => ({
      ...s,
      contacts: s.contacts.map((c, i) => (i === index ? { ...c, [key]: value } : c)),
    }));

  const bnState = businessNumberState(state.businessNumber);
  const live = checkEmployer(state);
  // The check digit is judged as soon as ten digits are there, without waiting for the field to be left.
  const bnMessage = businessNumberMessage(bnState);
  const errors: FieldErrors = {
    ...touched.shown(live),
    ...(bnMessage ? { businessNumber: bnMessage } : {}),
    ...serverErrors,
  };
  const complete = isProfileComplete(base);

  const reload = async () => {
    const fresh = await client.fetchQuery({ queryKey: employerKey(employer.id), staleTime: 0 });
    const latest = fresh as Employer;
    setBase(latest);
    setState(employerFormFrom(latest));
    setConflict(false);
    setServerErrors({});
    touched.reset();
    clear();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    touched.touchAll();
    setSaved(false);
    if (Object.keys(live).length) return showInvalid(live);
    clear();
    try {
      const updated = await save.mutateAsync({ ...employerBody(state), version: base.version } as never);
      setBase(updated);
      setState(employerFormFrom(updated));
      setSaved(true);
    } catch (error) {
      setConflict(isConflict(error));
      const fields = fieldErrorsOf(error);
      setServerErrors(fields);
      if (error instanceof ApiError && error.fieldErrors.length) showInvalid(fields);
      else showError(error);
    }
  };

  const labels: Record<string, string> = {
    businessNumber: t('jobs.profile.businessNumber'),
    name: t('jobs.profile.name'),
    representative: t('jobs.profile.representative'),
    industry: t('jobs.profile.industry'),
    size: t('jobs.profile.size'),
    'place.dongCode': t('jobs.profile.dong'),
    'place.address': t('jobs.field.address'),
    flags: t('jobs.profile.flags'),
    homepage: t('jobs.profile.homepage'),
    description: t('jobs.profile.description'),
    contacts: t('jobs.profile.contacts'),
  };
  const ordered: Record<string, string> = Object.fromEntries(
    EMPLOYER_FIELDS.map((f) => [f, labels[f] as string]),
  );
  state.contacts.forEach((_, i) => {
    for (const key of ['name', 'position', 'phone', 'email'] as const)
      ordered[`contacts.${i}.${key}`] =
        `${t('jobs.profile.contactN', { n: i + 1 })} ${t(`jobs.contact.${key}`)}`;
  });
  const id = (field: string) => fieldId(FORM, field);
  const blur = (field: string) => () => touched.touch(field);

  return (
    <>
      {!complete && (
        <Notice tone="warning" title={t('jobs.profile.incompleteTitle')}>
          <p>{t('jobs.profile.incompleteBody')}</p>
        </Notice>
      )}
      {saved && (
        <Notice tone="success" live title={t('jobs.profile.saved')}>
          {isProfileComplete(base) && (
            <p>
              <Link to="/employer/vacancies/new">{t('jobs.profile.postFirst')}</Link>
            </p>
          )}
        </Notice>
      )}
      {conflict && <ConflictNotice onReload={() => void reload()} />}
      <form id={FORM} className="form" onSubmit={onSubmit} noValidate data-testid="employer-form">
        <ErrorSummary formId={FORM} feedback={feedback} labels={ordered} />
        <TextField
          id={id('businessNumber')}
          label={labels.businessNumber}
          hint={
            bnState === 'valid' ? (
              <span className="jobs-ok" data-testid="bn-ok">
                {t('jobs.profile.businessNumberOk')}
              </span>
            ) : (
              t('jobs.profile.businessNumberHint')
            )
          }
          value={state.businessNumber}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          onChange={(e) => set('businessNumber', e.target.value)}
          onBlur={() => {
            touched.touch('businessNumber');
            set('businessNumber', tidyBusinessNumber(state.businessNumber));
          }}
          error={errors.businessNumber}
          required
        />
        <TextField
          id={id('name')}
          label={labels.name}
          value={state.name}
          autoComplete="organization"
          maxLength={100}
          onChange={(e) => set('name', e.target.value)}
          onBlur={blur('name')}
          error={errors.name}
          required
        />
        <TextField
          id={id('representative')}
          label={labels.representative}
          value={state.representative}
          maxLength={50}
          onChange={(e) => set('representative', e.target.value)}
          onBlur={blur('representative')}
          error={errors.representative}
          required
        />
        <div className="jobs-form-pair">
          <SelectField
            id={id('industry')}
            label={labels.industry}
            value={state.industry}
            onChange={(e) => {
              set('industry', e.target.value as EmployerFormState['industry']);
              touched.touch('industry');
            }}
            error={errors.industry}
            required
          >
            <option value="">{t('jobs.choose')}</option>
            {KSIC_SECTIONS.map((s) => (
              <option key={s} value={s}>
                {s}. {t(`jobs.ksic.${s}`)}
              </option>
            ))}
          </SelectField>
          <SelectField
            id={id('size')}
            label={labels.size}
            value={state.size}
            onChange={(e) => {
              set('size', e.target.value as EmployerFormState['size']);
              touched.touch('size');
            }}
            error={errors.size}
            required
          >
            <option value="">{t('jobs.choose')}</option>
            {EMPLOYER_SIZES.map((s) => (
              <option key={s} value={s}>
                {t(`jobs.size.${s}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="jobs-form-pair">
          <SelectField
            id={id('place.dongCode')}
            label={labels['place.dongCode']}
            hint={t('jobs.profile.dongHint')}
            value={state.dongCode}
            onChange={(e) => {
              const dong = dongs.find((d) => d.code === e.target.value);
              setState((s) => ({ ...s, dongCode: e.target.value, regionScheme: dong?.scheme ?? '' }));
              touched.touch('place.dongCode');
            }}
            error={errors['place.dongCode']}
            required
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
            autoComplete="street-address"
            maxLength={200}
            onChange={(e) => set('address', e.target.value, 'place.address')}
            onBlur={blur('place.address')}
            error={errors['place.address']}
          />
        </div>
        <fieldset className="form-group choice-group">
          <legend className="form-legend">{labels.flags}</legend>
          <div className="krds-check-area">
            {EMPLOYER_FLAGS.map((flag) => (
              <div className="krds-form-check" key={flag}>
                <input
                  type="checkbox"
                  id={id(`flags-${flag}`)}
                  checked={state.flags.includes(flag)}
                  onChange={(e) =>
                    set(
                      'flags',
                      e.target.checked ? [...state.flags, flag] : state.flags.filter((f) => f !== flag),
                    )
                  }
                />
                <label htmlFor={id(`flags-${flag}`)}>{t(`jobs.flag.${flag}`)}</label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextField
          id={id('homepage')}
          label={labels.homepage}
          hint={t('jobs.profile.homepageHint')}
          type="url"
          value={state.homepage}
          maxLength={300}
          onChange={(e) => set('homepage', e.target.value)}
          onBlur={blur('homepage')}
          error={errors.homepage}
        />
        <TextAreaField
          id={id('description')}
          label={labels.description}
          value={state.description}
          maxLength={2000}
          rows={4}
          onChange={(e) => set('description', e.target.value)}
          onBlur={blur('description')}
          error={errors.description}
        />

        <fieldset className="form-group jobs-contacts">
          <legend className="form-legend">{labels.contacts}</legend>
          <p className="form-hint">{t('jobs.profile.contactsHint')}</p>
          {state.contacts.map((c, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contact rows have no identity until saved
            <div className="jobs-contact" key={i}>
              <p className="jobs-contact-title">{t('jobs.profile.contactN', { n: i + 1 })}</p>
              <div className="jobs-form-pair">
                {(['name', 'position', 'phone', 'email'] as const).map((key) => (
                  <TextField
                    key={key}
                    id={id(`contacts.${i}.${key}`)}
                    label={t(`jobs.contact.${key}`)}
                    type={key === 'email' ? 'email' : key === 'phone' ? 'tel' : 'text'}
                    value={c[key]}
                    onChange={(e) => setContact(i, key, e.target.value)}
                    onBlur={blur(`contacts.${i}.${key}`)}
                    error={errors[`contacts.${i}.${key}`]}
                    maxLength={key === 'email' ? 254 : 50}
                  />
                ))}
              </div>
              <button
                type="button"
                className="krds-btn small text"
                onClick={() => setState((s) => ({ ...s, contacts: s.contacts.filter((_, j) => j !== i) }))}
              >
                {t('jobs.profile.removeContact', { n: i + 1 })}
              </button>
            </div>
          ))}
          {state.contacts.length < MAX_CONTACTS && (
            <button
              type="button"
              className="krds-btn small secondary"
              onClick={() => setState((s) => ({ ...s, contacts: [...s.contacts, emptyContact()] }))}
            >
              {t('jobs.profile.addContact')}
            </button>
          )}
        </fieldset>

        <div className="btn-row">
          <button type="submit" className="krds-btn medium primary" disabled={save.isPending}>
            {save.isPending ? t('jobs.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </>
  );
}
