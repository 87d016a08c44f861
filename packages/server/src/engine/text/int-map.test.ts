import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntMap } from './int-map.js';

describe('the integer map', () => {
  it('behaves like a Map under any mix of sets and deletes (tombstones and rehashes included)', () => {
    const op = fc.oneof(
      fc.record({ set: fc.integer({ min: 0, max: 400 }), value: fc.integer({ min: 0, max: 0x7fffffff }) }),
      fc.record({ delete: fc.integer({ min: 0, max: 400 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
        const map = new IntMap();
        const model = new Map<number, number>();
        for (const o of ops) {
          if ('set' in o) {
            map.set(o.set, o.value);
            model.set(o.set, o.value);
          } else expect(map.delete(o.delete)).toBe(model.delete(o.delete));
        }
        expect(map.size).toBe(model.size);
        for (let key = 0; key <= 400; key++) expect(map.get(key)).toBe(model.get(key) ?? -1);
        const seen = new Map<number, number>();
        map.forEach((value, key) => {
          seen.set(key, value);
        });
        expect(seen).toEqual(model);
      }),
      { numRuns: 100 },
    );
  });

  it('holds the largest keys the index uses, and refuses what it cannot hold', () => {
    const map = new IntMap();
    map.set(0x7fffffff, 1);
    map.set(124_813_583, 0x7fffffff);
    expect(map.get(0x7fffffff)).toBe(1);
    expect(map.get(124_813_583)).toBe(0x7fffffff);
    expect(() => map.set(-1, 0)).toThrow(RangeError);
    expect(() => map.set(1, -5)).toThrow(RangeError);
  });
});
