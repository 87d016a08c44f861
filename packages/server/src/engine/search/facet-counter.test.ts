import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountRequest, FacetCounter } from './facet-counter.js';
import { type CodeColumn, Labels, type Requirement, scanGeneric } from './facets.js';
import { Slots } from './slots.js';

const CAPACITY = 256;
const COLUMNS = 5;

/** A column whose codes are given as they are. */
class TestColumn implements CodeColumn {
  codes = new Uint16Array(CAPACITY);
  size = 0;

  set(slot: number, code: number): void {
    this.codes[slot] = code;
    if (code >= this.size) this.size = code + 1;
  }
}

/** An index of documents that are only codes: five facet columns, a status and an organisation. */
class TestIndex {
  readonly slots = new Slots(CAPACITY, () => {
    throw new Error('the test stays within its capacity');
  });
  readonly columns = Array.from({ length: COLUMNS }, () => new TestColumn());
  readonly status = new Labels(CAPACITY, 'status');
  readonly org = new Labels(CAPACITY, 'org');
  readonly counter = new FacetCounter(this.slots, this.columns);

  set(id: number, codes: readonly number[], status: string, org: string): void {
    const write = (slot: number) => {
      codes.forEach((code, c) => {
        this.columns[c]!.set(slot, code);
      });
      this.status.set(slot, status);
      this.org.set(slot, org);
    };
    const known = this.slots.slot(id);
    if (known >= 0) this.counter.move(known, () => write(known));
    else {
      const slot = this.slots.acquire(id);
      write(slot);
      this.counter.admit(slot);
    }
  }

  remove(id: number): void {
    const slot = this.slots.slot(id);
    if (slot < 0) return;
    this.counter.release(slot);
    this.slots.release(id);
  }
}

// Small columns (pair tables kept), and two that may grow past 512 codes together (their pair
// table is dropped, or never built: their facets are walked).
const code = fc.oneof(fc.nat(3), fc.nat(3), fc.integer({ min: 520, max: 523 }));
const codes = fc.tuple(fc.nat(3), fc.nat(2), fc.nat(6), code, code);
const STATUSES = ['open', 'closed', 'draft'];
const write = fc.oneof(
  fc.record({
    kind: fc.constant('set' as const),
    id: fc.nat(30),
    codes,
    status: fc.constantFrom(...STATUSES),
    org: fc.constantFrom('1', '2'),
  }),
  fc.record({ kind: fc.constant('remove' as const), id: fc.nat(30) }),
);
// Most columns unfiltered: each plan (no filter, one, two, more) comes up often.
const accept = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: fc.subarray([0, 1, 2, 3, 4, 5, 6, 520, 521, 522, 523], { minLength: 1 }), weight: 1 },
);
// Few sets of requirements, so that bases built by one search are kept through writes and reused.
const query = fc.record({
  statuses: fc.constantFrom([], ['open'], ['open', 'draft']),
  org: fc.constantFrom(undefined, '1'),
  accepts: fc.tuple(accept, accept, accept, accept, accept),
  counting: fc.boolean(),
  countFrom: fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)),
  orderBy: fc.constantFrom(null, 0, 2, 3),
  offset: fc.nat(6),
  limit: fc.nat(12),
});
type Query = typeof query extends fc.Arbitrary<infer Q> ? Q : never;

/** Checks one query against `scanGeneric` over every slot. */
function expectPlainScan(index: TestIndex, q: Query): void {
  const requirements: Requirement[] = [];
  if (q.statuses.length > 0) requirements.push(index.status.require(q.statuses));
  if (q.org !== undefined) requirements.push(index.org.require([q.org]));
  const accepts = q.accepts.map((values, c) => {
    if (values === null) return null;
    const table = new Uint8Array(index.columns[c]!.size);
    for (const v of values) if (v < table.length) table[v] = 1;
    return table;
  });
  const request: CountRequest = { ...q, requirements, accepts };
  const got = index.counter.count(request);

  const hists = index.columns.map((column) => new Uint32Array(column.size));
  const passes = index.columns.map((column, c) => ({
    codes: column.codes,
    accept: accepts[c]!,
    hist: q.counting ? hists[c]! : null,
  }));
  const matched = [...scanGeneric(null, index.slots.end, index.slots.alive, requirements, null, passes)];
  expect(got.total).toBe(matched.length);
  if (q.orderBy === null) {
    expect([...got.matched!].sort((a, b) => a - b)).toEqual(matched);
  } else {
    const order = index.columns[q.orderBy]!.codes;
    const ids = index.slots.ids;
    const page = matched
      .sort((a, b) => order[b]! - order[a]! || ids[b]! - ids[a]!)
      .slice(q.offset, q.offset + q.limit);
    expect(got.page).toEqual(page);
  }
  if (!q.counting) {
    expect(got.hists).toBeNull();
    return;
  }
  index.columns.forEach((_, c) => {
    // Counts below countFrom may be left out.
    expect([...got.hists![c]!.subarray(q.countFrom[c]!)], `column ${c}`).toEqual([
      ...hists[c]!.subarray(q.countFrom[c]!),
    ]);
  });
}

describe('FacetCounter', () => {
  it('filters, counts and pages exactly like a plain scan of every slot, through writes between searches', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            write,
            write,
            query.map((q) => ({ kind: 'query' as const, q })),
          ),
          { minLength: 20, maxLength: 80 },
        ),
        (steps) => {
          const index = new TestIndex();
          for (const step of steps) {
            if (step.kind === 'set') index.set(step.id, step.codes, step.status, step.org);
            else if (step.kind === 'remove') index.remove(step.id);
            else expectPlainScan(index, step.q);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('builds the same postings in bulk, and pages many matches by walking the order column', () => {
    // Many documents and short pages: the page is read from the order column's highest codes.
    const short = query.chain((q) =>
      fc
        .record({ limit: fc.integer({ min: 1, max: 4 }), offset: fc.nat(3) })
        .map((page) => ({ ...q, ...page })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(codes, fc.constantFrom(...STATUSES)), { minLength: 100, maxLength: 200 }),
        fc.array(short, { maxLength: 10 }),
        (docs, queries) => {
          const index = new TestIndex();
          docs.forEach(([c, status], id) => {
            const slot = index.slots.acquire(id);
            c.forEach((value, column) => {
              index.columns[column]!.set(slot, value);
            });
            index.status.set(slot, status);
            index.org.set(slot, '1');
          });
          index.counter.rebuild();
          for (const q of queries) expectPlainScan(index, q);
        },
      ),
      { numRuns: 200 },
    );
  });
});
