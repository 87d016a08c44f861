import { formatBusinessNumber } from '@ilteo/shared';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/status';
import { formatDate, formatDateTime, formatMoney, formatPhone } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { NOT_FOUND_ERROR } from '../plan/api';
import { ConfirmModal } from '../plan/ConfirmModal';
import { useEmployer, useEmployerVacancies, useVerifyEmployer } from './api';
import { vocab } from './labels';
import './registry.css';

/** `/staff/employers/:id`: a company's profile, its verification by staff, and its vacancies. */
export function StaffEmployerPage() {
  const { locale, t } = useI18n();
  const id = Number(useParams().id);
  const [params] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const employer = useEmployer(id);
  const vacancies = useEmployerVacancies(id, page);
  const verify = useVerifyEmployer(id);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<
    'registry.employer.verifiedDone' | 'registry.employer.unverifiedDone' | null
  >(null);

  if (!Number.isInteger(id) || id <= 0) return <ErrorNotice error={NOT_FOUND_ERROR} />;
  if (employer.isPending) return <Loading />;
  if (employer.isError) return <ErrorNotice error={employer.error} onRetry={() => void employer.refetch()} />;
  const e = employer.data;
  const none = t('common.none');

  return (
    <>
      <PageHeading>{e.name}</PageHeading>
      <p className="back-link">
        <Link to="/staff/employers">{t('registry.employers.back')}</Link>
      </p>
      {done && (
        <Notice tone="success" live>
          {t(done)}
        </Notice>
      )}
      <div className="toolbar">
        <p>
          <span
            className={e.verified ? 'krds-badge bg-light-success' : 'krds-badge bg-light-gray'}
            data-testid="verified"
          >
            {t(e.verified ? 'registry.verified' : 'registry.unverified')}
          </span>{' '}
          {e.verifiedAt && <span className="muted">{formatDateTime(e.verifiedAt, locale)}</span>}
        </p>
        <button
          type="button"
          className={e.verified ? 'krds-btn medium tertiary' : 'krds-btn medium primary'}
          onClick={() => {
            setDone(null);
            verify.reset();
            setAsking(true);
          }}
        >
          {e.verified ? t('registry.employer.unverify') : t('registry.employer.verify')}
        </button>
      </div>
      <dl className="summary-list">
        <div>
          <dt>{t('registry.col.businessNumber')}</dt>
          <dd>{e.businessNumber ? formatBusinessNumber(e.businessNumber.replace(/\D/g, '')) : none}</dd>
        </div>
        <div>
          <dt>{t('registry.employer.representative')}</dt>
          <dd>{e.representative ?? none}</dd>
        </div>
        <div>
          <dt>{t('registry.col.industry')}</dt>
          <dd>{e.industry ? `${e.industry} ${vocab(t, 'ksic', e.industry)}` : none}</dd>
        </div>
        <div>
          <dt>{t('registry.col.size')}</dt>
          <dd>{e.size ? vocab(t, 'size', e.size) : none}</dd>
        </div>
        <div>
          <dt>{t('registry.employer.address')}</dt>
          <dd>
            {e.place.address ?? none}
            {e.place.dongName ? ` (${e.place.dongName})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('registry.employer.flags')}</dt>
          <dd>{e.flags.length ? e.flags.map((f) => vocab(t, 'flag', f)).join(', ') : none}</dd>
        </div>
        <div>
          <dt>{t('registry.employer.homepage')}</dt>
          <dd>
            {e.homepage ? (
              <a href={e.homepage} rel="noopener noreferrer" target="_blank">
                {e.homepage}
              </a>
            ) : (
              none
            )}
          </dd>
        </div>
        <div>
          <dt>{t('registry.employer.description')}</dt>
          <dd className="pre-line">{e.description ?? none}</dd>
        </div>
        <div>
          <dt>{t('registry.employer.contacts')}</dt>
          <dd>
            {e.contacts.length ? (
              <ul className="plain-list">
                {e.contacts.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id
                  <li key={i}>
                    {c.name}
                    {c.position ? ` (${c.position})` : ''}
                    {c.phone ? ` · ${formatPhone(c.phone)}` : ''}
                    {c.email ? ` · ${c.email}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="employer-vacancies">
        <h2 className="section-title" id="employer-vacancies">
          {t('registry.employer.vacancies')}
        </h2>
        {vacancies.isError && (
          <ErrorNotice error={vacancies.error} onRetry={() => void vacancies.refetch()} />
        )}
        {vacancies.isPending && <Loading />}
        {vacancies.data &&
          (vacancies.data.items.length === 0 ? (
            <EmptyState>{t('registry.employer.noVacancies')}</EmptyState>
          ) : (
            <div className="krds-table-wrap">
              <table className="tbl col data">
                <caption>{t('registry.employer.vacanciesCaption', { name: e.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('registry.col.title')}</th>
                    <th scope="col">{t('registry.col.occupation')}</th>
                    <th scope="col">{t('registry.col.wage')}</th>
                    <th scope="col">{t('registry.col.period')}</th>
                    <th scope="col">{t('registry.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {vacancies.data.items.map((v) => (
                    <tr key={v.id}>
                      <th scope="row" className="title-cell">
                        <Link to={`/jobs/${v.id}`}>{v.title}</Link>
                      </th>
                      <td>{v.occupation.label ?? v.occupation.code}</td>
                      <td className="nowrap">
                        {vocab(t, 'wageType', v.wage.type)} {formatMoney(v.wage.amount, locale)}
                      </td>
                      <td className="nowrap">
                        {formatDate(v.opensOn, locale)} ~{' '}
                        {v.closesOn ? formatDate(v.closesOn, locale) : t('registry.untilFilled')}
                      </td>
                      <td className="nowrap">{vocab(t, 'vacancyStatus', v.status)}</td>
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
            searchFor={(p) => (p === 1 ? '' : `?page=${p}`)}
          />
        )}
      </section>

      {asking && (
        <ConfirmModal
          title={e.verified ? t('registry.employer.unverify') : t('registry.employer.verify')}
          confirmLabel={e.verified ? t('registry.employer.unverify') : t('registry.employer.verify')}
          danger={e.verified}
          pending={verify.isPending}
          error={verify.error}
          onClose={() => setAsking(false)}
          onConfirm={() =>
            verify.mutate(
              { verified: !e.verified, version: e.version },
              {
                onSuccess: (next) => {
                  setAsking(false);
                  setDone(
                    next.verified ? 'registry.employer.verifiedDone' : 'registry.employer.unverifiedDone',
                  );
                },
              },
            )
          }
        >
          <p>
            {e.verified
              ? t('registry.employer.unverifyExplain', { name: e.name })
              : t('registry.employer.verifyExplain', { name: e.name })}
          </p>
        </ConfirmModal>
      )}
    </>
  );
}
