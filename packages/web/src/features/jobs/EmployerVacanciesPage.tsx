import { VACANCY_STATUSES, type VacancyStatus } from '@ilteo/shared';
import { useId, useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useSession } from '../../api/queries';
import { ResultCount } from '../../components/filters';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { ConfirmModal } from '../plan/ConfirmModal';
import { useEmployer, useEmployerVacancies, useVacancyEdits, type Vacancy } from './api';
import { isProfileComplete } from './employerForm';
import { Period, StatusBadge } from './parts';
import { wageText } from './wage';
import './jobs.css';

/** Where a vacancy can go next from each status. */
export const NEXT_STATUSES: Record<VacancyStatus, VacancyStatus[]> = {
  draft: ['open'],
  open: ['closed', 'filled'],
  closed: ['open', 'filled'],
  filled: [],
};

const PAGE_SIZE = 20;

/** 우리 회사 채용공고: the company's vacancies in every status, with the moves between them. */
export function EmployerVacanciesPage() {
  const { locale, t } = useI18n();
  const statusId = useId();
  const user = useSession().data?.user ?? null;
  const employerId = user?.employerId ?? null;
  const employer = useEmployer(employerId);
  const [params, setParams] = useSearchParams();
  const status = (VACANCY_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as VacancyStatus)
    : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const vacancies = useEmployerVacancies(employerId, { status, page, pageSize: PAGE_SIZE });
  const edits = useVacancyEdits();
  const [pending, setPending] = useState<{ vacancy: Vacancy; to: VacancyStatus } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (employerId === null) return <Notice tone="warning">{t('jobs.employer.noCompany')}</Notice>;
  if (employer.isPending) return <Loading />;
  if (employer.isError) return <ErrorNotice error={employer.error} onRetry={() => void employer.refetch()} />;
  // A company without a complete profile cannot post: it is sent to complete it first.
  if (!isProfileComplete(employer.data)) return <Navigate to="/employer/profile" replace />;

  const searchFor = (p: number, s = status) => {
    const next = new URLSearchParams();
    if (s) next.set('status', s);
    if (p > 1) next.set('page', String(p));
    const text = next.toString();
    return text ? `?${text}` : '';
  };

  const confirm = async () => {
    if (!pending) return;
    const { vacancy, to } = pending;
    await edits.setStatus.mutateAsync({ id: vacancy.id, status: to, version: vacancy.version });
    setPending(null);
    setDone(t('jobs.employer.statusChanged', { title: vacancy.title, status: t(`jobs.status.${to}`) }));
  };

  return (
    <div className="jobs-page">
      <PageHeading>{t('jobs.employer.title')}</PageHeading>
      <p className="lead">{t('jobs.employer.lead', { company: employer.data.name })}</p>
      {done && (
        <Notice tone="success" live>
          {done}
        </Notice>
      )}
      <div className="toolbar">
        <div className="jobs-sort">
          <label htmlFor={statusId}>{t('jobs.employer.statusFilter')}</label>
          <select
            id={statusId}
            className="krds-form-select small completed"
            value={status ?? ''}
            onChange={(e) =>
              setParams(searchFor(1, (e.target.value || undefined) as VacancyStatus | undefined))
            }
          >
            <option value="">{t('common.all')}</option>
            {VACANCY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`jobs.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Link className="krds-btn medium primary" to="/employer/vacancies/new">
          {t('jobs.employer.new')}
        </Link>
      </div>
      <ResultCount total={vacancies.data?.total} />
      {vacancies.isError && <ErrorNotice error={vacancies.error} onRetry={() => void vacancies.refetch()} />}
      {vacancies.isPending && <Loading />}
      {vacancies.data &&
        (vacancies.data.items.length === 0 ? (
          <EmptyState>{status ? t('jobs.employer.emptyStatus') : t('jobs.employer.empty')}</EmptyState>
        ) : (
          <div className="krds-table-wrap">
            <table className="tbl data" data-testid="employer-vacancies">
              <caption className="sr-only">{t('jobs.employer.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('jobs.field.title')}</th>
                  <th scope="col">{t('jobs.field.status')}</th>
                  <th scope="col">{t('jobs.field.wage')}</th>
                  <th scope="col">{t('jobs.field.period')}</th>
                  <th scope="col">{t('jobs.field.updatedAt')}</th>
                  <th scope="col">{t('jobs.field.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {vacancies.data.items.map((v) => (
                  <tr key={v.id} data-testid={`employer-vacancy-${v.id}`}>
                    <th scope="row">
                      <Link to={`/jobs/${v.id}`}>{v.title}</Link>
                    </th>
                    <td>
                      <StatusBadge status={v.status} />
                    </td>
                    <td className="nowrap">{wageText(v.wage, locale)}</td>
                    <td>
                      <Period opensOn={v.opensOn} closesOn={v.closesOn} />
                    </td>
                    <td className="nowrap">{formatDate(v.updatedAt, locale)}</td>
                    <td>
                      <div className="row-actions">
                        <Link className="krds-btn small secondary" to={`/employer/vacancies/${v.id}/edit`}>
                          {t('common.edit')}
                          <span className="sr-only">: {v.title}</span>
                        </Link>
                        {v.status === 'open' && (
                          <Link className="krds-btn small secondary" to={`/employer/vacancies/${v.id}`}>
                            {t('matching.list.candidates')}
                            <span className="sr-only">: {v.title}</span>
                          </Link>
                        )}
                        {NEXT_STATUSES[v.status].map((to) => (
                          <button
                            key={to}
                            type="button"
                            className="krds-btn small tertiary"
                            onClick={() => {
                              edits.setStatus.reset();
                              setDone(null);
                              setPending({ vacancy: v, to });
                            }}
                          >
                            {t(`jobs.action.${to}`)}
                            <span className="sr-only">: {v.title}</span>
                          </button>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {vacancies.data && (
        <Pagination
          page={vacancies.data.page}
          pageSize={vacancies.data.pageSize}
          total={vacancies.data.total}
          searchFor={(p) => searchFor(p)}
        />
      )}
      {pending && (
        <ConfirmModal
          title={t(`jobs.confirm.${pending.to}.title`)}
          confirmLabel={t(`jobs.action.${pending.to}`)}
          onConfirm={() => void confirm().catch(() => undefined)}
          onClose={() => setPending(null)}
          pending={edits.setStatus.isPending}
          error={edits.setStatus.error}
          danger={pending.to !== 'open'}
        >
          <p>{t(`jobs.confirm.${pending.to}.body`, { title: pending.vacancy.title })}</p>
        </ConfirmModal>
      )}
    </div>
  );
}
