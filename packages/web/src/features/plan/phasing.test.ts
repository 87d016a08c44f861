import { describe, expect, it } from 'vitest';
import { checkPhasing, cumulative, evenPhasing, sumOf } from './phasing';

describe('monthly phasing', () => {
  it('spreads a target evenly with the remainder on the last months, like the server', () => {
    expect(evenPhasing(240)).toEqual(Array(12).fill(20));
    const phasing = evenPhasing(650);
    expect(sumOf(phasing)).toBe(650);
    expect(phasing.slice(0, 2)).toEqual([54, 54]);
    expect(phasing.slice(-2)).toEqual([55, 55]);
    expect(evenPhasing(0)).toEqual(Array(12).fill(0));
  });

  it('checks a custom phasing against the annual target', () => {
    const months = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10];
    expect(checkPhasing(months, 120)).toEqual({ sum: 120, target: 120, difference: 0, matches: true });
    expect(checkPhasing(months, 100)).toMatchObject({ matches: false, difference: 20 });
    expect(checkPhasing([...months.slice(0, 11), null], 120)).toMatchObject({ sum: 110, difference: -10 });
    expect(checkPhasing(months, null).matches).toBe(false);
  });

  it('keeps running totals', () => {
    expect(cumulative([1, null, 3])).toEqual([1, 1, 4]);
  });
});
