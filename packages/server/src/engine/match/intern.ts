/**
 * A table of values by key with reference counts (#5): equal occupation paths, skill lists,
 * conditions or points of many documents get one small dense id, so the matcher keeps numbers in
 * typed arrays and computes a query's value once per id instead of once per document. An id is
 * reused once nothing holds it.
 */
export class Interner<T> {
  private readonly ids = new Map<string, number>();
  private readonly keys: (string | undefined)[] = [];
  private readonly values: (T | undefined)[] = [];
  private counts = new Int32Array(16);
  private readonly free: number[] = [];

  /** One more than the largest id in use: the length of arrays indexed by id. */
  get capacity(): number {
    return this.keys.length;
  }

  /** The number of distinct keys held. */
  get size(): number {
    return this.ids.size;
  }

  /** The id of `key`, making its value on first use; every call must be matched by one `release`. */
  acquire(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.free.pop() ?? this.keys.length;
      this.keys[id] = key;
      this.values[id] = make();
      this.ids.set(key, id);
      if (id >= this.counts.length) {
        const counts = new Int32Array(this.counts.length * 2);
        counts.set(this.counts);
        this.counts = counts;
      }
    }
    this.counts[id]!++;
    return id;
  }

  /** Drops one hold of an id; the last one frees it. */
  release(id: number): void {
    if (--this.counts[id]! > 0) return;
    this.ids.delete(this.keys[id]!);
    this.keys[id] = undefined;
    this.values[id] = undefined;
    this.free.push(id);
  }

  /** The value of an id in use. */
  value(id: number): T {
    return this.values[id]!;
  }
}

/**
 * Values computed during one query, by id: `stride` numbers per id, valid while `stamps[id]`
 * equals `epoch`. Starting a query forgets every value in O(1).
 */
export class Memo {
  values = new Float64Array(0);
  stamps = new Uint32Array(0);
  epoch = 0;

  constructor(readonly stride: number) {}

  /** Starts a query over ids below `capacity`. */
  begin(capacity: number): void {
    if (this.stamps.length < capacity) {
      const size = Math.max(capacity, this.stamps.length * 2, 64);
      this.stamps = new Uint32Array(size);
      this.values = new Float64Array(size * this.stride);
      this.epoch = 0;
    }
    this.epoch = (this.epoch + 1) >>> 0;
    if (this.epoch === 0) {
      this.stamps.fill(0);
      this.epoch = 1;
    }
  }
}

/** A typed array at least `size` long, keeping its contents (grown by doubling). */
export function grown<A extends Float64Array | Int32Array | Uint8Array | Uint32Array>(
  array: A,
  size: number,
): A {
  if (array.length >= size) return array;
  const next = new (array.constructor as new (length: number) => A)(Math.max(size, array.length * 2, 64));
  next.set(array);
  return next;
}
