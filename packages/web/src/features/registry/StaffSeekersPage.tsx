import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FilterActions, ResultCount } from '../../components/filters';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/status';
import { formatDate } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useSeekers } from './api';
import { FacetSelects } from './FacetSelects';
import { QueryField, SortField } from './ListControls';
import { vocab } from './labels';
import { apiQueryOf, type ListSpec, listQueryFrom, listSearchOf } from './listQuery';
import './registry.css';

const FACETS = ['status', 'occupationGroup', 'dong', 'targetGroup', 'education', 'employmentType'] as const;
const SPEC: ListSpec = {
  filters: ['q', ...FACETS],
  sorts: ['relevance', 'newest', 'name'],
  defaultSort: 'relevance',
};

/** `/staff/seekers`: counsellors find seekers; names and phones are masked, nothing sensitive shows. */
export function StaffSeekersPage() {
  const { locale, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = listQueryFrom(params, SPEC);
  const seekers = useSeekers(apiQueryOf(query));
  const [draft, setDraft] = useState(query.filters);
  const key = JSON.stringify(query.filters);

  // Back and forward change the URL; the filter bar follows it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filters' content
  useEffect(() => setDraft(query.filters), [key]);

  const go = (filters: Record<string, string>, sort = query.sort) =>
    setParams(new URLSearchParams(listSearchOf({ filters, sort, page: 1 }, SPEC)));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    go(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== '')));
  };

  return (
    <>
      <PageHeading>{t('registry.seekers.title')}</PageHeading>
      <p className="lead">{t('registry.seekers.lead')}</p>

      <search aria-label={t('registry.seekers.filters')}>
        <form className="filter-bar" onSubmit={onSearch}>
          <QueryField
            id="seekers-q"
            label="registry.seekers.q"
            hint="registry.seekers.qHint"
            value={draft.q ?? ''}
            onChange={(q) => setDraft({ ...draft, q })}
          />
          <FacetSelects
            idPrefix="seekers"
            facets={seekers.data?.facets}
            names={FACETS}
            value={draft}
            onChange={(name, value) => setDraft({ ...draft, [name]: value })}
          />
          <SortField
            id="seekers-sort"
            sorts={SPEC.sorts as readonly ('relevance' | 'newest' | 'name')[]}
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
        <ResultCount total={seekers.data?.total} />
        <Link className="krds-btn medium primary" to="/staff/seekers/new">
          {t('registry.seekers.new')}
        </Link>
      </div>
      <p className="muted">{t('registry.seekers.masked')}</p>

      {seekers.isError && <ErrorNotice error={seekers.error} onRetry={() => void seekers.refetch()} />}
      {seekers.isPending && <Loading />}
      {seekers.data && (
        <div className="krds-table-wrap" aria-busy={seekers.isFetching}>
          <table className="tbl col data" data-testid="seekers-table">
            <caption>{t('registry.seekers.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('registry.col.name')}</th>
                <th scope="col">{t('registry.col.birthYear')}</th>
                <th scope="col">{t('registry.col.occupations')}</th>
                <th scope="col">{t('registry.col.education')}</th>
                <th scope="col">{t('registry.col.dong')}</th>
                <th scope="col">{t('registry.col.groups')}</th>
                <th scope="col">{t('registry.col.phone')}</th>
                <th scope="col">{t('registry.col.status')}</th>
                <th scope="col">{t('registry.col.updatedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {seekers.data.items.length === 0 ? (
                <tr>
                  <td colSpan={9}>
                    <EmptyState>
                      {Object.keys(query.filters).length
                        ? t('registry.seekers.noMatch')
                        : t('registry.seekers.none')}
                    </EmptyState>
                  </td>
                </tr>
              ) : (
                seekers.data.items.map((s) => (
                  <tr key={s.id} data-testid={`seeker-row-${s.id}`}>
                    <th scope="row">
                      <Link
                        to={`/staff/seekers/${s.id}`}
                        aria-label={t('registry.seekers.open', { name: s.maskedName })}
                      >
                        {s.maskedName}
                      </Link>
                      {s.isDemo && (
                        <span className="krds-badge bg-light-gray demo-badge">{t('registry.demo')}</span>
                      )}
                    </th>
                    <td>{s.birthYear}</td>
                    <td>{s.desiredOccupations.map((o) => o.label ?? o.code).join(', ') || '—'}</td>
                    <td>{vocab(t, 'education', s.education)}</td>
                    <td>{s.homeDongName ?? '—'}</td>
                    <td>{s.groups.map((g) => vocab(t, 'group', g)).join(', ') || '—'}</td>
                    <td className="nowrap">{s.maskedPhone ?? '—'}</td>
                    <td>
                      <span
                        className={
                          s.status === 'active' ? 'krds-badge bg-light-success' : 'krds-badge bg-light-gray'
                        }
                      >
                        {vocab(t, 'seekerStatus', s.status)}
                      </span>
                    </td>
                    <td className="nowrap">{formatDate(s.updatedAt, locale)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {seekers.data && (
        <Pagination
          page={seekers.data.page}
          pageSize={seekers.data.pageSize}
          total={seekers.data.total}
          searchFor={(page) => listSearchOf({ ...query, page }, SPEC)}
        />
      )}
    </>
  );
}
