import { Memo } from './intern.js';
import { Frontier, type Posting } from './postings.js';
import { DEFAULT_MATCH_WEIGHTS, harmonic } from './score.js';
import { cellDistance, type Group, type MatchStore } from './store.js';
import type { MatchOptions, MatchWeights } from './types.js';

/**
 * What both walks share (#5): the per-query scratch (memos by interned id, the frontier, the
 * seen-marks) and the bound of a pair from upper bounds of its parts.
 *
 * A walk visits the frontier best bound first: an occupation (its bound: the occupation value
 * for this query, every other part at its best over the occupation), which it expands into its
 * postings (bounded by the cell's nearest point, the posting's skills, wage and education
 * summaries and newest key), which are bounded again with their own tallies the first time they
 * reach the top, then read in key order until the key's bound falls below the k-th best score.
 * The walk ends when the k-th best beats the frontier's best bound: every bound is an upper
 * bound, so nothing of the exact top-k is missed.
 */

/** Counters of the last query, for the benchmark. */
export interface MatchStats {
  /** Documents looked at. */
  visited: number;
  /** Documents that passed the hard filters and were scored. */
  scored: number;
  /** Postings read. */
  tiers: number;
}

/** The frontier's item standing for every occupation not related to the query's. */
export const UNRELATED = 'unrelated';
/** Tallies longer than this are not read for a bound (their part is bounded by 1). */
export const MAX_TALLY = 64;
/** Added to every bound: its arithmetic rounds differently from the score's. */
const BOUND_MARGIN = 1e-9;

/** Per-query state, reused from query to query. */
export class Scratch {
  /** Occupations (groups), postings, and UNRELATED. */
  readonly frontier = new Frontier<Group<Posting> | Posting | typeof UNRELATED>();
  readonly occupation = new Memo(1);
  /** [required certificates held, skills component, employer's skills part] by skill list. */
  readonly skills = new Memo(3);
  readonly conditions = new Memo(1);
  readonly groups = new Memo(2);
  readonly cells = new Memo(1);
  /** Seekers seen by this query (marked `seenMark`): a seeker is listed under each of its desired occupations. */
  seen = new Uint32Array(0);
  seenMark = 0;
  /** Queries begun: the mark of this one on the postings it has bounded precisely. */
  query = 0;

  /** Starts a query over the store's current ids. */
  begin(store: MatchStore): void {
    this.query++;
    this.seenMark = (this.seenMark + 1) >>> 0;
    if (this.seenMark === 0) {
      this.seen.fill(0);
      this.seenMark = 1;
    }
    this.frontier.clear();
    this.occupation.begin(store.occupations.capacity);
    this.skills.begin(Math.max(store.vacancySkills.capacity, store.seekerSkills.capacity));
    this.conditions.begin(Math.max(store.vacancyConditions.capacity, store.seekerConditions.capacity));
    this.groups.begin(store.groupLists.capacity);
    this.cells.begin(store.cells.capacity);
    if (this.seen.length < store.seekerCapacity) {
      const seen = new Uint32Array(Math.max(store.seekerCapacity, this.seen.length * 2));
      seen.set(this.seen);
      this.seen = seen;
    }
  }

  /** The nearest kilometres from a point to a cell, or -1 when either is unknown. */
  kmToCell(store: MatchStore, lat: number | null, lon: number | null, cell: number): number {
    const memo = this.cells;
    if (memo.stamps[cell] !== memo.epoch) {
      memo.stamps[cell] = memo.epoch;
      const c = store.cells.value(cell);
      memo.values[cell] = lat !== null && lon !== null && c !== null ? cellDistance(lat, lon, c) : -1;
    }
    return memo.values[cell]!;
  }
}

/** A query's weights and the bound of a pair from upper bounds of its components and employer side. */
export class Weighing {
  readonly weights: MatchWeights;
  private readonly total: number;

  constructor(
    options: MatchOptions,
    /** False: every bound is +Infinity (the scan baseline reads everything). */
    private readonly prune: boolean,
  ) {
    const w = options.weights ?? DEFAULT_MATCH_WEIGHTS;
    this.weights = w;
    this.total = w.occupation + w.skills + w.distance + w.wage + w.conditions + w.education + w.freshness;
  }

  bound(
    occupation: number,
    skills: number,
    distance: number,
    wage: number,
    conditions: number,
    education: number,
    freshness: number,
    employer: number,
  ): number {
    if (!this.prune || !(this.total > 0)) return Number.POSITIVE_INFINITY;
    const w = this.weights;
    const side =
      (w.occupation * occupation +
        w.skills * skills +
        w.distance * distance +
        w.wage * wage +
        w.conditions * conditions +
        w.education * education +
        w.freshness * freshness) /
      this.total;
    return harmonic(side, employer) + BOUND_MARGIN;
  }
}
