import { describe, expect, it } from 'vitest';
import {
  activeFilterCount,
  apiQuery,
  clearFilters,
  emptySearch,
  readSearch,
  toggleFilter,
  writeSearch,
} from './searchParams';

const read = (qs: string) => readSearch(new URLSearchParams(qs));

describe('the vacancy search lives in the URL', () => {
  it('reads words, facets, sort and page from a shared link and writes the same link back', () => {
    const qs =
      '?q=%EA%B0%84%ED%98%B8&dong=2820051,2820052&employmentType=permanent&postedWithin=7d&sort=distance&near=2820051&page=3';
    const search = read(qs);
    expect(search.q).toBe('간호');
    expect(search.filters.dong).toEqual(['2820051', '2820052']);
    expect(search.filters.employmentType).toEqual(['permanent']);
    expect(search.postedWithin).toBe('7d');
    expect(search.sort).toBe('distance');
    expect(search.near).toBe('2820051');
    expect(search.page).toBe(3);
    expect(readSearch(new URLSearchParams(writeSearch(search)))).toEqual(search);
  });

  it('leaves defaults out, so the plain search page has a plain URL', () => {
    expect(writeSearch(emptySearch())).toBe('');
    expect(writeSearch({ ...emptySearch(), q: '  용접 ' })).toBe(`?q=${encodeURIComponent('용접')}`);
  });

  it('falls back to the defaults for values someone edited by hand', () => {
    const search = read('?sort=cheapest&page=-2&postedWithin=1y&wageBand=,,under_2m,under_2m');
    expect(search.sort).toBe('relevance');
    expect(search.page).toBe(1);
    expect(search.postedWithin).toBeNull();
    expect(search.filters.wageBand).toEqual(['under_2m']);
  });

  it('goes back to the first page when a facet is ticked, and unticks it on a second click', () => {
    const onPage4 = { ...emptySearch(), page: 4 };
    const ticked = toggleFilter(onPage4, 'career', 'new');
    expect(ticked.filters.career).toEqual(['new']);
    expect(ticked.page).toBe(1);
    expect(toggleFilter(ticked, 'career', 'new').filters.career).toEqual([]);
    expect(activeFilterCount({ ...ticked, postedWithin: '3d' })).toBe(2);
    expect(activeFilterCount(clearFilters({ ...ticked, q: '간호' }))).toBe(0);
  });

  it('asks the API with comma-separated facets, and sorts by relevance when no dong is chosen for distance', () => {
    const search = toggleFilter(
      toggleFilter({ ...emptySearch(), sort: 'distance' }, 'dong', 'a'),
      'dong',
      'b',
    );
    const query = apiQuery(search);
    expect(query.dong).toBe('a,b');
    expect(query.sort).toBe('relevance');
    expect(query.q).toBeUndefined();
    expect(apiQuery({ ...search, near: 'a' }).sort).toBe('distance');
  });
});
