import { describe, expect, it } from 'vitest';
import { fit, JointFacet, SetFacet } from './facets.js';

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
    expect(facet.setCount).toBe(301);
    const hist = new Uint32Array(facet.setCount);
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
