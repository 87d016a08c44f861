import { parseQuery } from '../text/terms.js';
import { TextIndex } from '../text/text-index.js';
import { FacetCounter } from './facet-counter.js';
import {
  type CodeColumn,
  type FacetCount,
  grown,
  JointFacet,
  Labels,
  type Requirement,
  SetFacet,
  scan,
} from './facets.js';
import { boxAround, distanceKm, type LatLon } from './geo.js';
import { Slots, topByKey, topBySlotKey } from './slots.js';

/**
 * A vacancy as the search holds it: built by the server from a database row (with its employer's
 * name and its occupation's label and parent chain), or by a benchmark's generator.
 */
export interface VacancyDocument {
  /** The database id (a positive 31-bit integer). */
  id: number;
  orgId: number;
  employerId: number;
  title: string;
  /** The employer's name. */
  company: string;
  /** The occupation's label (and aliases, if any). */
  occupation: string | readonly string[];
  /** Indexed up to `descriptionChars` characters (see VacancyIndex). */
  description?: string;
  /** The occupation's parent chain, top level first, its own code last. */
  occupationPath: readonly string[];
  /** The dong's code, or null outside the deployment's regions. */
  dong: string | null;
  /** Monthly equivalent of the wage, in won. */
  monthlyWage: number;
  employmentType: string;
  career: string;
  education: string;
  /** Preferred ∪ eligible target groups. */
  targetGroups: readonly string[];
  /** Day numbers (days.ts); closesOn null: until filled. */
  opensOn: number;
  closesOn: number | null;
  status: string;
  source?: string;
  /** Where the work is (the vacancy's own point, else its dong's centroid); null: unknown. */
  lat: number | null;
  lon: number | null;
}

/** 월급 bands of the wage facet: [min, max) in monthly won. Names match WAGE_BANDS in @ilteo/shared. */
export const WAGE_BAND_LIMITS = [
  { band: 'under_2m', min: 0, max: 2_000_000 },
  { band: '2m_2_5m', min: 2_000_000, max: 2_500_000 },
  { band: '2_5m_3m', min: 2_500_000, max: 3_000_000 },
  { band: '3m_4m', min: 3_000_000, max: 4_000_000 },
  { band: '4m_plus', min: 4_000_000, max: Number.POSITIVE_INFINITY },
] as const;
export type WageBand = (typeof WAGE_BAND_LIMITS)[number]['band'];

/** The band a monthly wage falls in. */
export function wageBandOf(monthlyWage: number): WageBand {
  for (const b of WAGE_BAND_LIMITS) if (monthlyWage < b.max) return b.band;
  return '4m_plus';
}

/** "Posted within" windows in days: a vacancy opened `today − opensOn < days` ago is in. */
export const POSTED_WITHIN_DAYS = { '1d': 1, '3d': 3, '7d': 7, '30d': 30 } as const;
export type PostedWithin = keyof typeof POSTED_WITHIN_DAYS;
const POSTED_WINDOW_MAX = Math.max(...Object.values(POSTED_WITHIN_DAYS));

export const VACANCY_FACETS = [
  'occupationGroup',
  'dong',
  'wageBand',
  'employmentType',
  'career',
  'education',
  'targetGroup',
  'postedWithin',
] as const;
export type VacancyFacet = (typeof VACANCY_FACETS)[number];

/**
 * A vacancy search. Lists OR within a facet and AND across facets; an empty or absent list is no
 * filter. Everything but `today` is optional: `{ today }` lists every vacancy, newest first.
 */
export interface VacancyQuery {
  /** Words as typed (see TextIndex); a query without any term (`ㄱ`, `!!`) is no text filter. */
  q?: string | undefined;
  /** Today's day number: what `postedWithin` counts back from. */
  today: number;
  /** Occupation codes of any level of the chain. */
  occupation?: readonly string[] | undefined;
  dong?: readonly string[] | undefined;
  wageBand?: readonly string[] | undefined;
  minMonthlyWage?: number | undefined;
  employmentType?: readonly string[] | undefined;
  career?: readonly string[] | undefined;
  education?: readonly string[] | undefined;
  targetGroup?: readonly string[] | undefined;
  postedWithin?: PostedWithin | undefined;
  /** Only vacancies with one of these statuses. */
  status?: readonly string[] | undefined;
  /** Only vacancies not closed before this day (closesOn null or ≥ it). */
  openOn?: number | undefined;
  orgId?: number | undefined;
  employerId?: number | undefined;
  source?: string | undefined;
  /** The point distances are measured from (a dong's centroid); needed by `withinKm` and `distance`. */
  near?: LatLon | undefined;
  withinKm?: number | undefined;
  /** relevance (default; newest without a text query), newest (opensOn, then id), wage (highest first), distance (nearest first). */
  sort?: 'relevance' | 'newest' | 'wage' | 'distance' | undefined;
  offset?: number | undefined;
  limit?: number | undefined;
  /** Count facets (default true); off saves a little work when only hits are wanted. */
  facets?: boolean | undefined;
  /** Text matches ranked at most (TextIndex's maxRanked). */
  maxRanked?: number | undefined;
}

/** One result. */
export interface VacancyHit {
  id: number;
  /** Text relevance (0 without a text query or when not sorted by relevance). */
  score: number;
  /** From `near`, when given and the vacancy's place is known. */
  distanceKm: number | null;
}

/** A page of results, how many there are, and the facets' counts. */
export interface VacancyResult {
  total: number;
  hits: VacancyHit[];
  /** Per facet, the values with a count (and every selected value); empty when not counted. */
  facets: Partial<Record<VacancyFacet, FacetCount[]>>;
}

/** Days are held as 0 (1970-01-01) … MAX_DAY (2149): the per-query day tables stay small. */
const MAX_DAY = 0xffff;

function clampDay(day: number): number {
  return Math.max(0, Math.min(Math.floor(day), MAX_DAY));
}

/**
 * Day numbers as codes, two bytes a slot (0 … MAX_DAY): when vacancies open (a facet: its codes
 * count "posted within" and order "newest") and close (a requirement).
 */
class DayColumn implements CodeColumn {
  codes: Uint16Array;
  /** One more than the latest day held. */
  size = 0;

  constructor(
    capacity: number,
    /** Names the column in requirement keys. */
    private readonly name: string,
  ) {
    this.codes = new Uint16Array(capacity);
  }

  grow(capacity: number): void {
    this.codes = grown(this.codes, capacity);
  }

  set(slot: number, day: number): void {
    this.codes[slot] = day;
    if (day >= this.size) this.size = day + 1;
  }

  /** The requirement that a slot's day is `day` or later. */
  from(day: number): Requirement {
    const accept = new Uint8Array(MAX_DAY + 1);
    accept.fill(1, day);
    return { column: this, accept, key: `${this.name}>=${day}` };
  }
}

/** The facet columns' order in the counter (FacetCounter's column numbers). */
const OPENS_ON = 4;

/**
 * The vacancy search: the Korean text index (TextIndex) over title (heaviest), occupation,
 * company and the start of the description, with filters, disjunctive facet counts and sorts over
 * typed columns, one entry per dense slot. Without text, filters and counts start from the rarest
 * filter's postings (FacetCounter). Pure: documents in, results out.
 *
 * Memory: about 60 bytes a vacancy in columns and postings plus the text index's share (see
 * docs/search.md for the measured total and why the description is cut to `descriptionChars`).
 */
export class VacancyIndex {
  /** Characters of each description that are indexed. */
  readonly descriptionChars: number;
  private readonly text = new TextIndex<'title' | 'occupation' | 'company' | 'description'>({
    fields: { title: 4, occupation: 2, company: 2, description: 1 },
  });
  private readonly slots: Slots;
  private readonly occupation: SetFacet;
  private readonly dong: SetFacet;
  /** Wage band, employment type, career and education: one column (see JointFacet). */
  private readonly terms: JointFacet<'wageBand' | 'employmentType' | 'career' | 'education'>;
  private readonly targetGroup: SetFacet;
  /** Day numbers, clamped to 0 … MAX_DAY; closesOn MAX_DAY: never (until filled). */
  private readonly opensOn: DayColumn;
  private readonly closesOn: DayColumn;
  private readonly status: Labels;
  private readonly source: Labels;
  private readonly org: Labels;
  private employer: Int32Array;
  private wage: Float64Array;
  private lat: Float32Array;
  private lon: Float32Array;
  /** Postings and base counts of the facet columns, in the order of `facetColumns`. */
  private readonly counter: FacetCounter;

  constructor(options: { descriptionChars?: number; capacity?: number } = {}) {
    this.descriptionChars = options.descriptionChars ?? DEFAULT_DESCRIPTION_CHARS;
    const capacity = options.capacity ?? 1024;
    this.slots = new Slots(capacity, (n) => this.grow(n));
    this.occupation = new SetFacet(capacity);
    this.dong = new SetFacet(capacity);
    this.terms = new JointFacet(['wageBand', 'employmentType', 'career', 'education'], capacity);
    this.targetGroup = new SetFacet(capacity);
    this.opensOn = new DayColumn(capacity, 'opensOn');
    this.closesOn = new DayColumn(capacity, 'closesOn');
    this.status = new Labels(capacity, 'status');
    this.source = new Labels(capacity, 'source');
    this.org = new Labels(capacity, 'org');
    this.employer = new Int32Array(capacity);
    this.wage = new Float64Array(capacity);
    this.lat = new Float32Array(capacity);
    this.lon = new Float32Array(capacity);
    this.counter = new FacetCounter(this.slots, this.facetColumns(), [OPENS_ON]);
  }

  /** Vacancies held. */
  get size(): number {
    return this.slots.size;
  }

  /** Whether a vacancy is held. */
  has(id: number): boolean {
    return this.slots.slot(id) >= 0;
  }

  /** Adds a vacancy, or replaces the one with its id. */
  set(document: VacancyDocument): void {
    const known = this.slots.slot(document.id);
    let slot = known;
    if (known >= 0) this.counter.move(known, () => this.setColumns(document));
    else {
      slot = this.setColumns(document);
      this.counter.admit(slot);
    }
    this.text.set(slot, this.textOf(document));
  }

  /**
   * Adds many vacancies at once, much faster than one by one into an empty index (the text
   * index then sizes its lists exactly). A later document with the same id wins.
   */
  setAll(documents: Iterable<VacancyDocument>): void {
    // In id order, so slots follow ids (see Slots).
    const sorted = [...documents].sort((a, b) => a.id - b.id);
    const slots = sorted.map((d) => this.setColumns(d));
    this.counter.rebuild();
    // One document's fields at a time: the text index keeps only their normalised text.
    this.text.setAll(
      (function* (index: VacancyIndex) {
        for (let i = 0; i < sorted.length; i++) yield { id: slots[i]!, document: index.textOf(sorted[i]!) };
      })(this),
    );
  }

  /** Removes a vacancy; returns whether it was held. */
  remove(id: number): boolean {
    const slot = this.slots.slot(id);
    if (slot < 0) return false;
    this.counter.release(slot);
    this.slots.release(id);
    this.text.remove(slot);
    return true;
  }

  /** The ids held, in no particular order (for the server's consistency checks). */
  ids(): number[] {
    const out: number[] = [];
    for (let s = 0; s < this.slots.end; s++) if (this.slots.alive[s]) out.push(this.slots.ids[s]!);
    return out;
  }

  /** Counts for capacity planning: the text index's, and the documents held. */
  stats() {
    return { ...this.text.stats(), slots: this.slots.end };
  }

  /** Searches: filters, the page of hits in the asked order, and facet counts. */
  search(query: VacancyQuery): VacancyResult {
    const offset = Math.max(0, query.offset ?? 0);
    const limit = Math.max(0, query.limit ?? 20);
    const hasText = query.q !== undefined && parseQuery(query.q).length > 0;
    // The text index is keyed by slot: its matches are candidate slots as they are.
    const candidates = hasText ? this.text.candidates(query.q!) : null;
    const counting = query.facets !== false;
    const requirements = this.requirements(query);
    const extra = this.extraFilter(query);

    const today = query.today;
    const days = this.opensOn.size;
    let postedAccept: Uint8Array | null = null;
    if (query.postedWithin) {
      postedAccept = new Uint8Array(days);
      const window = POSTED_WITHIN_DAYS[query.postedWithin];
      for (let d = 0; d < days; d++) if (today - d < window) postedAccept[d] = 1;
    }
    const termsSelected = {
      wageBand: query.wageBand,
      employmentType: query.employmentType,
      career: query.career,
      education: query.education,
    };
    // In the order of facetColumns().
    const accepts = [
      this.occupation.accept(query.occupation),
      this.dong.accept(query.dong),
      this.terms.accept(termsSelected),
      this.targetGroup.accept(query.targetGroup),
      postedAccept,
    ];

    const near = query.near;
    const distanceOf = (slot: number): number | null => {
      if (!near || Number.isNaN(this.lat[slot]!)) return null;
      return distanceKm(near.lat, near.lon, this.lat[slot]!, this.lon[slot]!);
    };
    const sort = query.sort ?? 'relevance';
    const order = sort === 'relevance' ? 'newest' : sort;
    let total: number;
    let hists: Uint32Array[] | null;
    let hits: VacancyHit[];
    if (candidates === null && extra === null) {
      const counted = this.counter.count({
        requirements,
        accepts,
        counting,
        // "Posted within" reads the counts of the last 30 days only.
        countFrom: [0, 0, 0, 0, Math.max(0, today - POSTED_WINDOW_MAX + 1)],
        orderBy: order === 'newest' ? OPENS_ON : null,
        offset,
        limit,
      });
      total = counted.total;
      hists = counted.hists;
      const page = counted.page ?? this.page(counted.matched!, order, near, offset, limit);
      hits = page.map((slot) => ({ id: this.slots.ids[slot]!, score: 0, distanceKm: distanceOf(slot) }));
    } else {
      const columns = this.facetColumns();
      hists = counting ? columns.map((c) => new Uint32Array(c.size)) : null;
      const matched = scan(
        candidates && [candidates],
        this.slots.end,
        this.slots.alive,
        requirements,
        extra,
        columns.map((c, i) => ({ codes: c.codes, accept: accepts[i]!, hist: hists?.[i] ?? null })),
      );
      total = matched.length;
      if (sort === 'relevance' && hasText) {
        // The matches are checked slots in ascending order: ranked as they are, nothing read twice.
        const ranked = this.text.rank(query.q!, matched, {
          offset,
          limit,
          ...(query.maxRanked === undefined ? {} : { maxRanked: query.maxRanked }),
        });
        hits = ranked.map((h) => ({
          id: this.slots.ids[h.id]!,
          score: h.score,
          distanceKm: distanceOf(h.id),
        }));
      } else {
        hits = this.page(matched, order, near, offset, limit).map((slot) => ({
          id: this.slots.ids[slot]!,
          score: 0,
          distanceKm: distanceOf(slot),
        }));
      }
    }

    const facets: VacancyResult['facets'] = {};
    if (hists) {
      facets.occupationGroup = this.occupation.counts(hists[0]!, query.occupation);
      facets.dong = this.dong.counts(hists[1]!, query.dong);
      Object.assign(facets, this.terms.counts(hists[2]!, termsSelected));
      facets.targetGroup = this.targetGroup.counts(hists[3]!, query.targetGroup);
      facets.postedWithin = postedCounts(hists[OPENS_ON]!, today, query.postedWithin);
    }
    return { total, hits, facets };
  }

  /** The facet columns, in the order of the counter and of `search`'s accept tables. */
  private facetColumns(): CodeColumn[] {
    return [this.occupation, this.dong, this.terms, this.targetGroup, this.opensOn];
  }

  /** A page of matched slots in a sort order other than relevance. */
  private page(
    matched: Uint32Array,
    order: 'newest' | 'wage' | 'distance',
    near: LatLon | undefined,
    offset: number,
    limit: number,
  ): number[] {
    if (order === 'distance') {
      return topByKey(matched, this.distanceKeys(matched, near), this.slots.ids, offset, limit);
    }
    const column = order === 'wage' ? this.wage : this.opensOn.codes;
    return topBySlotKey(matched, column, this.slots.ids, offset, limit);
  }

  /** The constraints that are not facets but look codes up like them: status, dates, organisation, source. */
  private requirements(query: VacancyQuery): Requirement[] {
    const out: Requirement[] = [];
    if (query.status && query.status.length > 0) out.push(this.status.require(query.status));
    if (query.orgId !== undefined) out.push(this.org.require([String(query.orgId)]));
    if (query.source !== undefined) out.push(this.source.require([query.source]));
    if (query.openOn !== undefined) out.push(this.closesOn.from(clampDay(query.openOn)));
    return out;
  }

  /** The other constraints, as one test per slot (null when there are none). */
  private extraFilter(query: VacancyQuery): ((slot: number) => boolean) | null {
    const tests: ((slot: number) => boolean)[] = [];
    if (query.employerId !== undefined) {
      const id = query.employerId;
      const employer = this.employer;
      tests.push((slot) => employer[slot] === id);
    }
    if (query.minMonthlyWage !== undefined) {
      const min = query.minMonthlyWage;
      const wage = this.wage;
      tests.push((slot) => wage[slot]! >= min);
    }
    if (query.withinKm !== undefined) {
      const near = query.near;
      if (!near) throw new RangeError('withinKm needs near');
      const km = query.withinKm;
      const { dLat, dLon } = boxAround(near, km);
      const lat = this.lat;
      const lon = this.lon;
      tests.push((slot) => {
        const la = lat[slot]!;
        const lo = lon[slot]!;
        // NaN (no place) fails both comparisons.
        if (!(Math.abs(la - near.lat) <= dLat && Math.abs(lo - near.lon) <= dLon)) return false;
        return distanceKm(near.lat, near.lon, la, lo) <= km;
      });
    }
    if (tests.length === 0) return null;
    if (tests.length === 1) return tests[0]!;
    return (slot) => {
      for (let i = 0; i < tests.length; i++) if (!tests[i]!(slot)) return false;
      return true;
    };
  }

  /** Each matched slot's sort key for `distance`: minus the distance, unknown places last. */
  private distanceKeys(matched: Uint32Array, near: LatLon | undefined): Float64Array {
    if (!near) throw new RangeError('sorting by distance needs near');
    const keys = new Float64Array(matched.length);
    for (let i = 0; i < matched.length; i++) {
      const slot = matched[i]!;
      const lat = this.lat[slot]!;
      keys[i] = Number.isNaN(lat)
        ? Number.NEGATIVE_INFINITY
        : -distanceKm(near.lat, near.lon, lat, this.lon[slot]!);
    }
    return keys;
  }

  private setColumns(d: VacancyDocument): number {
    const slot = this.slots.acquire(d.id);
    const path = d.occupationPath;
    this.occupation.set(slot, path, path.length > 0 ? [path[0]!] : []);
    this.dong.set(slot, d.dong === null ? [] : [d.dong]);
    this.terms.set(slot, {
      wageBand: wageBandOf(d.monthlyWage),
      employmentType: d.employmentType,
      career: d.career,
      education: d.education,
    });
    this.targetGroup.set(slot, d.targetGroups);
    this.status.set(slot, d.status);
    this.source.set(slot, d.source ?? 'own');
    this.org.set(slot, String(d.orgId));
    this.employer[slot] = d.employerId;
    this.wage[slot] = d.monthlyWage;
    this.opensOn.set(slot, clampDay(d.opensOn));
    this.closesOn.set(slot, d.closesOn === null ? MAX_DAY : clampDay(d.closesOn));
    this.lat[slot] = d.lat ?? Number.NaN;
    this.lon[slot] = d.lon ?? Number.NaN;
    return slot;
  }

  private textOf(d: VacancyDocument) {
    return {
      title: d.title,
      occupation: d.occupation,
      company: d.company,
      description: d.description ? d.description.slice(0, this.descriptionChars) : null,
    };
  }

  private grow(capacity: number): void {
    for (const column of [this.occupation, this.dong, this.terms, this.targetGroup]) column.grow(capacity);
    for (const column of [this.opensOn, this.closesOn, this.status, this.source, this.org])
      column.grow(capacity);
    this.employer = grown(this.employer, capacity);
    this.wage = grown(this.wage, capacity);
    this.lat = grown(this.lat, capacity);
    this.lon = grown(this.lon, capacity);
  }
}

/** Characters of a description indexed by default (see docs/search.md for the measurement). */
export const DEFAULT_DESCRIPTION_CHARS = 80;

/** Counts per opening day → counts per window (a vacancy is in every window it is recent enough for). */
function postedCounts(hist: Uint32Array, today: number, selected: PostedWithin | undefined): FacetCount[] {
  const out: FacetCount[] = [];
  for (const [value, window] of Object.entries(POSTED_WITHIN_DAYS)) {
    let count = 0;
    for (let d = Math.max(0, today - window + 1); d < hist.length; d++) count += hist[d]!;
    if (count > 0 || value === selected) out.push({ value, count });
  }
  return out;
}
