import { MinimumWageBody, MONTHLY_HOURS } from '@ilteo/shared';
import { type FormEvent, useState } from 'react';
import { validate } from '../../api/validation';
import { ErrorSummary, fieldId, TextField, useFormFeedback } from '../../components/form';
import { PageHeading } from '../../components/PageHeading';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/status';
import { formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { NumberField } from '../plan/fields';
import { useMinimumWages, useSaveMinimumWage } from './api';
import { readNumber } from './vacancyForm';
import './jobs.css';

const FORM = 'minimum-wage-form';

/** 최저임금 관리: the table vacancies are checked against; a new year is added each August. */
export function MinimumWagesPage() {
  const { locale, t } = useI18n();
  const wages = useMinimumWages();
  const save = useSaveMinimumWage();
  const { feedback, showInvalid, showError, clear } = useFormFeedback();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [hourly, setHourly] = useState('');
  const [saved, setSaved] = useState<string | null>(null);

  const items = [...(wages.data?.items ?? [])].sort((a, b) => b.year - a.year);
  const typed = readNumber(hourly);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    const body = { year: readNumber(year), hourly: typed };
    const errors = validate(MinimumWageBody, body);
    if (errors) return showInvalid(errors);
    clear();
    try {
      await save.mutateAsync(body as { year: number; hourly: number });
      setSaved(t('jobs.minimumWage.saved', { year: String(body.year) }));
      setHourly('');
    } catch (error) {
      showError(error);
    }
  };

  const labels = { year: t('jobs.minimumWage.year'), hourly: t('jobs.minimumWage.hourly') };
  return (
    <div className="jobs-page">
      <PageHeading>{t('jobs.minimumWage.title')}</PageHeading>
      <p className="lead">{t('jobs.minimumWage.lead', { hours: MONTHLY_HOURS })}</p>

      {wages.isError && <ErrorNotice error={wages.error} onRetry={() => void wages.refetch()} />}
      {wages.isPending && <Loading />}
      {wages.data &&
        (items.length === 0 ? (
          <EmptyState />
        ) : (
          <div className="krds-table-wrap">
            <table className="tbl data jobs-wage-table" data-testid="minimum-wages">
              <caption className="sr-only">{t('jobs.minimumWage.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{labels.year}</th>
                  <th scope="col">{labels.hourly}</th>
                  <th scope="col">{t('jobs.minimumWage.monthly', { hours: MONTHLY_HOURS })}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((w) => (
                  <tr key={w.year}>
                    <th scope="row">{t('jobs.minimumWage.yearValue', { year: String(w.year) })}</th>
                    <td className="num">{formatMoney(w.hourly, locale)}</td>
                    <td className="num">{formatMoney(w.monthly, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}

      <section className="section" aria-labelledby="minimum-wage-form-title">
        <h2 id="minimum-wage-form-title" className="section-title">
          {t('jobs.minimumWage.formTitle')}
        </h2>
        <p>{t('jobs.minimumWage.formLead')}</p>
        {saved && (
          <Notice tone="success" live>
            {saved}
          </Notice>
        )}
        <form id={FORM} className="form jobs-form-inline" onSubmit={onSubmit} noValidate>
          <ErrorSummary formId={FORM} feedback={feedback} labels={labels} />
          <TextField
            id={fieldId(FORM, 'year')}
            label={labels.year}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            error={feedback.errors.year}
            required
          />
          <NumberField
            id={fieldId(FORM, 'hourly')}
            label={labels.hourly}
            unit={locale === 'ko' ? '원' : 'KRW'}
            hint={
              typeof typed === 'number' && typed > 0
                ? t('jobs.minimumWage.monthlyHint', { amount: formatMoney(typed * MONTHLY_HOURS, locale) })
                : undefined
            }
            value={hourly}
            onChange={setHourly}
            error={feedback.errors.hourly}
            required
          />
          <div className="btn-row">
            <button type="submit" className="krds-btn medium primary" disabled={save.isPending}>
              {t('common.save')}
            </button>
          </div>
        </form>
      </section>
    </div>
  );
}
