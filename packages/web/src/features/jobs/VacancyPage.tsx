import type { LabelledRef } from '@ilteo/shared';
import type { ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { useSession } from '../../api/queries';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useDongName, useVacancy } from './api';
import { Period, StatusBadge, VacancyBadges } from './parts';
import { monthlyText, wageText } from './wage';
import './jobs.css';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const names = (items: readonly LabelledRef[]) => items.map((i) => i.label ?? i.code).join(', ');

/** A vacancy in full, readable on a phone: what the job is, what it pays, who may apply, until when. */
export function VacancyPage() {
  const { locale, t } = useI18n();
  const id = Number(useParams().id);
  const location = useLocation();
  const state = location.state as { back?: string; saved?: 'open' | 'draft' | 'updated' } | null;
  const back = state?.back ?? '';
  const vacancy = useVacancy(id);
  const user = useSession().data?.user ?? null;
  const dongName = useDongName(locale);

  if (vacancy.isPending) return <Loading />;
  if (vacancy.isError) return <ErrorNotice error={vacancy.error} onRetry={() => void vacancy.refetch()} />;
  const v = vacancy.data;
  const owner = user?.employerId === v.employer.id;
  const monthly = monthlyText(v.wage, locale);
  const groupNames = (groups: readonly string[]) =>
    groups.map((g) => t(`jobs.group.${g}` as 'jobs.group.youth')).join(', ');

  return (
    <article className="jobs-page jobs-vacancy" data-testid="vacancy-page">
      {state?.saved && (
        <Notice tone="success" live title={t(`jobs.vacancy.saved.${state.saved}`)}>
          <p>
            <Link to="/employer/vacancies">{t('jobs.vacancy.toOwnList')}</Link>
          </p>
        </Notice>
      )}
      <p className="jobs-back">
        <Link to={`/jobs${back}`}>{t('jobs.vacancy.back')}</Link>
      </p>
      <VacancyBadges preferredGroups={v.preferredGroups} source={v.source} isDemo={v.isDemo} />
      <PageHeading>{v.title}</PageHeading>
      <p className="jobs-vacancy-company">
        {v.employer.name}
        {v.employer.verified && <span className="krds-badge outline-success">{t('jobs.verified')}</span>}
        {v.status !== 'open' && <StatusBadge status={v.status} />}
      </p>
      {owner && (
        <p className="btn-row">
          <Link className="krds-btn medium secondary" to={`/employer/vacancies/${v.id}/edit`}>
            {t('jobs.vacancy.edit')}
          </Link>
        </p>
      )}

      <section className="jobs-vacancy-key" aria-label={t('jobs.vacancy.summary')}>
        <dl className="summary-list">
          <Row label={t('jobs.field.wage')}>
            <strong>{wageText(v.wage, locale)}</strong>
            {monthly && <span className="muted"> ({monthly})</span>}
          </Row>
          <Row label={t('jobs.field.employmentType')}>{t(`jobs.employmentType.${v.employmentType}`)}</Row>
          <Row label={t('jobs.field.place')}>
            {[dongName(v.place.dongCode, v.place.dongName), v.place.address].filter(Boolean).join(' · ') ||
              t('jobs.none')}
          </Row>
          <Row label={t('jobs.field.period')}>
            <Period opensOn={v.opensOn} closesOn={v.closesOn} />
          </Row>
        </dl>
      </section>

      <section className="section" aria-labelledby="vacancy-work">
        <h2 id="vacancy-work" className="section-title">
          {t('jobs.vacancy.work')}
        </h2>
        <dl className="summary-list">
          <Row label={t('jobs.field.occupation')}>{v.occupation.label ?? v.occupation.code}</Row>
          <Row label={t('jobs.field.weeklyHours')}>
            {t('jobs.hoursPerWeek', { hours: formatNumber(v.weeklyHours) })}
          </Row>
          <Row label={t('jobs.field.shifts')}>
            {v.shifts.map((s) => t(`jobs.shift.${s}`)).join(', ') || t('jobs.none')}
          </Row>
          <Row label={t('jobs.field.openings')}>{t('jobs.people', { count: formatNumber(v.openings) })}</Row>
        </dl>
      </section>

      <section className="section" aria-labelledby="vacancy-requirements">
        <h2 id="vacancy-requirements" className="section-title">
          {t('jobs.vacancy.requirements')}
        </h2>
        <dl className="summary-list">
          <Row label={t('jobs.field.education')}>{t(`jobs.education.${v.education}`)}</Row>
          <Row label={t('jobs.field.career')}>
            {t(`jobs.career.${v.career}`)}
            {v.career === 'experienced' && v.minCareerMonths > 0 && (
              <> ({t('jobs.months', { months: formatNumber(v.minCareerMonths) })})</>
            )}
          </Row>
          {v.requiredSkills.length > 0 && (
            <Row label={t('jobs.field.requiredSkills')}>{names(v.requiredSkills)}</Row>
          )}
          {v.preferredSkills.length > 0 && (
            <Row label={t('jobs.field.preferredSkills')}>{names(v.preferredSkills)}</Row>
          )}
          {v.requiredCertificates.length > 0 && (
            <Row label={t('jobs.field.requiredCertificates')}>{names(v.requiredCertificates)}</Row>
          )}
          {v.preferredCertificates.length > 0 && (
            <Row label={t('jobs.field.preferredCertificates')}>{names(v.preferredCertificates)}</Row>
          )}
          {v.preferredGroups.length > 0 && (
            <Row label={t('jobs.field.preferredGroups')}>{groupNames(v.preferredGroups)}</Row>
          )}
          {v.eligibleGroups.length > 0 && (
            <Row label={t('jobs.field.eligibleGroups')}>{groupNames(v.eligibleGroups)}</Row>
          )}
        </dl>
      </section>

      {v.description && (
        <section className="section" aria-labelledby="vacancy-description">
          <h2 id="vacancy-description" className="section-title">
            {t('jobs.field.description')}
          </h2>
          <p className="jobs-description">{v.description}</p>
        </section>
      )}

      <section className="section" aria-labelledby="vacancy-apply">
        <h2 id="vacancy-apply" className="section-title">
          {t('jobs.vacancy.apply')}
        </h2>
        {v.source === 'work24' && v.externalUrl ? (
          <p>
            {t('jobs.vacancy.work24Lead')}{' '}
            <a
              className="krds-btn medium primary"
              href={v.externalUrl}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('jobs.vacancy.work24Link')}
              <span className="sr-only"> {t('jobs.newWindow')}</span>
            </a>
          </p>
        ) : (
          <p>{t('jobs.vacancy.applyLead')}</p>
        )}
        {v.externalId && <p className="muted">{t('jobs.vacancy.externalId', { id: v.externalId })}</p>}
        <p className="muted">{t('jobs.vacancy.updated', { at: formatDateTime(v.updatedAt, locale) })}</p>
      </section>
    </article>
  );
}
