import { type FormEvent, Fragment, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { AuditEntry } from '../api/types';
import { FilterActions, ResultCount } from '../components/filters';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { SortHeader, type SortOrder } from '../components/SortHeader';
import { EmptyState, ErrorNotice, Loading } from '../components/status';
import { type AuditQuery, useAudit } from '../features/audit/api';
import {
  auditQueryFrom,
  FILTERS,
  type Filter,
  type Filters,
  filtersOf,
  searchOf,
} from '../features/audit/query';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';

/**
 * Request ids are long; the table shows their first 8 characters and keeps the rest in the
 * text (hidden from view), so searching the page or reading it aloud still finds the whole id.
 */
function RequestId({ id }: { id: string | null }) {
  if (!id) return <>—</>;
  return (
    <code className="request-id-cell" title={id}>
      {id.slice(0, 8)}
      {id.length > 8 && (
        <>
          <span className="id-tail">{id.slice(8)}</span>
          <span aria-hidden="true">…</span>
        </>
      )}
    </code>
  );
}

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

/** Admin: who changed what, with the values before and after. */
export function AdminAuditPage() {
  const { locale, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = auditQueryFrom(params);
  const audit = useAudit(query);
  const [filters, setFilters] = useState<Filters>(() => filtersOf(query));
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const search = searchOf(query);

  useEffect(() => {
    setFilters(filtersOf(auditQueryFrom(new URLSearchParams(search))));
  }, [search]);

  const go = (next: Partial<AuditQuery>) => setParams(new URLSearchParams(searchOf({ ...query, ...next })));
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(FILTERS.map((f) => [f, filters[f].trim()])) as Filters;
    go({ ...trimmed, page: 1 });
  };
  const onReset = () => setParams(new URLSearchParams());
  const onSort = (_field: string, order: SortOrder) => go({ order, page: 1 });
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const input = (name: Filter, type: 'text' | 'date' = 'text', extra: { inputMode?: 'numeric' } = {}) => (
    <div className="form-group">
      <div className="form-tit">
        <label htmlFor={`audit-${name}`}>{t(`audit.${name}`)}</label>
      </div>
      <div className="form-conts">
        <input
          id={`audit-${name}`}
          className="krds-input"
          type={type}
          value={filters[name]}
          onChange={(e) => setFilters((prev) => ({ ...prev, [name]: e.target.value }))}
          maxLength={60}
          {...extra}
        />
      </div>
    </div>
  );

  const actorOf = (entry: AuditEntry) =>
    entry.actor ? (
      <>
        {entry.actor.name}
        <span className="cell-sub">
          #{entry.actor.id} · {entry.actor.email}
        </span>
      </>
    ) : (
      t('audit.system')
    );

  return (
    <>
      <PageHeading>{t('audit.title')}</PageHeading>
      <p className="lead">{t('audit.lead')}</p>

      <search aria-label={t('audit.filters')}>
        <form className="filter-bar" onSubmit={onSearch}>
          {input('actorId', 'text', { inputMode: 'numeric' })}
          {input('action')}
          {input('entityType')}
          {input('entityId')}
          {input('from', 'date')}
          {input('to', 'date')}
          <FilterActions onReset={onReset} />
        </form>
      </search>

      <div className="toolbar">
        <ResultCount total={audit.data?.total} />
      </div>

      {audit.isError && <ErrorNotice error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.isPending && <Loading />}
      {audit.data && (
        <div className="krds-table-wrap" aria-busy={audit.isFetching}>
          <table className="tbl col data audit-table" data-testid="audit-table">
            <caption>{t('audit.caption')}</caption>
            <thead>
              <tr>
                <SortHeader
                  label={t('audit.col.at')}
                  field="at"
                  sort="at"
                  order={query.order}
                  onSort={onSort}
                />
                <th scope="col">{t('audit.col.actor')}</th>
                <th scope="col">{t('audit.col.action')}</th>
                <th scope="col">{t('audit.col.entityType')}</th>
                <th scope="col">{t('audit.col.entityId')}</th>
                <th scope="col">{t('audit.col.requestId')}</th>
                <th scope="col">{t('audit.col.details')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.data.items.length === 0 ? (
                <tr>
                  <td colSpan={7}>
                    <EmptyState />
                  </td>
                </tr>
              ) : (
                audit.data.items.map((entry) => {
                  const expanded = open.has(entry.id);
                  const detailsId = `audit-details-${entry.id}`;
                  return (
                    <Fragment key={entry.id}>
                      <tr className={expanded ? 'is-expanded' : undefined}>
                        <td className="nowrap">
                          <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
                        </td>
                        <td>{actorOf(entry)}</td>
                        <td>
                          <code>{entry.action}</code>
                        </td>
                        <td>{entry.entityType}</td>
                        <td className="break-all">{entry.entityId ?? '—'}</td>
                        <td>
                          <RequestId id={entry.requestId} />
                        </td>
                        <td>
                          <button
                            type="button"
                            className="krds-btn xsmall secondary"
                            aria-expanded={expanded}
                            aria-controls={detailsId}
                            onClick={() => toggle(entry.id)}
                          >
                            {expanded ? t('audit.hideDetails') : t('audit.showDetails')}
                          </button>
                        </td>
                      </tr>
                      <tr id={detailsId} className="audit-details" hidden={!expanded}>
                        <td colSpan={7}>
                          {expanded && (
                            <div className="diff">
                              <div>
                                <p className="diff-title">{t('audit.before')}</p>
                                <pre>{json(entry.before)}</pre>
                              </div>
                              <div>
                                <p className="diff-title">{t('audit.after')}</p>
                                <pre>{json(entry.after)}</pre>
                              </div>
                            </div>
                          )}
                        </td>
                      </tr>
                    </Fragment>
                  );
                })
              )}
            </tbody>
          </table>
        </div>
      )}
      {audit.data && (
        <Pagination
          page={audit.data.page}
          pageSize={audit.data.pageSize}
          total={audit.data.total}
          searchFor={(page) => searchOf({ ...query, page })}
        />
      )}
    </>
  );
}
