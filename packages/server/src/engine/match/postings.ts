/**
 * The matcher's candidate lists (#5). A posting holds the documents of one occupation × grid
 * cell (× skill list for vacancies; × place of preference × "lists any skill" for seekers), ordered by a key that
 * bounds part of the score: a vacancy's opening day (freshness) or a seeker's commute limit
 * (distance). Each entry carries a copy of the numbers the walk reads (a record of `numberStride`
 * doubles and `intStride` integers), so that reading a posting touches consecutive memory
 * instead of one random place per field and document: at a million documents that is most of
 * a query's time. The walk reads a posting from its best key and stops as soon as the key's bound
 * falls below the k-th best score. `Frontier` is the walk's best-first queue.
 */
export class Posting {
  keys = new Float64Array(4);
  slots = new Int32Array(4);
  numbers: Float64Array;
  ints: Int32Array;
  length = 0;
  /** Appended out of order (bulk loading): `sort` before reading. */
  sorted = true;
  /** Removed from: the summaries of subclasses may be loose and are recomputed before use. */
  stale = false;
  // Scratch of the query numbered `refined`: the parts of the posting's bound read from its tallies.
  refined = 0;
  boundSkills = 1;
  boundConditions = 1;
  boundGroups = 1;

  constructor(
    /** The occupation (interned) the documents are listed under. */
    readonly occupation: number,
    /** The grid cell (interned). */
    readonly cell: number,
    readonly numberStride: number,
    readonly intStride: number,
  ) {
    this.numbers = new Float64Array(4 * numberStride);
    this.ints = new Int32Array(4 * intStride);
  }

  private room() {
    if (this.length < this.slots.length) return;
    const size = this.slots.length * 2;
    const keys = new Float64Array(size);
    keys.set(this.keys);
    this.keys = keys;
    const slots = new Int32Array(size);
    slots.set(this.slots);
    this.slots = slots;
    const numbers = new Float64Array(size * this.numberStride);
    numbers.set(this.numbers);
    this.numbers = numbers;
    const ints = new Int32Array(size * this.intStride);
    ints.set(this.ints);
    this.ints = ints;
  }

  /** The first position whose entry comes after (key, slot). */
  private position(key: number, slot: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const k = this.keys[mid]!;
      if (k > key || (k === key && this.slots[mid]! < slot)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Moves the entries from `at` on by `by` places (1 to open a gap, -1 to close one). */
  private shift(at: number, by: number) {
    const { numberStride: f, intStride: n } = this;
    this.keys.copyWithin(at + by, at, this.length);
    this.slots.copyWithin(at + by, at, this.length);
    this.numbers.copyWithin((at + by) * f, at * f, this.length * f);
    this.ints.copyWithin((at + by) * n, at * n, this.length * n);
  }

  /**
   * Adds a document with its record, in order (one write) or at the end (`inOrder` false: bulk
   * loading, `sort` after).
   */
  add(
    slot: number,
    key: number,
    numbers: ArrayLike<number>,
    ints: ArrayLike<number>,
    inOrder: boolean,
  ): void {
    this.room();
    let at = this.length;
    if (inOrder && this.sorted) {
      at = this.position(key, slot);
      this.shift(at, 1);
    } else this.sorted = false;
    this.keys[at] = key;
    this.slots[at] = slot;
    for (let i = 0; i < this.numberStride; i++) this.numbers[at * this.numberStride + i] = numbers[i]!;
    for (let i = 0; i < this.intStride; i++) this.ints[at * this.intStride + i] = ints[i]!;
    this.length++;
  }

  /** Removes a document listed with `key`. */
  remove(slot: number, key: number): void {
    this.sort();
    const at = this.position(key, slot);
    if (at >= this.length || this.slots[at] !== slot) return;
    this.shift(at + 1, -1);
    this.length--;
    this.stale = true;
  }

  /** Puts appended entries in order (and gives back the room bulk loading left). */
  sort(): void {
    if (this.sorted) return;
    const { keys, slots, numbers, ints, numberStride: f, intStride: n } = this;
    const order = Array.from({ length: this.length }, (_, i) => i);
    order.sort((a, b) => keys[b]! - keys[a]! || slots[a]! - slots[b]!);
    const size = Math.max(4, this.length);
    this.keys = new Float64Array(size);
    this.slots = new Int32Array(size);
    this.numbers = new Float64Array(size * f);
    this.ints = new Int32Array(size * n);
    order.forEach((from, to) => {
      this.keys[to] = keys[from]!;
      this.slots[to] = slots[from]!;
      this.numbers.set(numbers.subarray(from * f, from * f + f), to * f);
      this.ints.set(ints.subarray(from * n, from * n + n), to * n);
    });
    this.sorted = true;
  }

  /** The first position whose key is below `key` (the entries before it have keys ≥ key). */
  firstBelow(key: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! >= key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A max-queue of items by bound: the walk's frontier. */
export class Frontier<T> {
  private bounds = new Float64Array(64);
  private items: T[] = [];
  size = 0;

  clear(): void {
    this.size = 0;
    this.items.length = 0;
  }

  /** The largest bound queued (-Infinity when empty). */
  get topBound(): number {
    return this.size > 0 ? this.bounds[0]! : Number.NEGATIVE_INFINITY;
  }

  push(bound: number, item: T): void {
    if (this.size === this.bounds.length) {
      const bounds = new Float64Array(this.size * 2);
      bounds.set(this.bounds);
      this.bounds = bounds;
    }
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.bounds[p]! >= bound) break;
      this.bounds[i] = this.bounds[p]!;
      this.items[i] = this.items[p]!;
      i = p;
    }
    this.bounds[i] = bound;
    this.items[i] = item;
  }

  /** Removes and returns the item with the largest bound. */
  pop(): T {
    const top = this.items[0]!;
    const n = --this.size;
    const bound = this.bounds[n]!;
    const item = this.items[n]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.bounds[r]! > this.bounds[l]! ? r : l;
      if (this.bounds[c]! <= bound) break;
      this.bounds[i] = this.bounds[c]!;
      this.items[i] = this.items[c]!;
      i = c;
    }
    if (n > 0) {
      this.bounds[i] = bound;
      this.items[i] = item;
    }
    this.items.length = n;
    return top;
  }
}

/**
 * The distinct interned ids (conditions, group lists) of a posting's documents with how many
 * hold each: a query bounds a part of the score by the best value over `ids`.
 */
export class Tally {
  readonly ids: number[] = [];
  private readonly counts = new Map<number, number>();

  add(id: number): void {
    const n = this.counts.get(id) ?? 0;
    if (n === 0) this.ids.push(id);
    this.counts.set(id, n + 1);
  }

  remove(id: number): void {
    const n = (this.counts.get(id) ?? 0) - 1;
    if (n > 0) {
      this.counts.set(id, n);
      return;
    }
    this.counts.delete(id);
    const at = this.ids.indexOf(id);
    if (at >= 0) this.ids.splice(at, 1);
  }
}
