import {
  components,
  DEFAULT_MATCH_WEIGHTS,
  employerSide,
  hardFilters,
  harmonic,
  type Idf,
  pairDistance,
  reasons,
  weightedSide,
} from './score.js';
import { MatchStore } from './store.js';
import type { TopK } from './top-k.js';
import type {
  HardFilter,
  MatchComponents,
  MatchOptions,
  MatchResult,
  MatchSeeker,
  MatchVacancy,
  MatchWeights,
} from './types.js';
import { type MatchStats, Scratch } from './walk.js';
import { walkSeekers } from './walk-seekers.js';
import { walkVacancies } from './walk-vacancies.js';

export { CELL_LAT, CELL_LON } from './store.js';
export type { MatchStats } from './walk.js';

/**
 * The matching engine (#5): holds vacancies and seekers, recommends vacancies to a seeker and
 * candidate seekers to a vacancy. No I/O; modules/matching feeds it from the database.
 *
 * `MatchStore` (store.ts) keeps the documents in typed arrays and candidate lists; the walks
 * (walk.ts) find the exact top-k best bound first, scoring with the functions of score.ts on
 * numbers read from those arrays, so their scores equal explain()'s to the last bit. Only the
 * winners get components and reasons, by the reference path. `exhaustive*` score every document
 * with score.ts alone: the reference the tests compare with; `scan*` read every document with
 * the fast path and no bound: the benchmark's baseline.
 */

/** One ranked document: the other side's id and the score. */
export interface Ranked {
  id: number;
  score: number;
}

type Scored = { c: MatchComponents; seekerSide: number; employer: number; score: number };

export class Matcher {
  readonly stats: MatchStats = { visited: 0, scored: 0, tiers: 0 };
  private readonly store = new MatchStore();
  private readonly scratch = new Scratch();
  /** Inverse document frequency of a skill or certificate over the current documents. */
  readonly idf: Idf = this.store.idf;

  get vacancyCount(): number {
    return this.store.vacancySlots.size;
  }
  get seekerCount(): number {
    return this.store.seekerSlots.size;
  }
  vacancy(id: number): MatchVacancy | undefined {
    return this.store.vacancy(id);
  }
  seeker(id: number): MatchSeeker | undefined {
    return this.store.seeker(id);
  }

  /** Adds or replaces a vacancy. */
  setVacancy(v: MatchVacancy): void {
    this.store.setVacancy(v);
  }
  removeVacancy(id: number): void {
    this.store.removeVacancy(id);
  }
  /** Adds or replaces a seeker. */
  setSeeker(s: MatchSeeker): void {
    this.store.setSeeker(s);
  }
  removeSeeker(id: number): void {
    this.store.removeSeeker(id);
  }

  /** Replaces every vacancy. */
  setAllVacancies(list: Iterable<MatchVacancy>): void {
    this.store.bulkLoad(() => {
      for (const id of [...this.store.vacancySlots.keys()]) this.store.removeVacancy(id);
      for (const v of list) this.store.setVacancy(v);
    });
  }

  /** Replaces every seeker. */
  setAllSeekers(list: Iterable<MatchSeeker>): void {
    this.store.bulkLoad(() => {
      for (const id of [...this.store.seekerSlots.keys()]) this.store.removeSeeker(id);
      for (const s of list) this.store.setSeeker(s);
    });
  }

  /** Scores a pair that passed the hard filters (the reference path of score.ts). */
  private score(
    s: MatchSeeker,
    v: MatchVacancy,
    today: number,
    weights: MatchWeights,
    km: number | null,
  ): Scored {
    const c = components(s, v, today, km, this.idf);
    const seekerSide = weightedSide(c, weights);
    const employer = employerSide(s, v, this.idf);
    return { c, seekerSide, employer, score: harmonic(seekerSide, employer) };
  }

  private result(
    id: number,
    s: MatchSeeker,
    v: MatchVacancy,
    km: number | null,
    scored: Scored,
  ): MatchResult {
    return {
      id,
      score: scored.score,
      seekerSide: scored.seekerSide,
      employerSide: scored.employer,
      components: scored.c,
      reasons: reasons(s, v, scored.c, km),
      distanceKm: km,
    };
  }

  /** The full result of a pair known to pass (from the seeker's side unless `forEmployer`). */
  private full(s: MatchSeeker, v: MatchVacancy, options: MatchOptions, forEmployer: boolean): MatchResult {
    const km = pairDistance(s, v);
    const scored = this.score(s, v, options.today, options.weights ?? DEFAULT_MATCH_WEIGHTS, km);
    return this.result(forEmployer ? s.id : v.id, s, v, km, scored);
  }

  /**
   * Why a pair is refused, or its full result (from the seeker's side: `id` is the vacancy's).
   * `forEmployer` adds the recommendation consent to the filters. Undefined for an unknown id.
   */
  explain(
    seekerId: number,
    vacancyId: number,
    options: Pick<MatchOptions, 'today' | 'weights'> & { forEmployer?: boolean },
  ): MatchResult | { refused: HardFilter[] } | undefined {
    const s = this.seeker(seekerId);
    const v = this.vacancy(vacancyId);
    if (!s || !v) return undefined;
    const km = pairDistance(s, v);
    const refused = hardFilters(s, v, options.today, options.forEmployer ?? false, km);
    if (refused.length) return { refused };
    return this.result(
      v.id,
      s,
      v,
      km,
      this.score(s, v, options.today, options.weights ?? DEFAULT_MATCH_WEIGHTS, km),
    );
  }

  private vacancyWalk(seekerId: number, options: MatchOptions, prune: boolean): TopK<number> | undefined {
    const s = this.seeker(seekerId);
    return s && walkVacancies(this.store, this.scratch, this.stats, s, options, prune);
  }

  private seekerWalk(vacancyId: number, options: MatchOptions, prune: boolean): TopK<number> | undefined {
    const v = this.vacancy(vacancyId);
    return v && walkSeekers(this.store, this.scratch, this.stats, v, options, prune);
  }

  private ranked(top: TopK<number> | undefined, docs: readonly ({ id: number } | undefined)[]): Ranked[] {
    return top ? top.sortedWithScores().map(([slot, score]) => ({ id: docs[slot]!.id, score })) : [];
  }

  /** The best vacancies for a seeker (exact top `limit`, best first; ties by id). */
  recommendVacancies(seekerId: number, options: MatchOptions): MatchResult[] {
    const s = this.seeker(seekerId);
    const top = this.vacancyWalk(seekerId, options, true);
    if (!s || !top) return [];
    return top.sorted().map((slot) => this.full(s, this.store.vacancyDocs[slot]!, options, false));
  }

  /** The best candidate seekers for a vacancy (active, recommendable, passing the hard filters). */
  candidatesFor(vacancyId: number, options: MatchOptions): MatchResult[] {
    const v = this.vacancy(vacancyId);
    const top = this.seekerWalk(vacancyId, options, true);
    if (!v || !top) return [];
    return top.sorted().map((slot) => this.full(this.store.seekerDocs[slot]!, v, options, true));
  }

  /** recommendVacancies without components and reasons: ids and scores only (the nightly batch). */
  rankVacancies(seekerId: number, options: MatchOptions): Ranked[] {
    return this.ranked(this.vacancyWalk(seekerId, options, true), this.store.vacancyDocs);
  }

  /** candidatesFor without components and reasons: ids and scores only (the nightly batch). */
  rankCandidates(vacancyId: number, options: MatchOptions): Ranked[] {
    return this.ranked(this.seekerWalk(vacancyId, options, true), this.store.seekerDocs);
  }

  /**
   * rankVacancies reading every open vacancy of the seeker's space with the same fast path and
   * no bound: the baseline that shows what candidate generation saves.
   */
  scanVacancies(seekerId: number, options: MatchOptions): Ranked[] {
    return this.ranked(this.vacancyWalk(seekerId, options, false), this.store.vacancyDocs);
  }

  /** rankCandidates reading every candidate seeker with the same fast path and no bound (the baseline). */
  scanCandidates(vacancyId: number, options: MatchOptions): Ranked[] {
    return this.ranked(this.seekerWalk(vacancyId, options, false), this.store.seekerDocs);
  }

  /** recommendVacancies by scoring every vacancy with score.ts (the reference the tests compare with). */
  exhaustiveRecommendVacancies(seekerId: number, options: MatchOptions): MatchResult[] {
    const s = this.seeker(seekerId);
    if (!s) return [];
    const docs = [...this.store.vacancySlots.values()].map((slot) => this.store.vacancyDocs[slot]!);
    return this.exhaustive(docs, (v) => [s, v, v.id], options, false);
  }

  /** candidatesFor by scoring every seeker with score.ts (the reference the tests compare with). */
  exhaustiveCandidatesFor(vacancyId: number, options: MatchOptions): MatchResult[] {
    const v = this.vacancy(vacancyId);
    if (!v) return [];
    const docs = [...this.store.seekerSlots.values()].map((slot) => this.store.seekerDocs[slot]!);
    return this.exhaustive(docs, (s) => [s, v, s.id], options, true);
  }

  private exhaustive<T>(
    docs: Iterable<T>,
    pair: (doc: T) => [MatchSeeker, MatchVacancy, number],
    options: MatchOptions,
    forEmployer: boolean,
  ): MatchResult[] {
    const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
    const all: { id: number; s: MatchSeeker; v: MatchVacancy; km: number | null; scored: Scored }[] = [];
    for (const doc of docs) {
      const [s, v, id] = pair(doc);
      const km = pairDistance(s, v);
      if (hardFilters(s, v, options.today, forEmployer, km).length) continue;
      all.push({ id, s, v, km, scored: this.score(s, v, options.today, weights, km) });
    }
    all.sort((a, b) => b.scored.score - a.scored.score || a.id - b.id);
    return all
      .slice(0, Math.max(0, options.limit))
      .map(({ id, s, v, km, scored }) => this.result(id, s, v, km, scored));
  }
}
