/**
 * A bounded top-k by score (higher first; on equal scores the lower id first): a binary min-heap
 * of the k best so far whose root is the worst of them.
 */
export class TopK<T> {
  private readonly scores: Float64Array;
  private readonly ids: Float64Array;
  private readonly items: T[] = [];
  private size = 0;

  constructor(readonly k: number) {
    this.scores = new Float64Array(k);
    this.ids = new Float64Array(k);
  }

  get full(): boolean {
    return this.size >= this.k;
  }

  /** The worst kept score (-Infinity while not full). */
  get worstScore(): number {
    return this.full && this.k > 0 ? this.scores[0]! : Number.NEGATIVE_INFINITY;
  }

  /** a is worse than b. */
  private worse(i: number, j: number): boolean {
    const a = this.scores[i]!;
    const b = this.scores[j]!;
    return a < b || (a === b && this.ids[i]! > this.ids[j]!);
  }

  private swap(i: number, j: number) {
    const s = this.scores[i]!;
    this.scores[i] = this.scores[j]!;
    this.scores[j] = s;
    const d = this.ids[i]!;
    this.ids[i] = this.ids[j]!;
    this.ids[j] = d;
    const t = this.items[i]!;
    this.items[i] = this.items[j]!;
    this.items[j] = t;
  }

  /** Keeps the item if it is among the k best so far. */
  offer(score: number, id: number, item: T): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      let i = this.size++;
      this.scores[i] = score;
      this.ids[i] = id;
      this.items[i] = item;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!this.worse(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    const root = this.scores[0]!;
    if (score < root || (score === root && id > this.ids[0]!)) return;
    this.scores[0] = score;
    this.ids[0] = id;
    this.items[0] = item;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.size && this.worse(l, m)) m = l;
      if (r < this.size && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  private order(): number[] {
    const order = Array.from({ length: this.size }, (_, i) => i);
    return order.sort((a, b) => this.scores[b]! - this.scores[a]! || this.ids[a]! - this.ids[b]!);
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return this.order().map((i) => this.items[i]!);
  }

  /** The kept items with their scores, best first. */
  sortedWithScores(): [item: T, score: number][] {
    return this.order().map((i) => [this.items[i]!, this.scores[i]!]);
  }
}
