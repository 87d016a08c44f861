import { describe, expect, it } from 'vitest';
import { apiQueryOf, facetOrder, type ListSpec, listQueryFrom, listSearchOf, statusParam } from './listQuery';

const spec: ListSpec = { filters: ['q', 'status'], sorts: ['relevance', 'newest'], defaultSort: 'relevance' };

describe('list state in the URL', () => {
  it('reads known filters, a known sort and a sane page', () => {
    const query = listQueryFrom(new URLSearchParams('q=간호&status=active&evil=1&sort=bad&page=-2'), spec);
    expect(query).toEqual({ filters: { q: '간호', status: 'active' }, sort: 'relevance', page: 1 });
  });

  it('writes defaults out of the address and round-trips', () => {
    const query = { filters: { q: 'ㄱㅎ' }, sort: 'newest', page: 3 };
    const search = listSearchOf(query, spec);
    expect(listQueryFrom(new URLSearchParams(search), spec)).toEqual(query);
    expect(listSearchOf({ filters: {}, sort: 'relevance', page: 1 }, spec)).toBe('');
  });

  it('asks the API with the page size', () => {
    expect(apiQueryOf({ filters: { q: 'a' }, sort: 'newest', page: 2 }, 20)).toEqual({
      q: 'a',
      sort: 'newest',
      page: 2,
      pageSize: 20,
    });
  });

  it('orders facets with the known ones first', () => {
    expect(facetOrder({ z: [], dong: [], status: [] }, ['status', 'dong'])).toEqual(['status', 'dong', 'z']);
  });

  it('lets staff see every vacancy status unless they pick one', () => {
    expect(statusParam(undefined)).toBe('draft,open,closed,filled');
    expect(statusParam('closed')).toBe('closed');
    expect(statusParam('bogus')).toBe('draft,open,closed,filled');
  });
});

describe('the occupation scheme of the typeahead', () => {
  it('prefers KECO-2018, else the largest scheme of the kind', async () => {
    const { preferredScheme } = await import('./api');
    const schemes = [
      { kind: 'occupation', scheme: 'KSCO-7', items: 450, levels: 1 },
      { kind: 'occupation', scheme: 'KECO-2018', items: 631, levels: 4 },
      { kind: 'skill', scheme: 'NCS', items: 24, levels: 1 },
    ] as const;
    expect(preferredScheme([...schemes], 'occupation')).toBe('KECO-2018');
    expect(preferredScheme([schemes[0], schemes[2]], 'occupation')).toBe('KSCO-7');
    expect(preferredScheme([...schemes], 'certificate')).toBeUndefined();
  });
});
