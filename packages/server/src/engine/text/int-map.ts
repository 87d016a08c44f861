/**
 * A map from non-negative 31-bit integers to non-negative 31-bit integers, in two Int32Arrays
 * (open addressing, linear probing). For the index's millions of numeric keys it is smaller than
 * a Map (8 bytes a slot at most half full, against about 30 bytes an entry) and invisible to the
 * garbage collector, which never has to walk a typed array: that is what keeps building and
 * updating a large index from being a garbage-collection benchmark.
 */
export class IntMap {
  private keys: Int32Array;
  private values: Int32Array;
  private mask: number;
  private count = 0;
  /** Slots of deleted keys: probes walk past them, inserts reuse them. */
  private tombstones = 0;

  constructor(expected = 8) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, expected * 2)));
    this.keys = new Int32Array(capacity).fill(EMPTY_SLOT);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** How many keys the map holds. */
  get size(): number {
    return this.count;
  }

  /** The value of a key, or -1. */
  get(key: number): number {
    const keys = this.keys;
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = keys[slot]!;
      if (k === key) return this.values[slot]!;
      if (k === EMPTY_SLOT) return -1;
    }
  }

  /** Sets a key's value. */
  set(key: number, value: number): void {
    if (!(key >= 0 && key <= 0x7fffffff && value >= 0 && value <= 0x7fffffff)) {
      throw new RangeError(`IntMap holds 31-bit non-negative integers: ${key} → ${value}`);
    }
    if ((this.count + this.tombstones + 1) * 2 > this.keys.length) this.rehash();
    let reuse = -1;
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot]!;
      if (k === key) {
        this.values[slot] = value;
        return;
      }
      if (k === DELETED_SLOT && reuse === -1) reuse = slot;
      if (k === EMPTY_SLOT) {
        const at = reuse === -1 ? slot : reuse;
        if (reuse !== -1) this.tombstones--;
        this.keys[at] = key;
        this.values[at] = value;
        this.count++;
        return;
      }
    }
  }

  /** Removes a key; returns whether it was there. */
  delete(key: number): boolean {
    for (let slot = hash(key) & this.mask; ; slot = (slot + 1) & this.mask) {
      const k = this.keys[slot]!;
      if (k === EMPTY_SLOT) return false;
      if (k === key) {
        this.keys[slot] = DELETED_SLOT;
        this.count--;
        this.tombstones++;
        return true;
      }
    }
  }

  /** Calls back with every key and value, in no particular order. */
  forEach(visit: (value: number, key: number) => void): void {
    for (let slot = 0; slot < this.keys.length; slot++) {
      if (this.keys[slot]! >= 0) visit(this.values[slot]!, this.keys[slot]!);
    }
  }

  /** Re-lays the table at twice the live keys' room, dropping tombstones. */
  private rehash(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, (this.count + 1) * 4)));
    this.keys = new Int32Array(capacity).fill(EMPTY_SLOT);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.count = 0;
    this.tombstones = 0;
    for (let slot = 0; slot < oldKeys.length; slot++) {
      if (oldKeys[slot]! >= 0) this.set(oldKeys[slot]!, oldValues[slot]!);
    }
  }
}

const EMPTY_SLOT = -1;
const DELETED_SLOT = -2;

/** Mixes every bit of a key into every bit of the hash: the index's keys cluster (adjacent bigrams). */
function hash(key: number): number {
  let h = Math.imul(key ^ (key >>> 16), 0x45d9f3b);
  h = Math.imul(h ^ (h >>> 16), 0x45d9f3b);
  return (h ^ (h >>> 16)) >>> 0;
}
