import { VACANCY_STATUSES } from '@ilteo/shared';
import { toQueryString } from '../../api/client';

/** A list page's state: its filters (text), the sort and the page. */
export interface ListQuery {
  filters: Record<string, string>;
  sort: string;
  page: number;
}

/** What a list accepts in its URL: the filter names, the sorts and the default sort. */
export interface ListSpec {
  filters: readonly string[];
  sorts: readonly string[];
  defaultSort: string;
}

/** The list's state from the URL; unknown filters and sorts are ignored, a bad page is 1. */
export function listQueryFrom(params: URLSearchParams, spec: ListSpec): ListQuery {
  const filters: Record<string, string> = {};
  for (const name of spec.filters) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value.slice(0, 400);
  }
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  return {
    filters,
    sort: spec.sorts.includes(sort) ? sort : spec.defaultSort,
    page: Number.isInteger(page) && page > 0 && page <= 100_000 ? page : 1,
  };
}

/** The URL search string of a list's state; defaults are left out so addresses stay short. */
export function listSearchOf(query: ListQuery, spec: ListSpec): string {
  return toQueryString({
    ...query.filters,
    sort: query.sort === spec.defaultSort ? undefined : query.sort,
    page: query.page === 1 ? undefined : query.page,
  });
}

/** The API query of a list's state. */
export function apiQueryOf(query: ListQuery, pageSize = 20): Record<string, string | number> {
  return { ...query.filters, sort: query.sort, page: query.page, pageSize };
}

/** Facet names in the order the filter bar shows them, known ones first. */
export function facetOrder(facets: Record<string, unknown>, preferred: readonly string[]): string[] {
  const known = preferred.filter((f) => f in facets);
  const rest = Object.keys(facets)
    .filter((f) => !preferred.includes(f))
    .sort();
  return [...known, ...rest];
}

/** Staff see every status unless they pick one; the public search shows open vacancies only. */
export function statusParam(status: string | undefined): string {
  return status && (VACANCY_STATUSES as readonly string[]).includes(status)
    ? status
    : VACANCY_STATUSES.join(',');
}
