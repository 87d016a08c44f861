/**
 * Posting lists: for each key, the sorted ids of the documents that hold it. All lists live in
 * one arena (a single Uint32Array); a list is a number, and its offset, length and capacity are
 * entries of three typed arrays. That keeps a key at 12 bytes plus its ids, where a typed array
 * per key would cost over 100 bytes of object headers — and most keys (a company's name, a rare
 * word) belong to one or two documents.
 *
 * Documents added in id order (a bulk build, new rows) append; adding or removing an id in the
 * middle moves the list's tail. A list that outgrows its room moves to the arena's end with half
 * as much room again; the space it leaves is reclaimed by compacting the arena once the waste
 * reaches half of it, so the cost stays amortised O(1) per added id.
 */
export class PostingStore {
  private arena = new Uint32Array(1024);
  /** End of the used part of the arena. */
  private used = 0;
  /** Room in the used part that no list owns any more. */
  private wasted = 0;
  private offsets = new Uint32Array(64);
  private lengths = new Uint32Array(64);
  private capacities = new Uint32Array(64);
  private lists = 0;
  /** Numbers of released lists, for reuse. */
  private readonly free: number[] = [];

  /** Creates an empty list with room for `capacity` ids; returns its number. */
  create(capacity = 1): number {
    const list = this.free.pop() ?? this.newNumber();
    this.offsets[list] = this.reserve(capacity);
    this.lengths[list] = 0;
    this.capacities[list] = capacity;
    return list;
  }

  /** Makes room for `entries` more ids without moving the arena again (before a bulk build). */
  ensureRoom(entries: number): void {
    if (this.used + entries > this.arena.length) this.arena = resized(this.arena, this.used + entries);
  }

  /** Releases an emptied list; its number may be given out again. */
  release(list: number): void {
    this.wasted += this.capacities[list]!;
    this.capacities[list] = 0;
    this.lengths[list] = 0;
    this.free.push(list);
  }

  /** How many ids a list holds. */
  length(list: number): number {
    return this.lengths[list]!;
  }

  /** A list's ids in ascending order (a view: valid until the store next changes). */
  view(list: number): Uint32Array {
    const offset = this.offsets[list]!;
    return this.arena.subarray(offset, offset + this.lengths[list]!);
  }

  /** Adds an id to a list; returns false when it was there already. */
  add(list: number, id: number): boolean {
    const n = this.lengths[list]!;
    let offset = this.offsets[list]!;
    let at = n;
    if (n > 0 && this.arena[offset + n - 1]! >= id) {
      at = lowerBound(this.arena, offset + n, id, offset) - offset;
      if (this.arena[offset + at] === id) return false;
    }
    if (n === this.capacities[list]) offset = this.grow(list, n + 1);
    if (at < n) this.arena.copyWithin(offset + at + 1, offset + at, offset + n);
    this.arena[offset + at] = id;
    this.lengths[list] = n + 1;
    return true;
  }

  /**
   * Adds an id greater than every id in the list (a bulk build filling lists of the counted
   * size in id order): a store and no search. Anything else goes through `add`.
   */
  append(list: number, id: number): void {
    const n = this.lengths[list]!;
    const end = this.offsets[list]! + n;
    if (n === this.capacities[list] || (n > 0 && this.arena[end - 1]! >= id)) {
      this.add(list, id);
      return;
    }
    this.arena[end] = id;
    this.lengths[list] = n + 1;
  }

  /** Removes an id from a list; returns false when it was not there. */
  remove(list: number, id: number): boolean {
    const n = this.lengths[list]!;
    const offset = this.offsets[list]!;
    const at = lowerBound(this.arena, offset + n, id, offset);
    if (at >= offset + n || this.arena[at] !== id) return false;
    this.arena.copyWithin(at, at + 1, offset + n);
    this.lengths[list] = n - 1;
    return true;
  }

  /** Arena entries in use and wasted, for capacity planning and tests. */
  usage(): { used: number; wasted: number } {
    return { used: this.used, wasted: this.wasted };
  }

  private newNumber(): number {
    if (this.lists === this.offsets.length) {
      const size = this.lists * 2;
      this.offsets = resized(this.offsets, size);
      this.lengths = resized(this.lengths, size);
      this.capacities = resized(this.capacities, size);
    }
    return this.lists++;
  }

  /** Moves a full list to the arena's end with room to grow; returns its new offset. */
  private grow(list: number, needed: number): number {
    const capacity = Math.max(needed, 4, Math.ceil(this.capacities[list]! * 1.5));
    const offset = this.reserve(capacity);
    // reserve() may have compacted the arena: read the list's offset only now.
    const from = this.offsets[list]!;
    this.arena.copyWithin(offset, from, from + this.lengths[list]!);
    this.wasted += this.capacities[list]!;
    this.offsets[list] = offset;
    this.capacities[list] = capacity;
    return offset;
  }

  /** Room for `size` entries at the arena's end: compacts or enlarges the arena when full. */
  private reserve(size: number): number {
    if (this.used + size > this.arena.length) {
      if (this.wasted * 2 >= this.used) this.compact();
      if (this.used + size > this.arena.length) {
        this.arena = resized(this.arena, Math.max(this.used + size, Math.ceil(this.arena.length * 1.5)));
      }
    }
    const offset = this.used;
    this.used += size;
    return offset;
  }

  /** Packs every live list to the front of the arena, in list order, keeping each one's room. */
  private compact(): void {
    let to = 0;
    const packed = new Uint32Array(this.arena.length);
    for (let list = 0; list < this.lists; list++) {
      const capacity = this.capacities[list]!;
      if (capacity === 0) continue;
      const from = this.offsets[list]!;
      packed.set(this.arena.subarray(from, from + this.lengths[list]!), to);
      this.offsets[list] = to;
      to += capacity;
    }
    this.arena = packed;
    this.used = to;
    this.wasted = 0;
  }
}

function resized(array: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(size);
  grown.set(array.subarray(0, Math.min(array.length, size)));
  return grown;
}

/** The first position in ids[0, n) whose value is ≥ id. */
function lowerBound(ids: Uint32Array, n: number, id: number, from = 0): number {
  let lo = from;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid]! < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const EMPTY = new Uint32Array(0);

/**
 * The ids in both sorted lists. Walks the shorter list and gallops through the longer one, so a
 * rare key intersected with a common one costs O(short × log long), not O(long).
 */
export function intersect(a: Uint32Array, b: Uint32Array): Uint32Array {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const out = new Uint32Array(short.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < short.length && j < long.length; i++) {
    const id = short[i]!;
    if (long[j]! < id) {
      // Gallop: double the step until past id, then binary-search the last step.
      let step = 1;
      while (j + step < long.length && long[j + step]! < id) step *= 2;
      j = lowerBound(long, Math.min(j + step + 1, long.length), id, j + (step >>> 1));
    }
    if (j < long.length && long[j] === id) out[n++] = id;
  }
  return out.subarray(0, n);
}

/** The intersection of several sorted lists, smallest first so the work shrinks early. */
export function intersectAll(lists: Uint32Array[]): Uint32Array {
  if (lists.length === 0) return EMPTY;
  const sorted = [...lists].sort((x, y) => x.length - y.length);
  let result = sorted[0]!;
  for (let i = 1; i < sorted.length && result.length > 0; i++) result = intersect(result, sorted[i]!);
  return result;
}

/**
 * The ids in any of several sorted lists, sorted and without repeats. Marks a bitset as large as
 * the largest id (1 bit per possible id: 125 KB for ids up to a million), then reads it in order:
 * linear in the total length, with no sorting. Sparse ids far apart are sorted instead.
 */
export function union(lists: Uint32Array[]): Uint32Array {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  let max = 0;
  let total = 0;
  for (const list of nonEmpty) {
    max = Math.max(max, list[list.length - 1]!);
    total += list.length;
  }
  if (max >>> 5 > 8 * total) {
    // Few ids spread over a wide range: a bitset would be mostly empty; sort them instead.
    const all = new Uint32Array(total);
    let at = 0;
    for (const list of nonEmpty) {
      all.set(list, at);
      at += list.length;
    }
    all.sort();
    let n = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i]!;
    return all.subarray(0, n);
  }
  const bits = new Uint32Array((max >>> 5) + 1);
  for (const list of nonEmpty) {
    for (let i = 0; i < list.length; i++) {
      const id = list[i]!;
      bits[id >>> 5] = bits[id >>> 5]! | (1 << (id & 31));
    }
  }
  const out = new Uint32Array(total);
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      out[n++] = w * 32 + (31 - Math.clz32(low));
      word ^= low;
    }
  }
  return out.subarray(0, n);
}
