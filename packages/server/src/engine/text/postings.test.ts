import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersect, intersectAll, PostingStore, union } from './postings.js';

const sortedIds = fc
  .uniqueArray(fc.integer({ min: 0, max: 5000 }), { maxLength: 300 })
  .map((ids) => Uint32Array.from(ids.sort((a, b) => a - b)));

describe('posting lists', () => {
  it('stay sorted and exact under any mix of adds, removes and releases, across arena moves and compactions', () => {
    const op = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.record({ add: fc.integer({ min: 0, max: 7 }), id: fc.integer({ min: 0, max: 300 }) }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          remove: fc.integer({ min: 0, max: 7 }),
          id: fc.integer({ min: 0, max: 300 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ release: fc.integer({ min: 0, max: 7 }) }) },
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2000 }), (ops) => {
        const store = new PostingStore();
        // Eight keys, each with its list (created on first use) and the set it should equal.
        const lists: (number | undefined)[] = [];
        const models: Set<number>[] = Array.from({ length: 8 }, () => new Set());
        for (const o of ops) {
          if ('add' in o) {
            lists[o.add] ??= store.create();
            expect(store.add(lists[o.add]!, o.id)).toBe(!models[o.add]!.has(o.id));
            models[o.add]!.add(o.id);
          } else if ('remove' in o) {
            const list = lists[o.remove];
            if (list === undefined) continue;
            expect(store.remove(list, o.id)).toBe(models[o.remove]!.delete(o.id));
          } else if (lists[o.release] !== undefined) {
            store.release(lists[o.release]!);
            lists[o.release] = undefined;
            models[o.release]!.clear();
          }
        }
        models.forEach((model, key) => {
          const list = lists[key];
          const ids = list === undefined ? [] : [...store.view(list)];
          expect(ids).toEqual([...model].sort((a, b) => a - b));
        });
        const { used, wasted } = store.usage();
        expect(wasted).toBeLessThanOrEqual(used);
      }),
      { numRuns: 200 },
    );
  });

  it('reclaim the room lists leave behind when they move', () => {
    const store = new PostingStore();
    const lists = Array.from({ length: 50 }, () => store.create());
    for (let id = 0; id < 2000; id++) for (const list of lists) store.add(list, id);
    const live = 50 * 2000;
    const { used, wasted } = store.usage();
    // Lists keep up to half again as much room as they hold; moves leave waste behind, which
    // compaction reclaims when the arena fills (without it, the arena would reach about 4.5 × live).
    expect(used - wasted).toBeLessThanOrEqual(1.6 * live);
    expect(used).toBeLessThan(3.2 * live);
    for (const list of lists) expect(store.view(list)).toHaveLength(2000);
  });

  it('fill a list made to measure without moving it', () => {
    const store = new PostingStore();
    store.ensureRoom(5000);
    const list = store.create(5000);
    for (let id = 0; id < 5000; id++) store.add(list, id * 7);
    expect(store.usage()).toEqual({ used: 5000, wasted: 0 });
    expect(store.view(list)[4999]).toBe(4999 * 7);
  });

  it('hold the largest uint32 ids', () => {
    const store = new PostingStore();
    const list = store.create();
    store.add(list, 0xffffffff);
    store.add(list, 0);
    expect([...store.view(list)]).toEqual([0, 0xffffffff]);
    expect([...union([store.view(list), Uint32Array.of(7)])]).toEqual([0, 7, 0xffffffff]);
  });
});

describe('set operations on sorted ids', () => {
  it('intersect as sets do, whatever the sizes (galloping included)', () => {
    fc.assert(
      fc.property(sortedIds, sortedIds, (a, b) => {
        const inB = new Set(b);
        expect([...intersect(a, b)]).toEqual([...a].filter((x) => inB.has(x)));
      }),
    );
  });

  it('intersect a rare list with a long one', () => {
    const long = Uint32Array.from({ length: 100_000 }, (_, i) => i * 2);
    expect([...intersect(Uint32Array.of(1, 4, 199_998, 200_000), long)]).toEqual([4, 199_998]);
  });

  it('intersect several lists, and nothing for no lists', () => {
    expect([
      ...intersectAll([Uint32Array.of(1, 2, 3, 9), Uint32Array.of(2, 3, 9), Uint32Array.of(3, 9, 10)]),
    ]).toEqual([3, 9]);
    expect(intersectAll([])).toHaveLength(0);
  });

  it('unite into sorted ids without repeats', () => {
    fc.assert(
      fc.property(fc.array(sortedIds, { maxLength: 6 }), (lists) => {
        const expected = [...new Set(lists.flatMap((l) => [...l]))].sort((a, b) => a - b);
        expect([...union(lists)]).toEqual(expected);
      }),
    );
  });
});
