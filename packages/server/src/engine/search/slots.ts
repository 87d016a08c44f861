import { IntMap } from '../text/int-map.js';
import { grown } from './facets.js';

/**
 * Dense slots for documents known by sparse ids: columns are typed arrays indexed by slot. A new
 * document always takes the next slot and a removed one leaves its slot empty, so slots follow
 * the order documents arrived in — for database rows, the order of their ids. That lets the text
 * index be keyed by slot (no id lookups on the hot path) and still rank the newest matches first
 * when it bounds its work. An empty slot costs its columns' bytes (about 60) until the index is
 * rebuilt; vacancies and seekers are rarely deleted (they close or go inactive instead).
 */
export class Slots {
  private readonly slotOf = new IntMap();
  /** The id held by each slot. */
  ids: Uint32Array;
  /** 1 where a slot holds a document. */
  alive: Uint8Array;
  /** Slots ever used: scans walk 0 … end − 1. */
  end = 0;

  constructor(
    capacity: number,
    /** Called when the columns must grow to hold `capacity` slots. */
    private readonly onGrow: (capacity: number) => void,
  ) {
    this.ids = new Uint32Array(capacity);
    this.alive = new Uint8Array(capacity);
  }

  /** Documents held. */
  get size(): number {
    return this.slotOf.size;
  }

  /** The slot of an id, or -1. */
  slot(id: number): number {
    return this.slotOf.get(id);
  }

  /** The slot for an id: its own if it has one, else the next one. */
  acquire(id: number): number {
    if (!Number.isInteger(id) || id < 0 || id > 0x7fffffff) throw new RangeError(`not a 31-bit id: ${id}`);
    const known = this.slotOf.get(id);
    if (known >= 0) return known;
    const slot = this.end++;
    if (slot >= this.ids.length) {
      const capacity = Math.max(1024, Math.ceil(this.ids.length * 1.5));
      this.ids = grown(this.ids, capacity);
      this.alive = grown(this.alive, capacity);
      this.onGrow(capacity);
    }
    this.slotOf.set(id, slot);
    this.ids[slot] = id;
    this.alive[slot] = 1;
    return slot;
  }

  /** Frees an id's slot; returns it, or -1 when the id had none. */
  release(id: number): number {
    const slot = this.slotOf.get(id);
    if (slot < 0) return -1;
    this.slotOf.delete(id);
    this.alive[slot] = 0;
    return slot;
  }
}

/**
 * The page after `offset` of `slots` ordered by `keys` (aligned with `slots`), highest first,
 * ties to the higher id (the newer row). A bounded heap of `offset + limit` entries: a page of a
 * million results costs a pass, not a sort.
 */
export function topByKey(
  slots: Uint32Array,
  keys: Float64Array,
  ids: Uint32Array,
  offset: number,
  limit: number,
): number[] {
  const k = Math.min(offset + limit, slots.length);
  if (k <= 0) return [];
  // Positions into `slots`; the heap's root is the worst kept.
  const heap = new Int32Array(k);
  let size = 0;
  const before = (a: number, b: number) =>
    keys[a] !== keys[b] ? keys[a]! > keys[b]! : ids[slots[a]!]! > ids[slots[b]!]!;
  const down = (i: number) => {
    for (;;) {
      let worst = i;
      const left = 2 * i + 1;
      if (left < size && before(heap[worst]!, heap[left]!)) worst = left;
      if (left + 1 < size && before(heap[worst]!, heap[left + 1]!)) worst = left + 1;
      if (worst === i) return;
      const t = heap[worst]!;
      heap[worst] = heap[i]!;
      heap[i] = t;
      i = worst;
    }
  };
  for (let p = 0; p < slots.length; p++) {
    if (size < k) {
      let i = size++;
      heap[i] = p;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!)) break;
        const t = heap[parent]!;
        heap[parent] = heap[i]!;
        heap[i] = t;
        i = parent;
      }
    } else if (keys[p]! >= keys[heap[0]!]! && before(p, heap[0]!)) {
      // (Most entries of a long list rank below the kept worst: one comparison rejects them.)
      heap[0] = p;
      down(0);
    }
  }
  const order = Array.from(heap.subarray(0, size));
  order.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return order.slice(offset).map((p) => slots[p]!);
}

/**
 * `topByKey` with the key read straight from a column indexed by slot (opensOn, wage): no key
 * array is built, which at a million matches saves writing and reading 8 MB per query.
 */
export function topBySlotKey(
  slots: Uint32Array,
  column: ArrayLike<number>,
  ids: Uint32Array,
  offset: number,
  limit: number,
): number[] {
  const k = Math.min(offset + limit, slots.length);
  if (k <= 0) return [];
  // Slots; the heap's root is the worst kept.
  const heap = new Uint32Array(k);
  let size = 0;
  const before = (a: number, b: number) =>
    column[a] !== column[b] ? column[a]! > column[b]! : ids[a]! > ids[b]!;
  const down = (i: number) => {
    for (;;) {
      let worst = i;
      const left = 2 * i + 1;
      if (left < size && before(heap[worst]!, heap[left]!)) worst = left;
      if (left + 1 < size && before(heap[worst]!, heap[left + 1]!)) worst = left + 1;
      if (worst === i) return;
      const t = heap[worst]!;
      heap[worst] = heap[i]!;
      heap[i] = t;
      i = worst;
    }
  };
  let floor = Number.NEGATIVE_INFINITY;
  for (let p = 0; p < slots.length; p++) {
    const slot = slots[p]!;
    if (size < k) {
      let i = size++;
      heap[i] = slot;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent]!, heap[i]!)) break;
        const t = heap[parent]!;
        heap[parent] = heap[i]!;
        heap[i] = t;
        i = parent;
      }
      if (size === k) floor = column[heap[0]!]!;
    } else if (column[slot]! >= floor && before(slot, heap[0]!)) {
      // (Most entries of a long list rank below the kept worst: one comparison rejects them.)
      heap[0] = slot;
      down(0);
      floor = column[heap[0]!]!;
    }
  }
  const order = Array.from(heap.subarray(0, size));
  order.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  return order.slice(offset);
}
