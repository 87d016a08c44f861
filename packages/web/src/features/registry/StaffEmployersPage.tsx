import { EMPLOYER_FLAGS, formatBusinessNumber, KSIC_SECTIONS } from '@ilteo/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { FilterActions, ResultCount } from '../../components/filters';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { SortHeader } from '../../components/SortHeader';
import { EmptyState, ErrorNotice, Loading } from '../../components/status';
import { formatDate, formatNumber, formatPhone } from '../../i18n/format';
import { useI18n } from '../../i18n/I18nProvider';
import { useEmployers } from './api';
import { OptionField, QueryField } from './ListControls';
import { vocab } from './labels';
import { type ListSpec, listQueryFrom, listSearchOf } from './listQuery';
import './registry.css';

const SPEC: ListSpec = {
  filters: ['q', 'verified', 'flag', 'industry', 'order'],
  sorts: ['updatedAt', 'name', 'openVacancies'],
  defaultSort: 'updatedAt',
};

/** `/staff/employers`: companies of the district, with filters; contact people masked. */
export function StaffEmployersPage() {
  const { locale, t } = useI18n();
  const [params, setParams] = useSearchParams();
  const query = listQueryFrom(params, SPEC);
  const order = query.filters.order === 'asc' ? 'asc' : 'desc';
  const employers = useEmployers({
    ...query.filters,
    order,
    sort: query.sort,
    page: query.page,
    pageSize: 20,
  });
  const [draft, setDraft] = useState(query.filters);
  const key = JSON.stringify(query.filters);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filters' content
  useEffect(() => setDraft(query.filters), [key]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const filters = Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== ''));
    setParams(new URLSearchParams(listSearchOf({ ...query, filters, page: 1 }, SPEC)));
  };
  const select = (name: string, options: readonly string[], labelOf: (v: string) => string) => (
    <OptionField
      id={`employers-${name}`}
      label={t(`registry.employers.filter.${name as 'verified'}`)}
      options={options}
      labelOf={labelOf}
      value={draft[name] ?? ''}
      onChange={(value) => setDraft({ ...draft, [name]: value })}
    />
  );

  return (
    <>
      <PageHeading>{t('registry.employers.title')}</PageHeading>
      <p className="lead">{t('registry.employers.lead')}</p>
      <search aria-label={t('registry.employers.filters')}>
        <form className="filter-bar" onSubmit={onSearch}>
          <QueryField
            id="employers-q"
            label="registry.employers.q"
            hint="registry.employers.qHint"
            value={draft.q ?? ''}
            onChange={(q) => setDraft({ ...draft, q })}
          />
          {select('verified', ['true', 'false'], (v) =>
            t(v === 'true' ? 'registry.verified' : 'registry.unverified'),
          )}
          {select('flag', EMPLOYER_FLAGS, (v) => vocab(t, 'flag', v))}
          {select('industry', KSIC_SECTIONS, (v) => `${v} ${vocab(t, 'ksic', v)}`)}
          <FilterActions
            onReset={() => {
              setDraft({});
              setParams(new URLSearchParams());
            }}
          />
        </form>
      </search>
      <div className="toolbar">
        <ResultCount total={employers.data?.total} />
      </div>
      {employers.isError && <ErrorNotice error={employers.error} onRetry={() => void employers.refetch()} />}
      {employers.isPending && <Loading />}
      {employers.data && (
        <div className="krds-table-wrap" aria-busy={employers.isFetching}>
          <table className="tbl col data" data-testid="employers-table">
            <caption>{t('registry.employers.caption')}</caption>
            <thead>
              <tr>
                <SortHeader
                  label={t('registry.col.company')}
                  field="name"
                  sort={query.sort}
                  order={order}
                  onSort={(field, o) =>
                    setParams(
                      new URLSearchParams(
                        listSearchOf({ filters: { ...query.filters, order: o }, sort: field, page: 1 }, SPEC),
                      ),
                    )
                  }
                />
                <th scope="col">{t('registry.col.businessNumber')}</th>
                <th scope="col">{t('registry.col.industry')}</th>
                <th scope="col">{t('registry.col.size')}</th>
                <th scope="col">{t('registry.col.dong')}</th>
                <th scope="col">{t('registry.col.contact')}</th>
                <SortHeader
                  label={t('registry.col.openVacancies')}
                  field="openVacancies"
                  sort={query.sort}
                  order={order}
                  onSort={(field, o) =>
                    setParams(
                      new URLSearchParams(
                        listSearchOf({ filters: { ...query.filters, order: o }, sort: field, page: 1 }, SPEC),
                      ),
                    )
                  }
                />
                <th scope="col">{t('registry.col.verified')}</th>
                <SortHeader
                  label={t('registry.col.updatedAt')}
                  field="updatedAt"
                  sort={query.sort}
                  order={order}
                  onSort={(field, o) =>
                    setParams(
                      new URLSearchParams(
                        listSearchOf({ filters: { ...query.filters, order: o }, sort: field, page: 1 }, SPEC),
                      ),
                    )
                  }
                />
              </tr>
            </thead>
            <tbody>
              {employers.data.items.length === 0 ? (
                <tr>
                  <td colSpan={9}>
                    <EmptyState />
                  </td>
                </tr>
              ) : (
                employers.data.items.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">
                      <Link to={`/staff/employers/${e.id}`}>{e.name}</Link>
                      {e.flags.length > 0 && (
                        <span className="cell-sub">{e.flags.map((f) => vocab(t, 'flag', f)).join(', ')}</span>
                      )}
                    </th>
                    <td className="nowrap">
                      {e.businessNumber ? formatBusinessNumber(e.businessNumber.replace(/\D/g, '')) : '—'}
                    </td>
                    <td>{e.industry ? `${e.industry} ${vocab(t, 'ksic', e.industry)}` : '—'}</td>
                    <td>{e.size ? vocab(t, 'size', e.size) : '—'}</td>
                    <td>{e.dongName ?? '—'}</td>
                    <td>
                      {e.contact ? (
                        <>
                          {e.contact.name}
                          {e.contact.phone && (
                            <span className="cell-sub nowrap">{formatPhone(e.contact.phone)}</span>
                          )}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>{formatNumber(e.openVacancies)}</td>
                    <td>
                      <span
                        className={e.verified ? 'krds-badge bg-light-success' : 'krds-badge bg-light-gray'}
                      >
                        {t(e.verified ? 'registry.verified' : 'registry.unverified')}
                      </span>
                    </td>
                    <td className="nowrap">{formatDate(e.updatedAt, locale)}</td>
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      )}
      {employers.data && (
        <Pagination
          page={employers.data.page}
          pageSize={employers.data.pageSize}
          total={employers.data.total}
          searchFor={(page) => listSearchOf({ ...query, page }, SPEC)}
        />
      )}
    </>
  );
}
