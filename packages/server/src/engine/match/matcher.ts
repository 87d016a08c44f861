import { distanceKm } from '../search/geo.js';
import {
  careerMonths,
  components,
  conditionsComponent,
  DEFAULT_MATCH_WEIGHTS,
  DESIRED_CHOICE_PENALTY,
  distanceComponent,
  EMPLOYER_WEIGHTS,
  employerSide,
  freshnessComponent,
  hardFilters,
  harmonic,
  type Idf,
  levelValue,
  NO_SKILLS_ASKED,
  occupationBound,
  occupationComponent,
  pairDistance,
  passes,
  reasons,
  UNKNOWN_DISTANCE,
  wageComponent,
  weightedSide,
} from './score.js';
import { TopK } from './top-k.js';
import type {
  HardFilter,
  MatchComponents,
  MatchOptions,
  MatchResult,
  MatchSeeker,
  MatchVacancy,
  MatchWeights,
  OccupationPath,
} from './types.js';

/**
 * The matching engine (#5): holds vacancies and seekers, recommends vacancies to a seeker and
 * candidate seekers to a vacancy. No I/O; modules/matching feeds it from the database.
 *
 * Candidates are generated from inverted lists on occupation-path prefixes (every level, of the
 * vacancy's occupation and of each seeker's desired occupations) and visited best tier first:
 * the same code, then the same parent one level up, and so on, then everything else. Before each
 * tier the best score any not-yet-visited document could still reach is bounded (its occupation
 * component cannot exceed the tier's value; every other component is at most 1 and the employer
 * side at most 1), and the walk stops as soon as the k-th best score found beats that bound.
 * So the result is exactly the exhaustive scan's top-k (`exhaustive*` methods, tested to agree)
 * while visiting only the first tiers in the common case.
 */

const key = (scheme: string, path: OccupationPath, depth: number) =>
  `${scheme}\u0000${path.slice(0, depth).join('\u0001')}`;

/** Grid cells of about 1 km (0.009° of latitude, 0.01125° of longitude at 37° N). */
export const CELL_LAT = 0.009;
export const CELL_LON = 0.01125;
const UNKNOWN_CELL = 'u';
const cellOf = (lat: number | null, lon: number | null) =>
  lat === null || lon === null ? UNKNOWN_CELL : `${Math.floor(lat / CELL_LAT)},${Math.floor(lon / CELL_LON)}`;

/** A lower bound of the distance from a point to anywhere in a cell (km; 0 inside it). */
function cellDistance(lat: number, lon: number, cell: string): number {
  const [i, j] = cell.split(',').map(Number) as [number, number];
  const clampedLat = Math.min(Math.max(lat, i * CELL_LAT), (i + 1) * CELL_LAT);
  const clampedLon = Math.min(Math.max(lon, j * CELL_LON), (j + 1) * CELL_LON);
  // A little under the haversine to the nearest corner or edge point, for safety.
  return Math.max(0, distanceKm(lat, lon, clampedLat, clampedLon) * 0.99 - 0.01);
}

/** Ids under one occupation prefix in one cell, with the largest commute limit among them (seekers). */
interface Posting {
  /** Ids by `opens` descending once `sorted`: a vacancy's opening day, a seeker's commute limit. */
  ids: number[];
  opens: number[];
  sorted: boolean;
  maxCommute: number;
  /** Some seeker here has no commute limit (0). */
  unlimited: boolean;
  /** Vacancies: the highest wage, lowest required education and career months ever listed here (bounds). */
  maxWage: number;
  minEducation: number;
  minCareer: number;
}

/** Upper bounds of the wage and education components and of the employer side for a posting. */
interface PostingBound {
  skills: number;
  wage: number;
  education: number;
  employer: number;
}

/** The distance bound of a cell and the nearest distance to it (null: coordinates unknown). */
interface CellBound {
  distance: number;
  km: number | null;
}

/** The order key of a seeker in a posting: the commute limit, no limit sorting first. */
const UNLIMITED_COMMUTE = 1e9;
const commuteKey = (s: MatchSeeker) => (s.commuteKm > 0 ? s.commuteKm : UNLIMITED_COMMUTE);

/** Counters of the last query, for the benchmark. */
export interface MatchStats {
  visited: number;
  scored: number;
  tiers: number;
}

/** Orders a posting newest opening first (ties by id), once after changes. */
function sortPosting(posting: Posting) {
  const order = posting.ids.map((_, i) => i);
  order.sort((a, b) => posting.opens[b]! - posting.opens[a]! || posting.ids[a]! - posting.ids[b]!);
  posting.ids = order.map((i) => posting.ids[i]!);
  posting.opens = order.map((i) => posting.opens[i]!);
  posting.sorted = true;
}

type Scored = { c: MatchComponents; seekerSide: number; employer: number; score: number };

export class Matcher {
  private readonly vacancies = new Map<number, MatchVacancy>();
  private readonly seekers = new Map<number, MatchSeeker>();
  /** Occupation prefix (every depth, 0 = all) → cell → vacancy ids. */
  private readonly vacancyLists = new Map<string, Map<string, Posting>>();
  /** Desired-occupation prefix (every depth, 0 = all) → cell → seeker ids. */
  private readonly seekerLists = new Map<string, Map<string, Posting>>();
  /** Document frequency of skills and certificates over both sides. */
  private readonly df = new Map<string, number>();
  readonly stats: MatchStats = { visited: 0, scored: 0, tiers: 0 };

  private readonly idfCache = new Map<string, number>();
  readonly idf: Idf = (item) => {
    let value = this.idfCache.get(item);
    if (value === undefined) {
      const n = this.vacancies.size + this.seekers.size;
      value = Math.log(1 + (n + 1) / ((this.df.get(item) ?? 0) + 1));
      this.idfCache.set(item, value);
    }
    return value;
  };

  get vacancyCount(): number {
    return this.vacancies.size;
  }
  get seekerCount(): number {
    return this.seekers.size;
  }
  vacancy(id: number): MatchVacancy | undefined {
    return this.vacancies.get(id);
  }
  seeker(id: number): MatchSeeker | undefined {
    return this.seekers.get(id);
  }

  private count(items: readonly string[], delta: number) {
    // Any change of the documents changes N, so every cached IDF.
    if (this.idfCache.size) this.idfCache.clear();
    for (const item of new Set(items)) {
      const n = (this.df.get(item) ?? 0) + delta;
      if (n > 0) this.df.set(item, n);
      else this.df.delete(item);
    }
  }

  private static list(
    lists: Map<string, Map<string, Posting>>,
    k: string,
    cell: string,
    id: number,
    commute: number,
    opens: number,
    add: boolean,
    v?: MatchVacancy,
  ) {
    let cells = lists.get(k);
    if (add) {
      if (!cells) {
        cells = new Map();
        lists.set(k, cells);
      }
      let posting = cells.get(cell);
      if (!posting) {
        posting = {
          ids: [],
          opens: [],
          sorted: true,
          maxCommute: 0,
          unlimited: false,
          maxWage: Number.NEGATIVE_INFINITY,
          minEducation: Number.POSITIVE_INFINITY,
          minCareer: Number.POSITIVE_INFINITY,
        };
        cells.set(cell, posting);
      }
      posting.ids.push(id);
      posting.opens.push(opens);
      posting.sorted = false;
      // Never lowered on removal: still an upper bound.
      if (commute > posting.maxCommute) posting.maxCommute = commute;
      if (commute <= 0) posting.unlimited = true;
      if (v) {
        posting.maxWage = Math.max(posting.maxWage, v.monthlyWage);
        posting.minEducation = Math.min(posting.minEducation, v.education);
        posting.minCareer = Math.min(posting.minCareer, v.minCareerMonths);
      }
    } else if (cells) {
      const posting = cells.get(cell);
      if (!posting) return;
      const at = posting.ids.indexOf(id);
      if (at < 0) return;
      posting.ids.splice(at, 1);
      posting.opens.splice(at, 1);
      if (posting.ids.length === 0) cells.delete(cell);
      if (cells.size === 0) lists.delete(k);
    }
  }

  private vacancyKeys(v: MatchVacancy): string[] {
    const out: string[] = [];
    for (let d = 0; d <= v.occupation.length; d++) out.push(key(v.occupationScheme, v.occupation, d));
    return out;
  }

  private seekerKeys(s: MatchSeeker): Set<string> {
    const out = new Set<string>([key(s.occupationScheme, [], 0)]);
    for (const path of s.desired)
      for (let d = 1; d <= path.length; d++) out.add(key(s.occupationScheme, path, d));
    return out;
  }

  setVacancy(v: MatchVacancy): void {
    this.removeVacancy(v.id);
    this.vacancies.set(v.id, v);
    const cell = cellOf(v.lat, v.lon);
    for (const k of this.vacancyKeys(v))
      Matcher.list(this.vacancyLists, k, cell, v.id, 0, v.opensOn, true, v);
    this.count(
      [...v.requiredSkills, ...v.preferredSkills, ...v.requiredCertificates, ...v.preferredCertificates],
      1,
    );
  }

  removeVacancy(id: number): void {
    const v = this.vacancies.get(id);
    if (!v) return;
    this.vacancies.delete(id);
    const cell = cellOf(v.lat, v.lon);
    for (const k of this.vacancyKeys(v)) Matcher.list(this.vacancyLists, k, cell, id, 0, v.opensOn, false);
    this.count(
      [...v.requiredSkills, ...v.preferredSkills, ...v.requiredCertificates, ...v.preferredCertificates],
      -1,
    );
  }

  setSeeker(s: MatchSeeker): void {
    this.removeSeeker(s.id);
    this.seekers.set(s.id, s);
    const cell = cellOf(s.lat, s.lon);
    for (const k of this.seekerKeys(s))
      Matcher.list(this.seekerLists, k, cell, s.id, s.commuteKm, commuteKey(s), true);
    this.count([...s.skills, ...s.certificates], 1);
  }

  removeSeeker(id: number): void {
    const s = this.seekers.get(id);
    if (!s) return;
    this.seekers.delete(id);
    const cell = cellOf(s.lat, s.lon);
    for (const k of this.seekerKeys(s))
      Matcher.list(this.seekerLists, k, cell, id, s.commuteKm, commuteKey(s), false);
    this.count([...s.skills, ...s.certificates], -1);
  }

  /** Replaces every vacancy. */
  setAllVacancies(list: Iterable<MatchVacancy>): void {
    for (const id of [...this.vacancies.keys()]) this.removeVacancy(id);
    for (const v of list) this.setVacancy(v);
  }

  /** Replaces every seeker. */
  setAllSeekers(list: Iterable<MatchSeeker>): void {
    for (const id of [...this.seekers.keys()]) this.removeSeeker(id);
    for (const s of list) this.setSeeker(s);
  }

  /** Scores a pair that passed the hard filters. */
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

  /**
   * Why a pair is refused, or its full result (from the seeker's side: `id` is the vacancy's).
   * `forEmployer` adds the recommendation consent to the filters. Undefined for an unknown id.
   */
  explain(
    seekerId: number,
    vacancyId: number,
    options: Pick<MatchOptions, 'today' | 'weights'> & { forEmployer?: boolean },
  ): MatchResult | { refused: HardFilter[] } | undefined {
    const s = this.seekers.get(seekerId);
    const v = this.vacancies.get(vacancyId);
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

  /** The best vacancies for a seeker (exact top `limit`, best first; ties by id). */
  recommendVacancies(seekerId: number, options: MatchOptions): MatchResult[] {
    const s = this.seekers.get(seekerId);
    // An inactive seeker passes no pair: answer at once rather than walking every vacancy.
    if (s?.status !== 'active') return [];
    const prefixes: { value: number; key: string }[] = [{ value: 0, key: key(s.occupationScheme, [], 0) }];
    s.desired.forEach((path, i) => {
      for (let d = path.length; d >= 1; d--)
        prefixes.push({
          value: levelValue(path.length, d) * (1 - DESIRED_CHOICE_PENALTY * i),
          key: key(s.occupationScheme, path, d),
        });
    });
    const cellBound = (cell: string): CellBound | null => {
      if (cell === UNKNOWN_CELL || s.lat === null || s.lon === null)
        return { distance: UNKNOWN_DISTANCE, km: null };
      const km = cellDistance(s.lat, s.lon, cell);
      if (s.commuteKm > 0 && km > s.commuteKm) return null;
      return { distance: distanceComponent(km, s.commuteKm), km };
    };
    // Vacancy postings are ordered by opening day: it bounds freshness.
    const keyBound = (opens: number, cell: CellBound): [number, number] => [
      cell.distance,
      freshnessComponent(opens, options.today),
    ];
    // The best wage, education and experience any vacancy of a posting can offer this seeker.
    const months = careerMonths(s);
    const postingBound = (p: Posting): PostingBound | null => {
      // No vacancy here pays the seeker's firm minimum: the hard filter refuses them all.
      if (s.wageFirm && s.desiredMonthlyWage !== null && p.maxWage < s.desiredMonthlyWage) return null;
      const education =
        p.minEducation <= s.education ? 1 : Math.max(0, 1 - (p.minEducation - s.education) / 3);
      const experience = p.minCareer <= 0 ? 1 : Math.min(1, months / p.minCareer);
      return {
        skills: 1,
        wage: wageComponent(p.maxWage, s.desiredMonthlyWage),
        education: (education + experience) / 2,
        employer:
          (10 * EMPLOYER_WEIGHTS.skills +
            10 * EMPLOYER_WEIGHTS.education * education +
            10 * EMPLOYER_WEIGHTS.experience * experience +
            10 * EMPLOYER_WEIGHTS.groups) /
          10,
      };
    };
    return this.walk(
      this.vacancyLists,
      prefixes,
      cellBound,
      keyBound,
      postingBound,
      options,
      (id) => [s, this.vacancies.get(id)!],
      false,
    );
  }

  /** The best candidate seekers for a vacancy (active, recommendable, passing the hard filters). */
  candidatesFor(vacancyId: number, options: MatchOptions): MatchResult[] {
    const v = this.vacancies.get(vacancyId);
    if (v?.status !== 'open' || (v.closesOn !== null && v.closesOn < options.today)) return [];
    const prefixes: { value: number; key: string }[] = [];
    for (let d = v.occupation.length; d >= 0; d--)
      prefixes.push({
        value: levelValue(v.occupation.length, d),
        key: key(v.occupationScheme, v.occupation, d),
      });
    const cellBound = (cell: string, posting: Posting): CellBound | null => {
      if (cell === UNKNOWN_CELL || v.lat === null || v.lon === null)
        return { distance: UNKNOWN_DISTANCE, km: null };
      const km = cellDistance(v.lat, v.lon, cell);
      const limited = km > posting.maxCommute ? 0 : distanceComponent(km, posting.maxCommute);
      const unlimited = posting.unlimited ? distanceComponent(km, 0) : 0;
      if (!posting.unlimited && km > posting.maxCommute) return null;
      return { distance: Math.max(limited, unlimited), km };
    };
    // Seeker postings are ordered by commute limit, longest (or none) first: it bounds distance.
    // Freshness is the vacancy's own, the same for every seeker.
    const freshness = freshnessComponent(v.opensOn, options.today);
    const keyBound = (commute: number, cell: CellBound): [number, number] => [
      cell.km === null || commute >= UNLIMITED_COMMUTE
        ? cell.distance
        : Math.min(cell.distance, distanceComponent(cell.km, commute)),
      freshness,
    ];
    // A vacancy that asks for no skill or certificate gives every seeker the same skills value.
    const asks =
      v.requiredSkills.length +
      v.preferredSkills.length +
      v.requiredCertificates.length +
      v.preferredCertificates.length;
    const vacancyBound: PostingBound = {
      skills: asks ? 1 : NO_SKILLS_ASKED,
      wage: 1,
      education: 1,
      employer: 1,
    };
    return this.walk(
      this.seekerLists,
      prefixes,
      cellBound,
      keyBound,
      () => vacancyBound,
      options,
      (id) => [this.seekers.get(id)!, v],
      true,
    );
  }

  /**
   * Visits the postings (occupation prefix × cell) best bound first, scoring what passes the hard
   * filters, until the k-th best score beats the bound of every posting left.
   */
  private walk(
    lists: Map<string, Map<string, Posting>>,
    prefixes: { value: number; key: string }[],
    cellBound: (cell: string, posting: Posting) => CellBound | null,
    keyBound: (key: number, cell: CellBound) => [distance: number, freshness: number],
    postingBound: (posting: Posting) => PostingBound | null,
    options: MatchOptions,
    pair: (id: number) => [MatchSeeker, MatchVacancy],
    forEmployer: boolean,
  ): MatchResult[] {
    const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
    const total = Object.values(weights).reduce((a, b) => a + b, 0);
    // The best score a pair can reach with occupation ≤ its prefix's value and distance ≤ its
    // cell's bound (every other component 1, employer side 1), a hair above for rounding.
    const bound = (occupation: number, distance: number, freshness: number, b: PostingBound) =>
      total > 0
        ? harmonic(
            (total -
              weights.occupation * (1 - occupationBound(occupation)) -
              weights.distance * (1 - distance) -
              weights.freshness * (1 - freshness) -
              weights.skills * (1 - b.skills) -
              weights.wage * (1 - b.wage) -
              weights.education * (1 - b.education)) /
              total,
            b.employer,
          ) + 1e-9
        : 1;
    // Seekers have no opening day: their postings carry 0 and freshness does not bound them.
    const rest = weights.skills + weights.education;
    const tiers: {
      bound: number;
      occupation: number;
      cell: CellBound;
      extra: PostingBound;
      posting: Posting;
    }[] = [];
    for (const prefix of prefixes) {
      const cells = lists.get(prefix.key);
      if (!cells) continue;
      for (const [cell, posting] of cells) {
        const near = cellBound(cell, posting);
        if (near === null) continue;
        const extra = postingBound(posting);
        if (extra === null) continue;
        if (!posting.sorted) sortPosting(posting);
        const [distance, freshness] = keyBound(posting.opens[0]!, near);
        tiers.push({
          bound: bound(prefix.value, distance, freshness, extra),
          occupation: prefix.value,
          cell: near,
          extra,
          posting,
        });
      }
    }
    tiers.sort((a, b) => b.bound - a.bound);
    const top = new TopK<{ s: MatchSeeker; v: MatchVacancy; km: number | null; scored: Scored }>(
      Math.max(0, options.limit),
    );
    const seen = new Set<number>();
    const stats = this.stats;
    stats.visited = 0;
    stats.scored = 0;
    stats.tiers = 0;
    for (const tier of tiers) {
      if (top.full && top.worstScore > tier.bound) break;
      stats.tiers++;
      const { ids, opens } = tier.posting;
      let lastOpens = Number.NaN;
      for (let i = 0; i < ids.length; i++) {
        // Newest first: once even this opening day cannot beat the k-th, no later one can.
        if (top.full && opens[i] !== lastOpens) {
          lastOpens = opens[i]!;
          const [distance, freshness] = keyBound(lastOpens, tier.cell);
          if (top.worstScore > bound(tier.occupation, distance, freshness, tier.extra)) break;
        }
        const id = ids[i]!;
        if (seen.has(id)) continue;
        seen.add(id);
        stats.visited++;
        const [s, v] = pair(id);
        const km = pairDistance(s, v);
        if (!passes(s, v, options.today, forEmployer, km)) continue;
        if (top.full) {
          // The cheap components first: if even with the rest at 1 the pair cannot beat the k-th, skip it.
          const partial =
            weights.occupation * occupationComponent(s, v) +
            weights.distance * distanceComponent(km, s.commuteKm) +
            weights.wage * wageComponent(v.monthlyWage, s.desiredMonthlyWage) +
            weights.freshness * freshnessComponent(v.opensOn, options.today) +
            weights.conditions * conditionsComponent(s, v) +
            rest;
          if (top.worstScore > harmonic(partial / total, 1) + 1e-9) continue;
        }
        const scored = this.score(s, v, options.today, weights, km);
        stats.scored++;
        top.offer(scored.score, id, { s, v, km, scored });
      }
    }
    return top.sorted().map((x) => this.result(forEmployer ? x.s.id : x.v.id, x.s, x.v, x.km, x.scored));
  }

  /** recommendVacancies by scoring every vacancy (the baseline). */
  exhaustiveRecommendVacancies(seekerId: number, options: MatchOptions): MatchResult[] {
    const s = this.seekers.get(seekerId);
    if (!s) return [];
    return this.exhaustive(this.vacancies.values(), (v) => [s, v, v.id], options, false);
  }

  /** candidatesFor by scoring every seeker (the baseline). */
  exhaustiveCandidatesFor(vacancyId: number, options: MatchOptions): MatchResult[] {
    const v = this.vacancies.get(vacancyId);
    if (!v) return [];
    return this.exhaustive(this.seekers.values(), (s) => [s, v, s.id], options, true);
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
