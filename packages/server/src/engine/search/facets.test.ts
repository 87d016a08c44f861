import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fit, JointFacet, SetFacet, scan, scanGeneric } from './facets.js';

describe('narrow facet columns', () => {
  it('widen from one byte to two to four bytes, keeping every code', () => {
    let codes: Uint8Array | Uint16Array | Uint32Array = new Uint8Array(4);
    codes[1] = 200;
    codes = fit(codes, 255);
    expect(codes).toBeInstanceOf(Uint8Array);
    codes = fit(codes, 256);
    expect(codes).toBeInstanceOf(Uint16Array);
    codes[2] = 65_535;
    codes = fit(codes, 65_536);
    expect(codes).toBeInstanceOf(Uint32Array);
    expect(Array.from(codes)).toEqual([0, 200, 65_535, 0]);
  });

  it('a SetFacet re-encodes its column when its set count passes 256, through grow', () => {
    const facet = new SetFacet(2);
    for (let slot = 0; slot < 300; slot++) {
      if (slot >= facet.codes.length) facet.grow(slot * 2);
      facet.set(slot, [`v${slot}`]);
      if (slot === 200) expect(facet.codes).toBeInstanceOf(Uint8Array);
    }
    expect(facet.codes).toBeInstanceOf(Uint16Array);
    expect(facet.size).toBe(301);
    const hist = new Uint32Array(facet.size);
    for (let slot = 0; slot < 300; slot++) hist[facet.codes[slot]!]!++;
    const counts = facet.counts(hist);
    expect(counts).toHaveLength(300);
    expect(counts.every((c) => c.count === 1)).toBe(true);
    const accept = facet.accept(['v0', 'v299'])!;
    expect([0, 299].map((slot) => accept[facet.codes[slot]!])).toEqual([1, 1]);
  });

  it('a JointFacet does the same for its tuples', () => {
    const facet = new JointFacet(['a', 'b'], 400);
    for (let slot = 0; slot < 400; slot++)
      facet.set(slot, { a: `a${slot % 20}`, b: `b${Math.floor(slot / 20)}` });
    expect(facet.codes).toBeInstanceOf(Uint16Array);
    expect(facet.codes[399]).toBe(399);
  });
});

describe('scan', () => {
  const SLOTS = 120;
  const column = fc.array(fc.nat(5), { minLength: SLOTS, maxLength: SLOTS }).map((c) => Uint8Array.from(c));
  const table = fc.array(fc.nat(1), { minLength: 6, maxLength: 6 }).map((t) => Uint8Array.from(t));
  const facet = fc.record({ codes: column, accept: fc.option(table), counted: fc.boolean() });

  it('keeps and counts exactly as the plain one-slot-at-a-time scan, over any candidates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(1), { minLength: SLOTS, maxLength: SLOTS }),
        fc.option(
          fc.array(
            fc.uniqueArray(fc.nat(SLOTS - 1)).map((run) => run.sort((a, b) => a - b)),
            { maxLength: 3 },
          ),
        ),
        fc.array(fc.record({ codes: column, accept: table }), { maxLength: 3 }),
        fc.option(fc.nat(3)),
        fc.array(facet, { maxLength: 6 }),
        (alive, runs, required, extraEvery, facets) => {
          const requirements = required.map((r) => ({
            column: { codes: r.codes, size: 6 },
            accept: r.accept,
            key: '',
          }));
          const extra = extraEvery === null ? null : (slot: number) => slot % (extraEvery + 1) === 0;
          const candidates = runs === null ? null : runs.map((run) => Uint32Array.from(run));
          const passes = () =>
            facets.map((f) => ({
              codes: f.codes,
              accept: f.accept,
              hist: f.counted ? new Uint32Array(6) : null,
            }));
          const fast = passes();
          const plain = passes();
          const living = Uint8Array.from(alive);
          const got = scan(candidates, SLOTS, living, requirements, extra, fast);
          const want = scanGeneric(candidates, SLOTS, living, requirements, extra, plain);
          expect([...got]).toEqual([...want]);
          expect(fast.map((f) => f.hist && [...f.hist])).toEqual(plain.map((f) => f.hist && [...f.hist]));
        },
      ),
      { numRuns: 500 },
    );
  });
});
