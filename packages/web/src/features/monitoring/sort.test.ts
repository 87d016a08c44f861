import { describe, expect, it } from 'vitest';
import { sortRows } from './sort';

const rows = [
  { name: '청년', rate: 93.5 },
  { name: '노인', rate: null },
  { name: '경력단절여성', rate: 82.7 },
  { name: '신중년', rate: 93.5 },
];

describe('sorting a breakdown', () => {
  it('orders numbers both ways and keeps rows without a figure last', () => {
    expect(sortRows(rows, (r) => r.rate, 'asc').map((r) => r.name)).toEqual([
      '경력단절여성',
      '청년',
      '신중년',
      '노인',
    ]);
    expect(sortRows(rows, (r) => r.rate, 'desc').map((r) => r.name)).toEqual([
      '청년',
      '신중년',
      '경력단절여성',
      '노인',
    ]);
  });

  it('orders Korean names in 가나다 order', () => {
    expect(sortRows(rows, (r) => r.name, 'asc').map((r) => r.name)).toEqual([
      '경력단절여성',
      '노인',
      '신중년',
      '청년',
    ]);
  });

  it('leaves the input untouched', () => {
    const copy = [...rows];
    sortRows(rows, (r) => r.rate, 'desc');
    expect(rows).toEqual(copy);
  });
});
