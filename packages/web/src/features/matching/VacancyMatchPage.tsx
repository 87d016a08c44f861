import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { useDongName, useVacancy } from '../jobs/api';
import { Period, StatusBadge } from '../jobs/parts';
import { wageText } from '../jobs/wage';
import { NOT_FOUND_ERROR } from '../plan/api';
import { VacancyCandidates } from './Panels';
import '../jobs/jobs.css';
import './matching.css';

/**
 * A vacancy with its recommended candidates: `/employer/vacancies/:id` for the company that
 * posted it, `/staff/vacancies/:id` for counsellors and admins (who can open a candidate's profile).
 */
export function VacancyMatchPage({ audience }: { audience: 'employer' | 'staff' }) {
  const { locale, t } = useI18n();
  const id = Number(useParams().id);
  const vacancy = useVacancy(id);
  const dongName = useDongName(locale);

  if (!Number.isInteger(id) || id <= 0) return <ErrorNotice error={NOT_FOUND_ERROR} />;
  if (vacancy.isPending) return <Loading />;
  if (vacancy.isError) return <ErrorNotice error={vacancy.error} onRetry={() => void vacancy.refetch()} />;
  const v = vacancy.data;
  const staff = audience === 'staff';

  return (
    <div className="match-page">
      <p className="back-link">
        <Link to={staff ? '/staff/vacancies' : '/employer/vacancies'}>
          {t(staff ? 'matching.vacancy.backStaff' : 'matching.vacancy.backEmployer')}
        </Link>
      </p>
      <PageHeading>{v.title}</PageHeading>
      <p className="jobs-vacancy-company">
        {v.employer.name} <StatusBadge status={v.status} />
      </p>
      <section className="jobs-vacancy-key" aria-label={t('jobs.vacancy.summary')}>
        <dl className="summary-list">
          <div>
            <dt>{t('jobs.field.occupation')}</dt>
            <dd>{v.occupation.label ?? v.occupation.code}</dd>
          </div>
          <div>
            <dt>{t('jobs.field.wage')}</dt>
            <dd>{wageText(v.wage, locale)}</dd>
          </div>
          <div>
            <dt>{t('jobs.field.place')}</dt>
            <dd>{dongName(v.place.dongCode, v.place.dongName) || t('jobs.none')}</dd>
          </div>
          <div>
            <dt>{t('jobs.field.period')}</dt>
            <dd>
              <Period opensOn={v.opensOn} closesOn={v.closesOn} />
            </dd>
          </div>
        </dl>
      </section>
      <p className="btn-row">
        <Link className="krds-btn medium tertiary" to={`/jobs/${v.id}`}>
          {t('matching.vacancy.public')}
        </Link>
        {!staff && (
          <Link className="krds-btn medium secondary" to={`/employer/vacancies/${v.id}/edit`}>
            {t('jobs.vacancy.edit')}
          </Link>
        )}
      </p>
      <VacancyCandidates vacancyId={v.id} open={v.status === 'open'} staff={staff} />
    </div>
  );
}

/** `/employer/vacancies/:id`: the company's own vacancy and its candidates. */
export function EmployerVacancyMatchPage() {
  return <VacancyMatchPage audience="employer" />;
}

/** `/staff/vacancies/:id`: any vacancy of the organisation and its candidates, with links to their profiles. */
export function StaffVacancyMatchPage() {
  return <VacancyMatchPage audience="staff" />;
}
