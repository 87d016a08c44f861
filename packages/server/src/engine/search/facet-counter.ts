import { PostingStore, union } from '../text/postings.js';
import {
  type Candidates,
  type CodeColumn,
  type Codes,
  type FacetPass,
  grown,
  type Requirement,
  scan,
} from './facets.js';
import { type Slots, topBySlotKey } from './slots.js';

/**
 * Filters and disjunctive facet counts without reading every slot. A scan (`scan`) reads every
 * slot's codes, a million at a million vacancies, whatever the query asks. The counter reads the
 * slots a query needs instead, from what it keeps:
 *
 * - **Postings.** Per column (facet) and code, the slots holding it, ascending, kept on every
 *   write. A filter's slots are its accepted codes' lists, merged into slot order.
 * - **Bases.** Per set of requirements (status open and not closed before today; an
 *   organisation…), every column's counts over the slots meeting them, and the joint counts of
 *   every pair of columns small enough (`PAIR_LIMIT`): built by one scan when first asked for,
 *   kept exact by every write; the `BASES` most recently used are kept.
 *
 * A facet's disjunctive counts are over the slots passing every filter but its own. With no
 * other filter those are its base counts; with one other, the sum of the pair table's rows for
 * that filter's accepted codes; the total likewise. The rest are walked, from the rarest
 * filter's slots (the "driver"): one walk gives the matches and every other facet's counts
 * (`scan`, a slot failing exactly one filter counting in that filter's facet). A facet left
 * over — the driver's own, or one counted apart because that costs less than the walk — is
 * counted by the cheapest of: walking the next filter's slots, subtracting from its base the
 * slots that fail another filter, or walking the slots of the codes whose
 * counts are read (`countFrom`: "posted within" reads the last 30 days only). A page in
 * `orderBy` order is read from that column's highest codes down when the matches are common
 * enough for that to end soon; else the matches are sorted.
 *
 * Every answer is the one `scanGeneric` gives over all slots: property-tested on random
 * columns, requirements, filters and writes.
 */

/** Sets of requirements whose bases are kept: public searches use one a day, staff one per organisation. */
const BASES = 8;
/** The largest pair table kept (codes × codes), 1 MB: for columns of a few hundred codes, not of days. */
const PAIR_LIMIT = 1 << 18;
/** Above this share of the slots, a walk reads every slot in order rather than merge postings (see `walkOf`). */
const SCAN_SHARE = 0.4;

/** Joint counts of two columns: `counts[codeA × cols + codeB]`. */
interface Pair {
  a: number;
  b: number;
  rows: number;
  cols: number;
  counts: Uint32Array;
}

/** Every column's counts, and pairs' joint counts, over the slots meeting a set of requirements. */
interface Base {
  requirements: readonly Requirement[];
  /** Per column, counts per code (as long as the largest code seen, at least). */
  hists: Uint32Array[];
  pairs: Pair[];
  count: number;
}

/** What one search asks for. */
export interface CountRequest {
  requirements: readonly Requirement[];
  /** Per column, its filter's accept table (1 per accepted code); null: no filter. */
  accepts: readonly (Uint8Array | null)[];
  /** Count every column's facet, disjunctively (each with every filter but its own). */
  counting: boolean;
  /** Per column, the lowest code whose count is read: counts below it may be left 0. */
  countFrom?: readonly number[];
  /**
   * The page in descending order of this column's codes, ties to the higher id; null: no page,
   * return every match (the caller sorts them).
   */
  orderBy: number | null;
  offset: number;
  limit: number;
}

/** The answer: how many match, the counts, and the matches or the asked-for page. */
export interface Counted {
  total: number;
  /** Per column, counts per code; null when not counting. */
  hists: Uint32Array[] | null;
  /** Every match, in no particular order (when `orderBy` is null). */
  matched: Uint32Array | null;
  /** The page's slots, in order (when `orderBy` is set). */
  page: number[] | null;
}

/** One query's filters, sorted by how many slots pass them, fewest first. */
interface Plan {
  request: CountRequest;
  filtered: number[];
  /** Per column, the slots passing its filter (all live slots when it has none). */
  passing: number[];
}

/**
 * The postings and bases of a set of columns over one `Slots`, and the search over them (see the
 * comment above). The index calls `admit` for a new slot, `move` to change a held one, `release`
 * before it frees one.
 */
export class FacetCounter {
  /** Per column, the lists; `lists[c][code] − 1` is a code's list number (0: none yet). */
  private stores: PostingStore[];
  private lists: Int32Array[];
  /** Bases by their requirements' keys, least recently used first. */
  private readonly bases = new Map<string, Base>();

  constructor(
    private readonly slots: Slots,
    private readonly columns: readonly CodeColumn[],
    /** Columns never paired: days (thousands of codes), whose facet reads a few recent ones (`countFrom`). */
    private readonly unpaired: readonly number[] = [],
  ) {
    this.stores = columns.map(() => new PostingStore());
    this.lists = columns.map(() => new Int32Array(0));
  }

  /** Adds a slot under its columns' current codes. */
  admit(slot: number): void {
    this.columns.forEach((column, c) => {
      this.stores[c]!.add(this.listOf(c, column.codes[slot]!), slot);
    });
    for (const base of this.bases.values()) this.adjust(base, slot, 1);
  }

  /**
   * Follows a change of a held slot's columns (`change` writes them): out of the bases before,
   * in after, and moved only in the lists of the columns whose code changed — a replaced
   * vacancy mostly keeps its codes, and a list of half the slots is costly to write into.
   */
  move(slot: number, change: () => void): void {
    for (const base of this.bases.values()) this.adjust(base, slot, -1);
    const before = this.columns.map((column) => column.codes[slot]!);
    change();
    this.columns.forEach((column, c) => {
      const code = column.codes[slot]!;
      if (code === before[c]) return;
      this.stores[c]!.remove(this.listOf(c, before[c]!), slot);
      this.stores[c]!.add(this.listOf(c, code), slot);
    });
    for (const base of this.bases.values()) this.adjust(base, slot, 1);
  }

  /** Takes a slot out, under its columns' current codes (before the slot is freed). */
  release(slot: number): void {
    this.columns.forEach((column, c) => {
      this.stores[c]!.remove(this.listOf(c, column.codes[slot]!), slot);
    });
    for (const base of this.bases.values()) this.adjust(base, slot, -1);
  }

  /** Builds every list afresh from the columns (after a bulk load): exact sizes, one pass each. */
  rebuild(): void {
    const { alive, end } = this.slots;
    this.bases.clear();
    this.columns.forEach((column, c) => {
      const codes = column.codes;
      const sizes = new Uint32Array(column.size);
      for (let slot = 0; slot < end; slot++) if (alive[slot]) sizes[codes[slot]!]!++;
      const store = new PostingStore();
      store.ensureRoom(this.slots.size);
      const lists = new Int32Array(column.size);
      for (let code = 0; code < column.size; code++) {
        if (sizes[code]! > 0) lists[code] = store.create(sizes[code]!) + 1;
      }
      for (let slot = 0; slot < end; slot++) if (alive[slot]) store.add(lists[codes[slot]!]! - 1, slot);
      this.stores[c] = store;
      this.lists[c] = lists;
    });
  }

  /** Filters, counts and pages (see the module comment). */
  count(request: CountRequest): Counted {
    const { accepts, counting } = request;
    const live = this.slots.size;
    const passing = this.columns.map((_, c) => (accepts[c] ? this.sizeOf(c, accepts[c]!) : live));
    const filtered = this.columns
      .map((_, c) => c)
      .filter((c) => accepts[c] !== null)
      .sort((a, b) => passing[a]! - passing[b]!);
    const plan: Plan = { request, filtered, passing };
    const driver = filtered.length > 0 ? filtered[0]! : -1;
    // Totals and counts from the base need no walk; a base is built once per set of requirements.
    const base = counting || filtered.length <= 2 ? this.base(request.requirements) : null;
    let total = base ? this.totalOf(plan, base) : null;
    const hists = counting ? this.columns.map((column) => new Uint32Array(column.size)) : null;
    let pending: number[] = [];
    if (hists && base)
      pending = hists.flatMap((hist, c) => (this.countFromBase(plan, base, c, hist) ? [] : [c]));

    let matched: Uint32Array | null = null;
    const apart = pending
      .filter((c) => c !== driver)
      .reduce((sum, c) => sum + this.cheapest(plan, c).cost, 0);
    if (
      driver >= 0 &&
      (total === null || request.orderBy === null || this.walkCost(passing[driver]!) <= apart)
    ) {
      matched = this.walkDriver(plan, driver, pending, hists);
      total = matched.length;
      pending = pending.filter((c) => c === driver);
    }
    for (const c of pending) this.countApart(plan, base!, c, hists![c]!);
    return { total: total!, hists, ...this.pageOf(plan, total!, matched) };
  }

  /** The matches, from the driver's slots, counting the pending columns but the driver's own. */
  private walkDriver(
    plan: Plan,
    driver: number,
    pending: number[],
    hists: Uint32Array[] | null,
  ): Uint32Array {
    const { accepts, requirements } = plan.request;
    // Filters whose facets are counted already only drop slots; the pending ones count a slot
    // that fails them alone.
    const strict: Requirement[] = [...requirements];
    const passes: FacetPass[] = [];
    this.columns.forEach((column, c) => {
      if (c === driver) return;
      if (hists && pending.includes(c))
        passes.push({ codes: column.codes, accept: accepts[c]!, hist: hists[c]! });
      else if (accepts[c]) strict.push({ column, accept: accepts[c]!, key: '' });
    });
    const walk = this.walkOf(driver, accepts[driver]!);
    if (walk.requirement) strict.unshift(walk.requirement);
    return scan(walk.candidates, this.slots.end, this.slots.alive, strict, null, passes);
  }

  /** Whether column c's facet can be had from the base: no other filter, or one with a pair table. */
  private countFromBase(plan: Plan, base: Base, c: number, hist: Uint32Array): boolean {
    const others = plan.filtered.filter((f) => f !== c);
    if (others.length === 0) {
      hist.set(base.hists[c]!.subarray(0, hist.length));
      return true;
    }
    const pair = others.length === 1 ? pairOf(base, c, others[0]!) : null;
    if (!pair) return false;
    const accept = plan.request.accepts[others[0]!]!;
    const counts = pair.counts;
    if (pair.a === c) {
      for (let x = 0; x < Math.min(pair.rows, hist.length); x++) {
        let sum = 0;
        for (let y = 0; y < Math.min(pair.cols, accept.length); y++)
          if (accept[y] === 1) sum += counts[x * pair.cols + y]!;
        hist[x] = sum;
      }
    } else {
      for (let y = 0; y < Math.min(pair.rows, accept.length); y++) {
        if (accept[y] !== 1) continue;
        for (let x = 0; x < Math.min(pair.cols, hist.length); x++) hist[x]! += counts[y * pair.cols + x]!;
      }
    }
    return true;
  }

  /** The number of matches when the base knows it (no filter; one; two with a pair table), else null. */
  private totalOf(plan: Plan, base: Base): number | null {
    const { filtered } = plan;
    const { accepts } = plan.request;
    if (filtered.length === 0) return base.count;
    if (filtered.length === 1) {
      const c = filtered[0]!;
      const hist = base.hists[c]!;
      let total = 0;
      for (let code = 0; code < hist.length; code++) if (accepts[c]![code] === 1) total += hist[code]!;
      return total;
    }
    const pair = filtered.length === 2 ? pairOf(base, filtered[0]!, filtered[1]!) : null;
    if (!pair) return null;
    const rows = accepts[pair.a]!;
    const cols = accepts[pair.b]!;
    let total = 0;
    for (let x = 0; x < pair.rows; x++) {
      if (rows[x] !== 1) continue;
      for (let y = 0; y < pair.cols; y++) if (cols[y] === 1) total += pair.counts[x * pair.cols + y]!;
    }
    return total;
  }

  /**
   * The cheapest way to count column c's facet alone, and what it reads: the slots of its read
   * codes (`countFrom`), the rarest other filter's slots, or the slots failing another filter
   * (subtracted from the base).
   */
  private cheapest(plan: Plan, c: number): { way: 'own' | 'next' | 'failing'; cost: number } {
    const others = plan.filtered.filter((f) => f !== c);
    const own = this.walkCost(this.sizeOf(c, null, plan.request.countFrom?.[c] ?? 0));
    const next = others.length > 0 ? this.walkCost(plan.passing[others[0]!]!) : Number.POSITIVE_INFINITY;
    const failing = others.reduce((sum, f) => sum + this.slots.size - plan.passing[f]!, 0);
    if (own <= next && own <= failing) return { way: 'own', cost: own };
    return next <= failing ? { way: 'next', cost: next } : { way: 'failing', cost: failing };
  }

  /** Counts column c's facet by the cheapest way (see `cheapest`). */
  private countApart(plan: Plan, base: Base, c: number, hist: Uint32Array): void {
    const { accepts, requirements, countFrom } = plan.request;
    const column = this.columns[c]!;
    const others = plan.filtered.filter((f) => f !== c);
    const way = this.cheapest(plan, c).way;
    if (way === 'failing') {
      // The slots meeting the requirements that fail another filter, each once: those filter f
      // rejects and no earlier one did.
      const minus = new Uint32Array(hist.length);
      others.forEach((f, i) => {
        const earlier = others
          .slice(0, i)
          .map((e) => ({ column: this.columns[e]!, accept: accepts[e]!, key: '' }));
        scan(
          [this.postings(f, accepts[f]!, false)],
          this.slots.end,
          this.slots.alive,
          [...requirements, ...earlier],
          null,
          [{ codes: column.codes, accept: null, hist: minus }],
        );
      });
      const counts = base.hists[c]!;
      for (let code = 0; code < hist.length; code++) hist[code] = (counts[code] ?? 0) - minus[code]!;
      return;
    }
    // Walked: the next filter's slots, or the slots of the codes read.
    const walked = way === 'next' ? others[0]! : c;
    const strict = [
      ...requirements,
      ...others
        .filter((f) => f !== walked)
        .map((f) => ({ column: this.columns[f]!, accept: accepts[f]!, key: '' })),
    ];
    const walk =
      way === 'next' ? this.walkOf(walked, accepts[walked]!) : this.walkOf(c, null, countFrom?.[c] ?? 0);
    if (walk.requirement) strict.unshift(walk.requirement);
    scan(walk.candidates, this.slots.end, this.slots.alive, strict, null, [
      { codes: column.codes, accept: null, hist },
    ]);
  }

  /**
   * The page (when `orderBy` is set) or every match. A page is read from the highest code of
   * `orderBy` down when that ends soon — about `want × live / total` slots — else sorted out of
   * the matches (walked from the driver's slots if there are none yet).
   */
  private pageOf(plan: Plan, total: number, matched: Uint32Array | null): Pick<Counted, 'matched' | 'page'> {
    const { orderBy, offset, limit } = plan.request;
    const driver = plan.filtered[0] ?? -1;
    if (orderBy === null) return { matched: matched ?? this.matches(plan), page: null };
    const want = Math.min(offset + limit, total);
    if (want === 0) return { matched: null, page: [] };
    const sorting = matched ? matched.length : driver >= 0 ? plan.passing[driver]! : this.slots.size;
    if ((want * this.slots.size) / total < sorting / 4) {
      // Given up (null) past what sorting costs: matches that are common overall may be rare
      // among the highest codes.
      const page = this.firstInOrder(plan, want, sorting);
      if (page) return { matched: null, page };
    }
    const order = this.columns[orderBy]!.codes;
    return {
      matched: null,
      page: topBySlotKey(matched ?? this.matches(plan), order, this.slots.ids, offset, limit),
    };
  }

  /** Every match, from the driver's slots (every slot without a filter). */
  private matches(plan: Plan): Uint32Array {
    const { accepts, requirements } = plan.request;
    const driver = plan.filtered[0] ?? -1;
    const passes: FacetPass[] = plan.filtered
      .filter((c) => c !== driver)
      .map((c) => ({ codes: this.columns[c]!.codes, accept: accepts[c]!, hist: null }));
    if (driver < 0) return scan(null, this.slots.end, this.slots.alive, requirements, null, passes);
    const walk = this.walkOf(driver, accepts[driver]!);
    const strict = walk.requirement ? [walk.requirement, ...requirements] : requirements;
    return scan(walk.candidates, this.slots.end, this.slots.alive, strict, null, passes);
  }

  /**
   * The page of the first `want` matches in `orderBy` order, reading its codes' lists from the
   * highest code down; null once more than `budget` slots were read.
   */
  private firstInOrder(plan: Plan, want: number, budget: number): number[] | null {
    const { accepts, requirements, offset } = plan.request;
    const orderBy = plan.request.orderBy!;
    const column = this.columns[orderBy]!;
    const store = this.stores[orderBy]!;
    const lists = this.lists[orderBy]!;
    const conditions = [
      ...requirements.map((r) => ({ codes: r.column.codes, accept: r.accept })),
      ...plan.filtered.map((c) => ({ codes: this.columns[c]!.codes, accept: accepts[c]! })),
    ];
    const found: number[] = [];
    let read = 0;
    // Whole codes at a time, so that ties on the last one are settled by id like everywhere else.
    for (let code = Math.min(column.size, lists.length) - 1; code >= 0 && found.length < want; code--) {
      if (lists[code] === 0) continue;
      const slots = store.view(lists[code]! - 1);
      read += slots.length;
      if (read > budget) return null;
      next: for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        for (let k = 0; k < conditions.length; k++) {
          if (conditions[k]!.accept[conditions[k]!.codes[slot]!] !== 1) continue next;
        }
        found.push(slot);
      }
    }
    const codes = column.codes;
    const ids = this.slots.ids;
    found.sort((a, b) => codes[b]! - codes[a]! || ids[b]! - ids[a]!);
    return found.slice(offset, want);
  }

  /** How many slots hold a code from `from` up that the filter accepts (null: every code). */
  private sizeOf(c: number, accept: Uint8Array | null, from = 0): number {
    const store = this.stores[c]!;
    const lists = this.lists[c]!;
    let size = 0;
    for (let code = from; code < lists.length; code++) {
      if (lists[code] !== 0 && (accept === null || accept[code] === 1))
        size += store.length(lists[code]! - 1);
    }
    return size;
  }

  /** What walking `size` slots costs, in slots merged and walked (see `walkOf`). */
  private walkCost(size: number): number {
    return Math.min(size, this.slots.end * SCAN_SHARE);
  }

  /**
   * What to walk for the slots of the codes from `from` up that a filter accepts (null: every
   * code): their postings merged in slot order — or, when they are more than SCAN_SHARE of the
   * slots, every slot, the filter becoming a requirement: reading every slot in order costs less
   * than merging that many (merging costs about 4 ns a slot, a pass over every slot 1.5 ns each).
   */
  private walkOf(
    c: number,
    accept: Uint8Array | null,
    from = 0,
  ): { candidates: Candidates; requirement: Requirement | null } {
    const column = this.columns[c]!;
    if (this.sizeOf(c, accept, from) <= this.slots.end * SCAN_SHARE) {
      return { candidates: [this.postings(c, accept, true, from)], requirement: null };
    }
    if (accept === null && from === 0) return { candidates: null, requirement: null };
    let table = accept;
    if (table === null) {
      table = new Uint8Array(column.size);
      table.fill(1, from);
    }
    return { candidates: null, requirement: { column, accept: table, key: '' } };
  }

  /**
   * The slots of the codes from `from` up that a filter accepts (`accepted` true) or rejects
   * (null: every code), in slot order: walked so, the columns are read front to back, where a few
   * hundred short lists walked one after another would read them all over, at three times the
   * cost a slot.
   */
  private postings(c: number, accept: Uint8Array | null, accepted: boolean, from = 0): Uint32Array {
    const store = this.stores[c]!;
    const lists = this.lists[c]!;
    const runs: Uint32Array[] = [];
    for (let code = from; code < lists.length; code++) {
      if (lists[code] !== 0 && (accept === null || (accept[code] === 1) === accepted)) {
        runs.push(store.view(lists[code]! - 1));
      }
    }
    return union(runs);
  }

  /** The base of a set of requirements: kept, or built by one scan (and one pass per pair table). */
  private base(requirements: readonly Requirement[]): Base {
    const key = requirements
      .map((r) => r.key)
      .sort()
      .join('&');
    let base = this.bases.get(key);
    if (base) {
      // Most recently used last.
      this.bases.delete(key);
      this.bases.set(key, base);
      return base;
    }
    const { columns } = this;
    const hists = columns.map((column) => new Uint32Array(column.size));
    const passes = columns.map((column, c) => ({ codes: column.codes, accept: null, hist: hists[c]! }));
    const slots = scan(null, this.slots.end, this.slots.alive, requirements, null, passes);
    const pairs: Pair[] = [];
    for (let a = 0; a < columns.length; a++) {
      for (let b = a + 1; b < columns.length; b++) {
        const rows = columns[a]!.size;
        const cols = columns[b]!.size;
        if (rows * cols > PAIR_LIMIT || this.unpaired.includes(a) || this.unpaired.includes(b)) continue;
        const counts = new Uint32Array(rows * cols);
        countPairs(slots, columns[a]!.codes, columns[b]!.codes, cols, counts);
        pairs.push({ a, b, rows, cols, counts });
      }
    }
    base = { requirements, hists, pairs, count: slots.length };
    this.bases.set(key, base);
    if (this.bases.size > BASES) this.bases.delete(this.bases.keys().next().value!);
    return base;
  }

  /** Adds (`sign` 1) or takes (−1) a slot to or from a base, if it meets the base's requirements. */
  private adjust(base: Base, slot: number, sign: 1 | -1): void {
    for (const r of base.requirements) if (r.accept[r.column.codes[slot]!] !== 1) return;
    base.count += sign;
    this.columns.forEach((column, c) => {
      const code = column.codes[slot]!;
      let hist = base.hists[c]!;
      if (code >= hist.length) hist = base.hists[c] = grown(hist, Math.max(code + 1, column.size));
      hist[code]! += sign;
    });
    const kept: Pair[] = [];
    for (const pair of base.pairs) {
      const x = this.columns[pair.a]!.codes[slot]!;
      const y = this.columns[pair.b]!.codes[slot]!;
      // A table that would grow past the limit is dropped: its facets are walked instead.
      if ((x >= pair.rows || y >= pair.cols) && !widen(pair, x, y)) continue;
      pair.counts[x * pair.cols + y]! += sign;
      kept.push(pair);
    }
    base.pairs = kept;
  }

  /** A code's list number, creating the list when it is new. */
  private listOf(c: number, code: number): number {
    let lists = this.lists[c]!;
    if (code >= lists.length) lists = this.lists[c] = grown(lists, Math.max(code + 1, lists.length * 2));
    if (lists[code] === 0) lists[code] = this.stores[c]!.create() + 1;
    return lists[code]! - 1;
  }
}

/**
 * Makes room in a pair table for codes x and y, half as much room again in the dimension that
 * needs it; false when that would pass PAIR_LIMIT.
 */
function widen(pair: Pair, x: number, y: number): boolean {
  const rows = x < pair.rows ? pair.rows : Math.max(x + 1, pair.rows + (pair.rows >> 1));
  const cols = y < pair.cols ? pair.cols : Math.max(y + 1, pair.cols + (pair.cols >> 1));
  if (rows * cols > PAIR_LIMIT) return false;
  const counts = new Uint32Array(rows * cols);
  for (let r = 0; r < pair.rows; r++)
    counts.set(pair.counts.subarray(r * pair.cols, (r + 1) * pair.cols), r * cols);
  pair.rows = rows;
  pair.cols = cols;
  pair.counts = counts;
  return true;
}

/** Adds each slot to the pair table at its two codes. */
function countPairs(
  slots: Uint32Array,
  codesA: Codes,
  codesB: Codes,
  cols: number,
  counts: Uint32Array,
): void {
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    counts[codesA[slot]! * cols + codesB[slot]!]!++;
  }
}

/** The pair table of two columns, if the base keeps one. */
function pairOf(base: Base, x: number, y: number): Pair | null {
  for (const pair of base.pairs)
    if ((pair.a === x && pair.b === y) || (pair.a === y && pair.b === x)) return pair;
  return null;
}
