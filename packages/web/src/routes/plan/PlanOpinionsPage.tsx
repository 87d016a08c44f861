import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { ErrorNotice, Loading } from '../../components/status';
import { NOT_FOUND_ERROR, useOpinions, usePlan } from '../../features/plan/api';
import { OpinionForm, OpinionsList } from '../../features/plan/Opinions';
import { filterOpinions, type OpinionFilter } from '../../features/plan/opinionFilter';
import { usePlanAbilities } from '../../features/plan/usePlanRole';
import { useI18n } from '../../i18n/I18nProvider';
import { idParam } from './PlanPage';
import '../../features/plan/plan.css';

const FILTERS: readonly OpinionFilter[] = ['all', 'unanswered', 'answered', 'hidden'];

/**
 * Opinions on a plan from the 노사민정협의회, citizens and staff: council members leave theirs,
 * planners answer them and hide abusive ones.
 */
export function PlanOpinionsPage() {
  const { t } = useI18n();
  const planId = idParam(useParams().id);
  const plan = usePlan(planId);
  const opinions = useOpinions(planId);
  const can = usePlanAbilities();
  const [filter, setFilter] = useState<OpinionFilter>('all');

  if (!planId) {
    return (
      <>
        <PageHeading>{t('opinions.title')}</PageHeading>
        <ErrorNotice error={NOT_FOUND_ERROR} />
      </>
    );
  }
  if (plan.isPending) return <Loading />;
  if (plan.isError) {
    return (
      <>
        <PageHeading>{t('opinions.title')}</PageHeading>
        <ErrorNotice error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  }
  const all = opinions.data ?? [];
  const shown = filterOpinions(all, filter);
  const counts = Object.fromEntries(FILTERS.map((f) => [f, filterOpinions(all, f).length])) as Record<
    OpinionFilter,
    number
  >;

  return (
    <>
      <PageHeading title={`${t('opinions.title')} — ${plan.data.title}`}>{t('opinions.title')}</PageHeading>
      <p className="back-link">
        <Link to={`/plans/${plan.data.id}`}>{t('results.backToPlan', { title: plan.data.title })}</Link>
      </p>
      <p className="lead">{can.moderate ? t('opinions.leadModerate') : t('opinions.lead')}</p>

      {can.consult && (
        <section className="section opinion-compose" aria-labelledby="opinion-form-title">
          <h2 id="opinion-form-title" className="section-title">
            {t('opinions.formTitle')}
          </h2>
          <OpinionForm plan={plan.data} onPosted={() => setFilter('all')} />
        </section>
      )}

      <section className="section" aria-labelledby="opinions-list-title">
        <h2 id="opinions-list-title" className="section-title">
          {t('opinions.listTitle')}
        </h2>
        {can.moderate && (
          <fieldset className="filter-chips">
            <legend className="sr-only">{t('opinions.filter')}</legend>
            {FILTERS.map((f) => (
              <button
                key={f}
                type="button"
                className={filter === f ? 'krds-btn small primary' : 'krds-btn small tertiary'}
                aria-pressed={filter === f}
                onClick={() => setFilter(f)}
              >
                {t(`opinions.filter.${f}`, { n: counts[f] })}
              </button>
            ))}
          </fieldset>
        )}
        {opinions.isError && <ErrorNotice error={opinions.error} onRetry={() => void opinions.refetch()} />}
        {opinions.isPending ? (
          <Loading />
        ) : (
          <OpinionsList planId={plan.data.id} opinions={shown} moderate={can.moderate} />
        )}
      </section>
    </>
  );
}
