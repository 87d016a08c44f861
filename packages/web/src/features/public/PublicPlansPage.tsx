import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { EmptyState, ErrorNotice, Loading, Notice } from '../../components/status';
import { useI18n } from '../../i18n/I18nProvider';
import { usePublicPlans } from './api';
import '../monitoring/monitoring.css';
import './public.css';

/** 일자리 목표 공시: every published plan, for anyone, with the roll-up of each year. */
export function PublicPlansPage() {
  const t = useI18n().t;
  const plans = usePublicPlans();
  const years = [...new Set((plans.data ?? []).map((p) => p.year))].sort((a, b) => b - a);

  return (
    <div className="pub-page">
      <PageHeading>{t('public.title')}</PageHeading>
      <p className="lead">{t('public.lead')}</p>
      <Notice>{t('public.approvedOnly')}</Notice>

      {plans.isError && <ErrorNotice error={plans.error} onRetry={() => void plans.refetch()} />}
      {plans.isPending && <Loading />}
      {plans.data &&
        (plans.data.length === 0 ? (
          <EmptyState>{t('public.list.empty')}</EmptyState>
        ) : (
          <section className="section" aria-labelledby="public-list-title">
            <h2 id="public-list-title" className="section-title">
              {t('public.list.title')}
            </h2>
            <ul className="pub-plan-list" data-testid="public-plan-list">
              {plans.data.map((p) => (
                <li key={p.id} className="pub-plan-card">
                  <p className="pub-plan-org">
                    {p.organisationName} · {t('public.plan.year', { year: p.year })}
                  </p>
                  <h3 className="pub-plan-title">
                    <Link to={`/public/plans/${p.id}`}>{p.title}</Link>
                  </h3>
                </li>
              ))}
            </ul>
          </section>
        ))}

      {years.length > 0 && (
        <section className="section" aria-labelledby="public-rollup-links">
          <h2 id="public-rollup-links" className="section-title">
            {t('public.rollup.title')}
          </h2>
          <ul className="link-list">
            {years.map((year) => (
              <li key={year}>
                <Link to={`/public/rollup?year=${year}`} className="krds-btn medium secondary">
                  {t('public.rollup.ofYear', { year })}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
