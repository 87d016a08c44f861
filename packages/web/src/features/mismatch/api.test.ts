import { describe, expect, it } from 'vitest';
import { filtersFrom, queryOf, xlsxUrl } from './api';

describe('the mismatch filters in the URL', () => {
  it('reads the year, month, level and group, and drops what is malformed', () => {
    expect(filtersFrom(new URLSearchParams('year=2019&month=11&occupationLevel=2&group=62'))).toEqual({
      year: 2019,
      month: 11,
      occupationLevel: 2,
      group: '62',
    });
    expect(filtersFrom(new URLSearchParams('year=19x&month=13&occupationLevel=7'))).toEqual({
      year: undefined,
      month: undefined,
      occupationLevel: 1,
      group: undefined,
    });
  });

  it('writes the same filters back, without the defaults, for the page and the XLSX', () => {
    expect(queryOf({ occupationLevel: 1 })).toBe('');
    expect(queryOf({ year: 2019, occupationLevel: 2, group: 'KSCO-7:62' })).toBe(
      '?year=2019&occupationLevel=2&group=KSCO-7%3A62',
    );
    expect(xlsxUrl({ year: 2019, month: 3, occupationLevel: 1 })).toBe(
      '/api/v1/analytics/mismatch.xlsx?year=2019&month=3',
    );
  });
});
