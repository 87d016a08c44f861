import { VACANCY_SOURCES, VACANCY_STATUSES } from '@ilteo/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FilterActions, ResultCount } from '../../components/filters';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/status';
import { formatDate, formatMoney } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useStaffVacancies } from './api';
import { FacetSelects } from './FacetSelects';
import { OptionField, QueryField, SortField } from './ListControls';
import { vocab } from './labels';
import { apiQueryOf, type ListSpec, listQueryFrom, listSearchOf, statusParam } from './listQuery';
import './registry.css';

const FACETS = ['occupationGroup', 'dong', 'employmentType', 'career', 'education', 'targetGroup'] as const;
const SPEC: ListSpec = {
  filters: ['q', 'status', 'source', ...FACETS],
  sorts: ['newest', 'relevance', 'wage'],
  defaultSort: 'newest',
};

/** `/staff/vacancies`: the vacancy search for staff, any status, own and 고용24 vacancies. */
export function StaffVacanciesPage() {
  const { locale, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = listQueryFrom(params, SPEC);
  const api = apiQueryOf(query);
  const vacancies = useStaffVacancies({ ...api, status: statusParam(query.filters.status) });
  const [draft, setDraft] = useState(query.filters);
  const key = JSON.stringify(query.filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filters' content
  useEffect(() => setDraft(query.filters), [key]);

  const go = (filters: Record<string, string>, sort = query.sort) =>
    setParams(new URLSearchParams(listSearchOf({ filters, sort, page: 1 }, SPEC)));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== '')));
  };
  const select = (
    name: 'status' | 'source',
    options: readonly string[],
    vocabulary: 'vacancyStatus' | 'source',
  ) => (
    <OptionField
      id={`vacancies-${name}`}
      label={t(`registry.facet.${name}`)}
      options={options}
      labelOf={(o) => vocab(t, vocabulary, o)}
      value={draft[name] ?? ''}
      onChange={(value) => setDraft({ ...draft, [name]: value })}
    />
  );

  return (
    <>
      <PageHeading>{t('registry.vacancies.title')}</PageHeading>
      <p className="lead">{t('registry.vacancies.lead')}</p>
      <search aria-label={t('registry.vacancies.filters')}>
        <form className="filter-bar" onSubmit={onSearch}>
          <QueryField
            id="vacancies-q"
            label="registry.vacancies.q"
            hint="registry.vacancies.qHint"
            value={draft.q ?? ''}
            onChange={(q) => setDraft({ ...draft, q })}
          />
          {select('status', VACANCY_STATUSES, 'vacancyStatus')}
          {select('source', VACANCY_SOURCES, 'source')}
          <FacetSelects
            idPrefix="vacancies"
            facets={vacancies.data?.facets}
            names={FACETS}
            value={draft}
            onChange={(name, value) => setDraft({ ...draft, [name]: value })}
          />
          <SortField
            id="vacancies-sort"
            sorts={SPEC.sorts as readonly ('relevance' | 'newest' | 'wage')[]}
            value={query.sort}
            onChange={(sort) => go(query.filters, sort)}
          />
          <FilterActions
            onReset={() => {
              setDraft({});
              setParams(new URLSearchParams());
            }}
          />
        </form>
      </search>
      <div className="toolbar">
        <ResultCount total={vacancies.data?.total} />
        <Link className="krds-btn medium secondary" to="/staff/imports">
          {t('registry.vacancies.import')}
        </Link>
      </div>
      {vacancies.isError && <ErrorNotice error={vacancies.error} onRetry={() => void vacancies.refetch()} />}
      {vacancies.isPending && <Loading />}
      {vacancies.data && (
        <div className="krds-table-wrap" aria-busy={vacancies.isFetching}>
          <table className="tbl col data" data-testid="vacancies-table">
            <caption>{t('registry.vacancies.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.col.title')}</th>
                <th scope="col">{t('registry.col.company')}</th>
                <th scope="col">{t('registry.col.occupation')}</th>
                <th scope="col">{t('registry.col.wage')}</th>
                <th scope="col">{t('registry.col.dong')}</th>
                <th scope="col">{t('registry.col.period')}</th>
                <th scope="col">{t('registry.col.source')}</th>
                <th scope="col">{t('registry.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.data.items.length === 0 ? (
                <tr>
                  <td colSpan={8}>
                    <EmptyState />
                  </td>
                </tr>
              ) : (
                vacancies.data.items.map((v) => (
                  <tr key={v.id}>
                    <th scope="row" className="title-cell">
                      <Link to={`/jobs/${v.id}`} id={`staff-vacancy-${v.id}`}>
                        {v.title}
                      </Link>
                      {v.isDemo && (
                        <span className="krds-badge bg-light-gray demo-badge">{t('registry.demo')}</span>
                      )}
                      {/* Described by the title rather than named by it, so the title names one link only. */}
                      <Link
                        className="cell-sub"
                        to={`/staff/vacancies/${v.id}`}
                        aria-describedby={`staff-vacancy-${v.id}`}
                      >
                        {t('matching.list.see')}
                      </Link>
                    </th>
                    <td>{v.employerName}</td>
                    <td>{v.occupation.label ?? v.occupation.code}</td>
                    <td className="nowrap">
                      {vocab(t, 'wageType', v.wage.type)} {formatMoney(v.wage.amount, locale)}
                    </td>
                    <td>{v.dongName ?? '—'}</td>
                    <td className="nowrap">
                      {formatDate(v.opensOn, locale)} ~{' '}
                      {v.closesOn ? formatDate(v.closesOn, locale) : t('registry.untilFilled')}
                    </td>
                    <td className="nowrap">{vocab(t, 'source', v.source)}</td>
                    <td className="nowrap">{vocab(t, 'vacancyStatus', v.status)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {vacancies.data && (
        <Pagination
          page={vacancies.data.page}
          pageSize={vacancies.data.pageSize}
          total={vacancies.data.total}
          searchFor={(page) => listSearchOf({ ...query, page }, SPEC)}
        />
      )}
    </>
  );
}
