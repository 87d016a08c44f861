import { POSTED_WITHIN } from '@ilteo/shared';
import type { QueryValue } from '../../api/client';

/** Facets a visitor ticks, several values each (OR within a facet, AND across facets). */
export const FACET_KEYS = [
  'occupationGroup',
  'dong',
  'wageBand',
  'employmentType',
  'career',
  'education',
  'targetGroup',
] as const;
export type FacetKey = (typeof FACET_KEYS)[number];

export const SEARCH_SORTS = ['relevance', 'newest', 'wage', 'distance'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
export type PostedWithin = (typeof POSTED_WITHIN)[number];

/** Results a page of the public search shows. */
export const SEARCH_PAGE_SIZE = 20;

/** What the public vacancy search shows, read from and written to the URL so it can be shared. */
export interface JobSearch {
  q: string;
  filters: Record<FacetKey, string[]>;
  postedWithin: PostedWithin | null;
  sort: SearchSort;
  /** A dong code: distances are measured from it. */
  near: string | null;
  page: number;
}

const MAX_VALUES = 30;

function emptyFilters(): Record<FacetKey, string[]> {
  return Object.fromEntries(FACET_KEYS.map((k) => [k, [] as string[]])) as Record<FacetKey, string[]>;
}

/** The search with nothing chosen: every open vacancy, most relevant first. */
export function emptySearch(): JobSearch {
  return { q: '', filters: emptyFilters(), postedWithin: null, sort: 'relevance', near: null, page: 1 };
}

function listOf(text: string | null): string[] {
  if (!text) return [];
  const values = text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return [...new Set(values)].slice(0, MAX_VALUES);
}

/** Reads the search from a URL's query string; anything unknown or malformed falls back to the default. */
export function readSearch(params: URLSearchParams): JobSearch {
  const search = emptySearch();
  search.q = (params.get('q') ?? '').slice(0, 100);
  for (const key of FACET_KEYS) search.filters[key] = listOf(params.get(key));
  const posted = params.get('postedWithin');
  search.postedWithin = (POSTED_WITHIN as readonly string[]).includes(posted ?? '')
    ? (posted as PostedWithin)
    : null;
  const sort = params.get('sort');
  search.sort = (SEARCH_SORTS as readonly string[]).includes(sort ?? '') ? (sort as SearchSort) : 'relevance';
  search.near = params.get('near') || null;
  const page = Number(params.get('page'));
  search.page = Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
  return search;
}

/** The query string of a search (`?q=간호&dong=a,b`), leaving out defaults so shared links stay short. */
export function writeSearch(search: JobSearch): string {
  const params = new URLSearchParams();
  const q = search.q.trim();
  if (q) params.set('q', q);
  for (const key of FACET_KEYS) {
    if (search.filters[key].length) params.set(key, search.filters[key].join(','));
  }
  if (search.postedWithin) params.set('postedWithin', search.postedWithin);
  if (search.sort !== 'relevance') params.set('sort', search.sort);
  if (search.near) params.set('near', search.near);
  if (search.page > 1) params.set('page', String(search.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The API query of a search. Sorting by distance needs a dong to measure from: without one the
 * search falls back to relevance rather than failing.
 */
export function apiQuery(search: JobSearch, pageSize = SEARCH_PAGE_SIZE): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {
    q: search.q.trim() || undefined,
    page: search.page,
    pageSize,
    sort: search.sort === 'distance' && !search.near ? 'relevance' : search.sort,
    postedWithin: search.postedWithin ?? undefined,
    near: search.near ?? undefined,
  };
  for (const key of FACET_KEYS) {
    if (search.filters[key].length) query[key] = search.filters[key].join(',');
  }
  return query;
}

/** Ticks or unticks one facet value; the results start again from the first page. */
export function toggleFilter(search: JobSearch, key: FacetKey, value: string): JobSearch {
  const current = search.filters[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...search, filters: { ...search.filters, [key]: next }, page: 1 };
}

/** How many facet values are chosen (shown on the mobile filter button). */
export function activeFilterCount(search: JobSearch): number {
  return FACET_KEYS.reduce((n, k) => n + search.filters[k].length, 0) + (search.postedWithin ? 1 : 0);
}

/** Clears every facet, keeping the words typed and the order. */
export function clearFilters(search: JobSearch): JobSearch {
  return { ...search, filters: emptyFilters(), postedWithin: null, page: 1 };
}
