/**
 * Facets over a dense slot per document. A document's values in one facet (one value, several,
 * or none) are interned as a "set": the column holds one set number per slot, so a filter is one
 * lookup (`accept[codes[slot]]`) and a count one increment (`hist[codes[slot]]++`), whether the
 * facet holds one value per document (education) or several (target groups, the levels of an
 * occupation's parent chain). There are few distinct sets in practice: a few hundred occupation
 * chains, 2^7 combinations of target groups. So a column is as narrow as its set count allows:
 * one byte a slot below 256 sets, two below 65,536, four beyond (`Codes`, re-encoded once when a
 * new set passes the width). A scan over a million slots reads a byte per facet, not four.
 */

/** A column of codes, one per slot: the narrowest typed array the largest code fits in. */
export type Codes = Uint8Array | Uint16Array | Uint32Array;

/** `codes` as it is when `code` fits its width, else re-encoded into the next width that holds it. */
export function fit(codes: Codes, code: number): Codes {
  const limit = codes instanceof Uint8Array ? 0xff : codes instanceof Uint16Array ? 0xffff : 0xffffffff;
  if (code <= limit) return codes;
  const wider = code <= 0xffff ? new Uint16Array(codes.length) : new Uint32Array(codes.length);
  wider.set(codes);
  return wider;
}

/** Strings to dense numbers and back. */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  /** The number of a value, adding it if new. */
  intern(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  /** The number of a value, or -1 when it was never seen. */
  find(value: string): number {
    return this.ids.get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }
}

/** A facet value and how many results it would give. */
export interface FacetCount {
  value: string;
  count: number;
}

/**
 * One facet: per slot, the number of the document's value set. A set has the values a filter
 * matches (`match`) and the values it is counted under (`count`): for occupations a filter on any
 * level of the chain matches, but the facet counts the top level only.
 */
export class SetFacet {
  readonly vocabulary = new Vocabulary();
  private readonly setNumbers = new Map<string, number>();
  /** Values as a document gave them (any order, repeats) → set number. */
  private readonly rawNumbers = new Map<string, number>();
  /** Set number → value numbers a filter matches. */
  private readonly matchSets: Uint32Array[] = [];
  /** Set number → value numbers the set is counted under. */
  private readonly countSets: Uint32Array[] = [];
  /** Set number of each slot (one byte while there are at most 256 sets; see `fit`). */
  codes: Codes;

  constructor(capacity: number) {
    this.codes = new Uint8Array(capacity);
    this.intern([], []);
  }

  /** How many distinct sets exist (the size of per-query accept and count arrays). */
  get setCount(): number {
    return this.matchSets.length;
  }

  /** Grows the column to hold `capacity` slots. */
  grow(capacity: number): void {
    this.codes = grown(this.codes, capacity);
  }

  /** Stores a slot's values; `count` defaults to `match`. */
  set(slot: number, match: readonly string[], count: readonly string[] = match): void {
    // The values as given are a cheap key: most documents repeat a combination already seen.
    const raw =
      count === match ? match.join('\u0001') : `${match.join('\u0001')}\u0002${count.join('\u0001')}`;
    let set = this.rawNumbers.get(raw);
    if (set === undefined) {
      set = this.intern(match, count);
      this.rawNumbers.set(raw, set);
    }
    this.codes[slot] = set;
  }

  /**
   * Per set, 1 when it holds any of the selected values (OR within a facet); null when nothing
   * is selected, which means no filter.
   */
  accept(selected: readonly string[] | undefined): Uint8Array | null {
    if (!selected || selected.length === 0) return null;
    const wanted = new Set<number>();
    for (const value of selected) {
      const id = this.vocabulary.find(value);
      if (id >= 0) wanted.add(id);
    }
    const accept = new Uint8Array(this.matchSets.length);
    if (wanted.size === 0) return accept;
    for (let s = 0; s < this.matchSets.length; s++) {
      const values = this.matchSets[s]!;
      for (let i = 0; i < values.length; i++) {
        if (wanted.has(values[i]!)) {
          accept[s] = 1;
          break;
        }
      }
    }
    return accept;
  }

  /**
   * Turns counts per set into counts per value: values with a count, and every selected value
   * (with 0 if need be, so a chosen filter never disappears from its facet).
   */
  counts(hist: Uint32Array, selected: readonly string[] = []): FacetCount[] {
    const perValue = new Float64Array(this.vocabulary.size);
    for (let s = 0; s < hist.length; s++) {
      const n = hist[s]!;
      if (n === 0) continue;
      const values = this.countSets[s]!;
      for (let i = 0; i < values.length; i++) perValue[values[i]!]! += n;
    }
    const out: FacetCount[] = [];
    const shown = new Set<string>();
    for (let v = 0; v < perValue.length; v++) {
      if (perValue[v]! > 0) {
        out.push({ value: this.vocabulary.values[v]!, count: perValue[v]! });
        shown.add(this.vocabulary.values[v]!);
      }
    }
    for (const value of selected) if (!shown.has(value)) out.push({ value, count: 0 });
    return out;
  }

  private intern(match: readonly string[], count: readonly string[]): number {
    const m = [...new Set(match.map((v) => this.vocabulary.intern(v)))].sort((a, b) => a - b);
    const c = [...new Set(count.map((v) => this.vocabulary.intern(v)))].sort((a, b) => a - b);
    const key = `${m.join(',')}|${c.join(',')}`;
    let set = this.setNumbers.get(key);
    if (set === undefined) {
      set = this.matchSets.length;
      this.matchSets.push(Uint32Array.from(m));
      this.countSets.push(Uint32Array.from(c));
      this.setNumbers.set(key, set);
      this.codes = fit(this.codes, set);
    }
    return set;
  }
}

/**
 * Several single-valued facets with few values each (wage band, employment type, career,
 * education), held as one column of value tuples: the scan then looks one code up instead of
 * four, and the members' counts are summed from the tuples' counts afterwards. Exact, because a
 * tuple's count holds the slots that pass every other filter; each member then adds the tuples
 * whose other members pass their filters — which is the disjunctive count.
 */
export class JointFacet<M extends string> {
  readonly vocabularies: Record<M, Vocabulary>;
  private readonly tupleNumbers = new Map<string, number>();
  /** Tuple number → value number of each member, in `members` order. */
  private readonly tuples: Uint32Array[] = [];
  /** Tuple number of each slot (as narrow as the tuple count allows; see `fit`). */
  codes: Codes;

  constructor(
    private readonly members: readonly M[],
    capacity: number,
  ) {
    this.vocabularies = Object.fromEntries(members.map((m) => [m, new Vocabulary()])) as Record<
      M,
      Vocabulary
    >;
    this.codes = new Uint8Array(capacity);
  }

  get tupleCount(): number {
    return this.tuples.length;
  }

  grow(capacity: number): void {
    this.codes = grown(this.codes, capacity);
  }

  /** Stores a slot's value of every member. */
  set(slot: number, values: Record<M, string>): void {
    let key = '';
    for (const m of this.members) key += `${values[m]}\u0001`;
    let tuple = this.tupleNumbers.get(key);
    if (tuple === undefined) {
      tuple = this.tuples.length;
      this.tuples.push(Uint32Array.from(this.members, (m) => this.vocabularies[m].intern(values[m])));
      this.tupleNumbers.set(key, tuple);
      this.codes = fit(this.codes, tuple);
    }
    this.codes[slot] = tuple;
  }

  /** Per tuple, 1 when every member's filter accepts it; null when no member is filtered. */
  accept(selected: Partial<Record<M, readonly string[] | undefined>>): Uint8Array | null {
    const perMember = this.memberAccepts(selected);
    if (perMember.every((a) => a === null)) return null;
    const accept = new Uint8Array(this.tuples.length);
    for (let t = 0; t < this.tuples.length; t++) accept[t] = this.passes(t, perMember, -1) ? 1 : 0;
    return accept;
  }

  /** Each member's disjunctive counts, from the tuples' counts of a scan (see the class comment). */
  counts(
    hist: Uint32Array,
    selected: Partial<Record<M, readonly string[] | undefined>>,
  ): Record<M, FacetCount[]> {
    const perMember = this.memberAccepts(selected);
    const out = {} as Record<M, FacetCount[]>;
    this.members.forEach((member, m) => {
      const vocabulary = this.vocabularies[member];
      const perValue = new Float64Array(vocabulary.size);
      for (let t = 0; t < hist.length; t++) {
        if (hist[t] === 0 || !this.passes(t, perMember, m)) continue;
        perValue[this.tuples[t]![m]!]! += hist[t]!;
      }
      const list: FacetCount[] = [];
      for (let v = 0; v < perValue.length; v++) {
        if (perValue[v]! > 0) list.push({ value: vocabulary.values[v]!, count: perValue[v]! });
      }
      for (const value of selected[member] ?? []) {
        if (!list.some((c) => c.value === value)) list.push({ value, count: 0 });
      }
      out[member] = list;
    });
    return out;
  }

  /** Per member, which of its values pass its filter (null: not filtered). */
  private memberAccepts(selected: Partial<Record<M, readonly string[] | undefined>>): (Uint8Array | null)[] {
    return this.members.map((member) => {
      const values = selected[member];
      if (!values || values.length === 0) return null;
      const vocabulary = this.vocabularies[member];
      const accept = new Uint8Array(vocabulary.size);
      for (const v of values) {
        const id = vocabulary.find(v);
        if (id >= 0) accept[id] = 1;
      }
      return accept;
    });
  }

  /** Whether a tuple passes every member's filter but `except`'s. */
  private passes(tuple: number, perMember: (Uint8Array | null)[], except: number): boolean {
    const parts = this.tuples[tuple]!;
    for (let m = 0; m < perMember.length; m++) {
      const accept = perMember[m];
      if (m !== except && accept && accept[parts[m]!] !== 1) return false;
    }
    return true;
  }
}

/** What the scan needs of one facet for one query. */
export interface FacetPass {
  /** Per slot, the code the filter and the count look up (a set number, a day). */
  codes: Codes;
  /** Per code, 1 when the facet's filter accepts it; null: no filter on this facet. */
  accept: Uint8Array | null;
  /** Per code, results counted so far; null: this facet is not counted. */
  hist: Uint32Array | null;
}

/** A constraint that is not a facet but has the same shape: a slot passes when `accept[codes[slot]]`. */
export interface Requirement {
  codes: Codes;
  accept: Uint8Array;
}

/** Facets `scan` handles with one local variable each (the vacancy index has 5, the seeker index 6). */
const UNROLLED = 6;
const NO_CODES = new Uint8Array(0);
const NO_HIST = new Uint32Array(0);
const NO_ACCEPT = new Uint8Array(0);

/**
 * Walks the candidate slots once: keeps those that meet every requirement, `extra` and every
 * facet filter, and counts facets disjunctively in the same pass — a slot that passes every
 * filter counts in every facet; one that fails exactly one facet's filter counts in that facet
 * only (it is what choosing another value there would add); one that fails two is skipped at the
 * second. Candidates are slots in ascending order (the text matches), or null for every slot
 * below `slotCount`; the result keeps their order.
 *
 * The hot loop reads typed arrays only, each facet's column, accept table and histogram held in
 * a local of its own (facets with a filter first, so a slot is dropped after the fewest lookups):
 * no closure, no allocation and no array of arrays per slot.
 */
export function scan(
  candidates: Uint32Array | null,
  slotCount: number,
  alive: Uint8Array,
  requirements: Requirement[],
  extra: ((slot: number) => boolean) | null,
  facets: FacetPass[],
): Uint32Array {
  const counted = facets.filter((f) => f.hist !== null).length;
  if (facets.length > UNROLLED || (counted > 0 && counted < facets.length)) {
    return scanGeneric(candidates, slotCount, alive, requirements, extra, facets);
  }
  if (counted > 0) return scanCounting(candidates, slotCount, alive, requirements, extra, facets);
  // Without counts, a slot is dropped at its first failure.
  const counting = false;
  const strict = true;
  const ordered = [...facets.filter((f) => f.accept !== null), ...facets.filter((f) => f.accept === null)];
  const nf = facets.filter((f) => f.accept !== null).length;
  const nc = ordered.length;
  const codes = (i: number) => ordered[i]?.codes ?? NO_CODES;
  const accept = (i: number) => ordered[i]?.accept ?? NO_ACCEPT;
  const hist = (i: number) => ordered[i]?.hist ?? NO_HIST;
  const c0 = codes(0),
    c1 = codes(1),
    c2 = codes(2),
    c3 = codes(3),
    c4 = codes(4),
    c5 = codes(5);
  const a0 = accept(0),
    a1 = accept(1),
    a2 = accept(2),
    a3 = accept(3),
    a4 = accept(4),
    a5 = accept(5);
  const h0 = hist(0),
    h1 = hist(1),
    h2 = hist(2),
    h3 = hist(3),
    h4 = hist(4),
    h5 = hist(5);
  const nRequired = requirements.length;
  const r0 = requirements[0]?.codes ?? NO_CODES;
  const q0 = requirements[0]?.accept ?? NO_ACCEPT;
  const requiredCodes = requirements.map((r) => r.codes);
  const requiredAccept = requirements.map((r) => r.accept);
  const n = candidates ? candidates.length : slotCount;
  const matched = new Uint32Array(n);
  let found = 0;
  outer: for (let i = 0; i < n; i++) {
    const slot = candidates === null ? i : candidates[i]!;
    if (alive[slot] === 0) continue;
    if (nRequired > 0) {
      if (q0[r0[slot]!] !== 1) continue;
      for (let r = 1; r < nRequired; r++) {
        if (requiredAccept[r]![requiredCodes[r]![slot]!] !== 1) continue outer;
      }
    }
    if (extra !== null && !extra(slot)) continue;
    // Which filtered facet the slot fails (-1: none); a second failure drops it.
    let failed = -1;
    if (nf > 0) {
      if (a0[c0[slot]!] !== 1) {
        if (strict) continue;
        failed = 0;
      }
      if (nf > 1) {
        if (a1[c1[slot]!] !== 1) {
          if (failed >= 0 || strict) continue;
          failed = 1;
        }
        if (nf > 2) {
          if (a2[c2[slot]!] !== 1) {
            if (failed >= 0 || strict) continue;
            failed = 2;
          }
          if (nf > 3) {
            if (a3[c3[slot]!] !== 1) {
              if (failed >= 0 || strict) continue;
              failed = 3;
            }
            if (nf > 4) {
              if (a4[c4[slot]!] !== 1) {
                if (failed >= 0 || strict) continue;
                failed = 4;
              }
              if (nf > 5 && a5[c5[slot]!] !== 1) {
                if (failed >= 0 || strict) continue;
                failed = 5;
              }
            }
          }
        }
      }
    }
    if (failed < 0) {
      matched[found++] = slot;
      if (counting) {
        h0[c0[slot]!]!++;
        if (nc > 1) h1[c1[slot]!]!++;
        if (nc > 2) h2[c2[slot]!]!++;
        if (nc > 3) h3[c3[slot]!]!++;
        if (nc > 4) h4[c4[slot]!]!++;
        if (nc > 5) h5[c5[slot]!]!++;
      }
    } else if (counting) {
      // Counted in the failing facet only: what choosing its value there would add.
      if (failed === 0) h0[c0[slot]!]!++;
      else if (failed === 1) h1[c1[slot]!]!++;
      else if (failed === 2) h2[c2[slot]!]!++;
      else if (failed === 3) h3[c3[slot]!]!++;
      else if (failed === 4) h4[c4[slot]!]!++;
      else h5[c5[slot]!]!++;
    }
  }
  return matched.subarray(0, found);
}

/**
 * `scan` when every facet is counted (at most UNROLLED facets): nearly every slot is then counted
 * somewhere, so each filtered facet's code is read once per slot into a local and used for both
 * its filter and its count (an unfiltered facet's only when the slot passes every filter). The accept tables and the histograms are one flat array each, with a constant
 * offset per facet: two arrays in the loop instead of twelve, so the loop keeps its state in
 * registers. The flat histogram is added to the facets' own at the end.
 */
function scanCounting(
  candidates: Uint32Array | null,
  slotCount: number,
  alive: Uint8Array,
  requirements: Requirement[],
  extra: ((slot: number) => boolean) | null,
  facets: FacetPass[],
): Uint32Array {
  const ordered = [...facets.filter((f) => f.accept !== null), ...facets.filter((f) => f.accept === null)];
  const nf = facets.filter((f) => f.accept !== null).length;
  const nc = ordered.length;
  // Offsets of each facet's accept table and histogram in the flat arrays.
  const acceptAt: number[] = [];
  const histAt: number[] = [];
  let acceptSize = 0;
  let histSize = 0;
  for (const f of ordered) {
    acceptAt.push(acceptSize);
    histAt.push(histSize);
    acceptSize += f.accept ? f.accept.length : 0;
    histSize += f.hist!.length;
  }
  const flatAccept = new Uint8Array(acceptSize);
  const flatHist = new Uint32Array(histSize);
  ordered.forEach((f, i) => {
    if (f.accept) flatAccept.set(f.accept, acceptAt[i]!);
  });
  const codes = (i: number) => ordered[i]?.codes ?? NO_CODES;
  const c0 = codes(0),
    c1 = codes(1),
    c2 = codes(2),
    c3 = codes(3),
    c4 = codes(4),
    c5 = codes(5);
  const p0 = acceptAt[0] ?? 0,
    p1 = acceptAt[1] ?? 0,
    p2 = acceptAt[2] ?? 0,
    p3 = acceptAt[3] ?? 0,
    p4 = acceptAt[4] ?? 0,
    p5 = acceptAt[5] ?? 0;
  const o0 = histAt[0] ?? 0,
    o1 = histAt[1] ?? 0,
    o2 = histAt[2] ?? 0,
    o3 = histAt[3] ?? 0,
    o4 = histAt[4] ?? 0,
    o5 = histAt[5] ?? 0;
  const nRequired = requirements.length;
  const requiredCodes = requirements.map((r) => r.codes);
  const requiredAccept = requirements.map((r) => r.accept);
  const n = candidates ? candidates.length : slotCount;
  const matched = new Uint32Array(n);
  let found = 0;
  outer: for (let i = 0; i < n; i++) {
    const slot = candidates === null ? i : candidates[i]!;
    if (alive[slot] === 0) continue;
    for (let r = 0; r < nRequired; r++) {
      if (requiredAccept[r]![requiredCodes[r]![slot]!] !== 1) continue outer;
    }
    if (extra !== null && !extra(slot)) continue;
    // Which filtered facet the slot fails (-1: none); a second failure drops it. The codes of
    // filtered facets are read once for the filter and the count; unfiltered ones only when counted.
    let failed = -1;
    let k0 = 0,
      k1 = 0,
      k2 = 0,
      k3 = 0,
      k4 = 0,
      k5 = 0;
    if (nf > 0) {
      k0 = c0[slot]!;
      if (flatAccept[p0 + k0] === 0) failed = 0;
      if (nf > 1) {
        k1 = c1[slot]!;
        if (flatAccept[p1 + k1] === 0) {
          if (failed >= 0) continue;
          failed = 1;
        }
        if (nf > 2) {
          k2 = c2[slot]!;
          if (flatAccept[p2 + k2] === 0) {
            if (failed >= 0) continue;
            failed = 2;
          }
          if (nf > 3) {
            k3 = c3[slot]!;
            if (flatAccept[p3 + k3] === 0) {
              if (failed >= 0) continue;
              failed = 3;
            }
            if (nf > 4) {
              k4 = c4[slot]!;
              if (flatAccept[p4 + k4] === 0) {
                if (failed >= 0) continue;
                failed = 4;
              }
              if (nf > 5) {
                k5 = c5[slot]!;
                if (flatAccept[p5 + k5] === 0) {
                  if (failed >= 0) continue;
                  failed = 5;
                }
              }
            }
          }
        }
      }
    }
    if (failed < 0) {
      matched[found++] = slot;
      flatHist[o0 + (nf > 0 ? k0 : c0[slot]!)]!++;
      if (nc > 1) flatHist[o1 + (nf > 1 ? k1 : c1[slot]!)]!++;
      if (nc > 2) flatHist[o2 + (nf > 2 ? k2 : c2[slot]!)]!++;
      if (nc > 3) flatHist[o3 + (nf > 3 ? k3 : c3[slot]!)]!++;
      if (nc > 4) flatHist[o4 + (nf > 4 ? k4 : c4[slot]!)]!++;
      if (nc > 5) flatHist[o5 + (nf > 5 ? k5 : c5[slot]!)]!++;
    } else if (failed === 0) flatHist[o0 + k0]!++;
    else if (failed === 1) flatHist[o1 + k1]!++;
    else if (failed === 2) flatHist[o2 + k2]!++;
    else if (failed === 3) flatHist[o3 + k3]!++;
    else if (failed === 4) flatHist[o4 + k4]!++;
    else flatHist[o5 + k5]!++;
  }
  ordered.forEach((f, i) => {
    const hist = f.hist!;
    const at = histAt[i]!;
    for (let j = 0; j < hist.length; j++) hist[j]! += flatHist[at + j]!;
  });
  return matched.subarray(0, found);
}

/**
 * The general form of `scan`, for more than UNROLLED facets or a mix of counted and uncounted
 * ones. Walks the candidate slots once: keeps those that meet every requirement, `extra` and every
 * facet filter, and counts facets disjunctively — a slot that passes every filter counts in every
 * facet; one that fails exactly one facet's filter counts in that facet only (it is what choosing
 * another value there would add). Candidates are slots in any order, or null for every slot
 * below `slotCount`. Everything is a typed-array lookup, so the loop stays monomorphic and fast.
 */
function scanGeneric(
  candidates: Uint32Array | null,
  slotCount: number,
  alive: Uint8Array,
  requirements: Requirement[],
  extra: ((slot: number) => boolean) | null,
  facets: FacetPass[],
): Uint32Array {
  const n = candidates ? candidates.length : slotCount;
  const matched = new Uint32Array(n);
  let found = 0;
  // Slots that fail exactly one facet's filter, and which facet: counted in that facet only.
  let missed = new Uint32Array(64);
  let missedFacet = new Uint8Array(64);
  let misses = 0;
  const nRequired = requirements.length;
  const requiredCodes = requirements.map((r) => r.codes);
  const requiredAccept = requirements.map((r) => r.accept);
  const filtered = facets.map((_, i) => i).filter((i) => facets[i]!.accept !== null);
  const filteredCodes = filtered.map((i) => facets[i]!.codes);
  const filteredAccept = filtered.map((i) => facets[i]!.accept!);
  const nFiltered = filtered.length;
  outer: for (let i = 0; i < n; i++) {
    const slot = candidates ? candidates[i]! : i;
    if (alive[slot] === 0) continue;
    for (let r = 0; r < nRequired; r++) {
      if (requiredAccept[r]![requiredCodes[r]![slot]!] !== 1) continue outer;
    }
    if (extra !== null && !extra(slot)) continue;
    let failed = -1;
    for (let f = 0; f < nFiltered; f++) {
      if (filteredAccept[f]![filteredCodes[f]![slot]!] !== 1) {
        if (failed >= 0) continue outer;
        failed = f;
      }
    }
    if (failed < 0) matched[found++] = slot;
    else {
      if (misses === missed.length) {
        missed = grown(missed, misses * 2);
        missedFacet = grown(missedFacet, misses * 2);
      }
      missed[misses] = slot;
      missedFacet[misses++] = filtered[failed]!;
    }
  }
  const result = matched.subarray(0, found);
  // Counting facet by facet keeps each loop over one column and one histogram: tight and fast.
  for (const facet of facets) {
    const hist = facet.hist;
    if (hist === null) continue;
    const codes = facet.codes;
    for (let i = 0; i < found; i++) hist[codes[result[i]!]!]!++;
  }
  for (let i = 0; i < misses; i++) {
    const facet = facets[missedFacet[i]!]!;
    if (facet.hist) facet.hist[facet.codes[missed[i]!]!]!++;
  }
  return result;
}

type Typed = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

/** A copy of a typed array with room for `capacity` entries (the same array when it has room). */
export function grown<T extends Typed>(array: T, capacity: number, fill?: number): T {
  if (array.length >= capacity) return array;
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array as never);
  if (fill !== undefined) next.fill(fill, array.length);
  return next;
}
