import type { VacancySearchItem } from '@ilteo/shared';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ResultCount } from '../../components/filters';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { EmptyState, ErrorNotice, Loading } from '../../components/status';
import { formatNumber } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useDongName, useDongs, useVacancySearch } from './api';
import { FacetPanel } from './FacetPanel';
import { Highlighted, Period, VacancyBadges } from './parts';
import {
  activeFilterCount,
  apiQuery,
  clearFilters,
  type JobSearch,
  readSearch,
  SEARCH_SORTS,
  type SearchSort,
  writeSearch,
} from './searchParams';
import { monthlyText, wageText } from './wage';
import './jobs.css';

const DEBOUNCE_MS = 300;

/**
 * 채용정보 검색: the public search, open to everyone. The URL holds the whole search, so a
 * result list can be shared and the back button returns to it; typing updates it after a pause.
 */
export function SearchPage() {
  const { locale, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [text, setText] = useState(search.q);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const typed = useRef(false);
  const ids = { q: useId(), sort: useId(), near: useId(), facets: useId() };
  const results = useVacancySearch(apiQuery(search));
  const dongs = useDongs();

  const go = (next: JobSearch, replace = false) => setParams(writeSearch(next), { replace });

  // Words typed reach the URL after a pause; replacing the entry keeps the history one step per search.
  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => {
      typed.current = false;
      setParams(
        (prev) => {
          const current = readSearch(prev);
          if (current.q.trim() === text.trim()) return prev;
          return new URLSearchParams(writeSearch({ ...current, q: text, page: 1 }));
        },
        { replace: true },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, setParams]);
  // Back and forward buttons change the URL: the box follows it (a space being typed is kept).
  useEffect(() => {
    if (!typed.current) setText((prev) => (prev.trim() === search.q.trim() ? prev : search.q));
  }, [search.q]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    typed.current = false;
    go({ ...search, q: text, page: 1 });
  };

  const data = results.data;
  const filterCount = activeFilterCount(search);
  const dongLabel = (code: string) => {
    const dong = dongs.data?.find((d) => d.code === code);
    return dong ? (locale === 'en' && dong.nameEn ? dong.nameEn : dong.name) : code;
  };

  return (
    <div className="jobs-page">
      <PageHeading>{t('jobs.search.title')}</PageHeading>
      <p className="lead">{t('jobs.search.lead')}</p>

      <search>
        <form className="jobs-searchbar" onSubmit={onSubmit}>
          <label htmlFor={ids.q} className="sr-only">
            {t('jobs.search.label')}
          </label>
          <input
            id={ids.q}
            type="search"
            className="krds-input"
            value={text}
            placeholder={t('jobs.search.placeholder')}
            onChange={(e) => {
              typed.current = true;
              setText(e.target.value);
            }}
            maxLength={100}
            autoComplete="off"
            enterKeyHint="search"
            data-testid="jobs-q"
          />
          <button type="submit" className="krds-btn medium primary">
            {t('common.search')}
          </button>
        </form>
      </search>

      <div className="jobs-layout">
        <aside className={filtersOpen ? 'jobs-facets open' : 'jobs-facets'} aria-labelledby={ids.facets}>
          <div className="jobs-facets-head">
            <h2 id={ids.facets} className="jobs-facets-title">
              {t('jobs.facets.title')}
            </h2>
            {filterCount > 0 && (
              <button type="button" className="krds-btn small text" onClick={() => go(clearFilters(search))}>
                {t('jobs.facets.clear')}
              </button>
            )}
          </div>
          <FacetPanel search={search} facets={data?.facets ?? {}} dongLabel={dongLabel} onChange={go} />
        </aside>

        <section className="jobs-results" aria-labelledby={`${ids.facets}-results`}>
          <h2 id={`${ids.facets}-results`} className="sr-only">
            {t('jobs.search.results')}
          </h2>
          <div className="jobs-toolbar">
            <button
              type="button"
              className="krds-btn medium secondary jobs-filter-toggle"
              aria-expanded={filtersOpen}
              onClick={() => setFiltersOpen((open) => !open)}
            >
              {filterCount > 0
                ? t('jobs.facets.toggleCount', { count: filterCount })
                : t('jobs.facets.toggle')}
            </button>
            <ResultCount total={data?.total} />
            <div className="jobs-sort">
              <label htmlFor={ids.sort}>{t('jobs.sort.label')}</label>
              <select
                id={ids.sort}
                className="krds-form-select small completed"
                value={search.sort}
                onChange={(e) => go({ ...search, sort: e.target.value as SearchSort, page: 1 })}
              >
                {SEARCH_SORTS.map((s) => (
                  <option key={s} value={s}>
                    {t(`jobs.sort.${s}`)}
                  </option>
                ))}
              </select>
              {(search.sort === 'distance' || search.near) && (
                <>
                  <label htmlFor={ids.near}>{t('jobs.sort.near')}</label>
                  <select
                    id={ids.near}
                    className="krds-form-select small completed"
                    value={search.near ?? ''}
                    onChange={(e) => go({ ...search, near: e.target.value || null, page: 1 })}
                  >
                    <option value="">{t('jobs.sort.nearNone')}</option>
                    {(dongs.data ?? []).map((d) => (
                      <option key={d.code} value={d.code}>
                        {locale === 'en' && d.nameEn ? d.nameEn : d.name}
                      </option>
                    ))}
                  </select>
                </>
              )}
            </div>
          </div>

          {results.isError && <ErrorNotice error={results.error} onRetry={() => void results.refetch()} />}
          {results.isPending && <Loading label={t('jobs.search.loading')} />}
          {data &&
            (data.items.length === 0 ? (
              <EmptyState>
                <span className="jobs-empty">
                  <strong>{t('jobs.search.empty')}</strong>
                  <span>{t('jobs.search.emptyHint')}</span>
                  {filterCount > 0 && (
                    <button
                      type="button"
                      className="krds-btn small secondary"
                      onClick={() => go(clearFilters(search))}
                    >
                      {t('jobs.facets.clear')}
                    </button>
                  )}
                </span>
              </EmptyState>
            ) : (
              <ul
                className="jobs-list"
                data-testid="jobs-results"
                aria-busy={results.isPlaceholderData || undefined}
              >
                {data.items.map((item) => (
                  <VacancyCard key={item.id} item={item} back={writeSearch(search)} />
                ))}
              </ul>
            ))}
          {data && (
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              searchFor={(page) => writeSearch({ ...search, page })}
            />
          )}
          {data && data.total > 0 && (
            <p className="jobs-total-note muted">
              {t('jobs.search.showing', {
                from: formatNumber((data.page - 1) * data.pageSize + 1),
                to: formatNumber(Math.min(data.total, data.page * data.pageSize)),
                total: formatNumber(data.total),
              })}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}

/** One result: title with the matched words marked, company, wage, place and dates. */
function VacancyCard({ item, back }: { item: VacancySearchItem; back: string }) {
  const { locale, t } = useI18n();
  const dongName = useDongName(locale);
  const monthly = monthlyText(item.wage, locale);
  return (
    <li className="jobs-card" data-testid="jobs-card">
      <VacancyBadges preferredGroups={item.preferredGroups} source={item.source} isDemo={item.isDemo} />
      <h3 className="jobs-card-title">
        <Link to={`/jobs/${item.id}`} state={{ back }}>
          <Highlighted text={item.title} ranges={item.highlights} />
        </Link>
      </h3>
      <p className="jobs-card-company">
        <Highlighted text={item.employerName} ranges={item.employerHighlights} />
      </p>
      <p className="jobs-card-wage">
        <strong>{wageText(item.wage, locale)}</strong>
        {monthly && <span className="muted"> ({monthly})</span>}
      </p>
      <ul className="jobs-card-meta">
        <li>{t(`jobs.employmentType.${item.employmentType}`)}</li>
        {item.dongName && (
          <li>
            {dongName(null, item.dongName)}
            {item.distanceKm !== null && (
              <span className="muted"> · {t('jobs.distance', { km: item.distanceKm.toFixed(1) })}</span>
            )}
          </li>
        )}
        <li>{t(`jobs.career.${item.career}`)}</li>
        <li>{t(`jobs.education.${item.education}`)}</li>
      </ul>
      <p className="jobs-card-dates">
        <span className="sr-only">{t('jobs.field.period')} </span>
        <Period opensOn={item.opensOn} closesOn={item.closesOn} />
      </p>
    </li>
  );
}
