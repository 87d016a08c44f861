import { distanceKm } from '../search/geo.js';
import { grown, Interner } from './intern.js';
import { Posting, Tally } from './postings.js';
import { careerMonths, type Idf } from './score.js';
import type { MatchSeeker, MatchVacancy, OccupationPath } from './types.js';

/**
 * The matcher's documents and candidate lists (#5). Documents live in dense slots; what many of
 * them share (occupation paths, skill lists, working conditions, group lists, grid cells) is
 * interned once, so a query computes each such value once and reads it by id. Candidates are
 * listed in postings (postings.ts) per organisation and occupation scheme (a `Space`: pairs
 * across spaces never match), by occupation × ~1 km grid cell, and for vacancies by skill list,
 * for seekers by place of preference and whether they list any skill; the postings of one
 * occupation (for seekers: at one place) form a `Group` with summaries that bound its documents. Only open vacancies and active seekers with the
 * recommendation consent are listed: nothing else can be recommended. The walks
 * (walk-vacancies.ts, walk-seekers.ts) read it; `Matcher` writes it.
 */

/** Grid cells of about 1 km (0.009° of latitude, 0.01125° of longitude at 37° N). */
export const CELL_LAT = 0.009;
export const CELL_LON = 0.01125;

/** The order key of a seeker in a posting: the commute limit, no limit sorting first. */
export const UNLIMITED_COMMUTE = 1e9;
/** The occupation list of seekers without a desired occupation. */
export const NO_OCCUPATION = -1;

// The records postings keep (see postings.ts): vacancies…
export const V_ID = 0;
/** closesOn, or +Infinity. */
export const V_CLOSES = 1;
export const V_WAGE = 2;
export const V_EDUCATION = 3;
export const V_MIN_CAREER = 4;
/** Coordinates, or NaN. */
export const V_LAT = 5;
export const V_LON = 6;
const V_NUMBERS = 7;
export const V_ELIGIBLE = 0;
export const V_PREFERRED = 1;
export const V_CONDITIONS = 2;
const V_INTS = 3;
// …and seekers.
export const S_ID = 0;
/** The desired wage, or NaN. */
export const S_WAGE = 1;
export const S_EDUCATION = 2;
export const S_MONTHS = 3;
export const S_LAT = 4;
export const S_LON = 5;
export const S_COMMUTE = 6;
const S_NUMBERS = 7;
/** 1: the desired wage is a firm minimum. */
export const S_FIRM = 0;
export const S_SKILLS = 1;
export const S_GROUPS = 2;
export const S_CONDITIONS = 3;
const S_INTS = 4;

/** A grid cell's row and column (null: coordinates unknown). */
export type Cell = { i: number; j: number } | null;

/** A lower bound of the distance from a point to anywhere in a cell (km; 0 inside it). */
export function cellDistance(lat: number, lon: number, cell: { i: number; j: number }): number {
  const clampedLat = Math.min(Math.max(lat, cell.i * CELL_LAT), (cell.i + 1) * CELL_LAT);
  const clampedLon = Math.min(Math.max(lon, cell.j * CELL_LON), (cell.j + 1) * CELL_LON);
  // A little under the haversine to the nearest corner or edge point, for safety.
  return Math.max(0, distanceKm(lat, lon, clampedLat, clampedLon) * 0.99 - 0.01);
}

export const spaceKey = (orgId: number, scheme: string) => `${orgId}\u0000${scheme}`;
const occupationKey = (scheme: string, path: OccupationPath) => `${scheme}\u0000${path.join('\u0001')}`;
/** The top-level code of an occupation: occupations under different ones share nothing. */
export const topCode = (path: OccupationPath) => path[0] ?? '';

/** Open vacancies of one occupation, cell and skill list; summaries bound the wage and education parts. */
export class VacancyPosting extends Posting {
  maxWage = Number.NEGATIVE_INFINITY;
  minEducation = Number.POSITIVE_INFINITY;
  minCareer = Number.POSITIVE_INFINITY;
  readonly conditions = new Tally();
  readonly eligible = new Tally();
  readonly preferred = new Tally();

  constructor(
    occupation: number,
    cell: number,
    /** The vacancies' skill list (interned). */
    readonly skills: number,
  ) {
    super(occupation, cell, V_NUMBERS, V_INTS);
  }
}

/**
 * Active, recommendable seekers desiring one occupation as their `choice`-th, in one cell, who
 * list skills or certificates (`withItems`) or not: the items they hold between them bound the
 * skills part for a vacancy that asks for some.
 */
export class SeekerPosting extends Posting {
  /** The lowest desired wage (0 for none), highest education and career months. */
  minWage = Number.POSITIVE_INFINITY;
  maxEducation = Number.NEGATIVE_INFINITY;
  maxMonths = Number.NEGATIVE_INFINITY;
  /** Skills and certificates held by the seekers here, with how many hold each. */
  readonly items = new Map<string, number>();
  readonly conditions = new Tally();
  readonly groups = new Tally();

  constructor(
    occupation: number,
    cell: number,
    readonly choice: number,
    readonly withItems: boolean,
  ) {
    super(occupation, cell, S_NUMBERS, S_INTS);
  }
}

/**
 * The postings of one occupation (for seekers: one occupation at one place of preference) with
 * summaries over all of them.
 */
export class Group<P extends Posting> {
  readonly postings: P[] = [];
  /** Vacancies: the highest wage; seekers: the lowest desired wage. */
  wage: number;
  /** Vacancies: the lowest required education; seekers: the highest education. */
  education: number;
  /** Vacancies: the lowest required career months; seekers: the most career months. */
  months: number;
  /** The largest key (vacancies: the newest opening day). */
  newest = Number.NEGATIVE_INFINITY;
  /** Removed from: the summaries may be loose (still bounds) until refreshed. */
  stale = false;
  readonly conditions = new Tally();
  /** Vacancies: their preferred groups; seekers: their groups. */
  readonly groups = new Tally();

  constructor(
    vacancies: boolean,
    /** The occupation (interned), or NO_OCCUPATION. */
    readonly occupation: number,
    /** The place of the occupation among a seeker's desired ones (0 for vacancies). */
    readonly choice: number,
    /** The occupation's top-level code (null for NO_OCCUPATION). */
    readonly top: string | null,
  ) {
    this.wage = vacancies ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    this.education = vacancies ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    this.months = this.education;
  }
}

/** The documents of one organisation and occupation scheme. */
export class Space {
  readonly vacancyPostings = new Map<string, VacancyPosting>();
  /** By occupation. */
  readonly vacancyGroups = new Map<number, Group<VacancyPosting>>();
  /** The groups by their top-level code. */
  readonly vacancyTops = new Map<string, Set<Group<VacancyPosting>>>();
  readonly seekerPostings = new Map<string, SeekerPosting>();
  /** By occupation and place of preference. */
  readonly seekerGroups = new Map<string, Group<SeekerPosting>>();
  readonly seekerTops = new Map<string, Set<Group<SeekerPosting>>>();
}

const addTo = <T>(tops: Map<string, Set<T>>, top: string, group: T) => {
  let set = tops.get(top);
  if (!set) {
    set = new Set();
    tops.set(top, set);
  }
  set.add(group);
};

const removeFrom = <T>(tops: Map<string, Set<T>>, top: string, group: T) => {
  const set = tops.get(top);
  if (!set) return;
  set.delete(group);
  if (set.size === 0) tops.delete(top);
};

export class MatchStore {
  readonly occupations = new Interner<OccupationPath>();
  readonly cells = new Interner<Cell>();
  readonly groupLists = new Interner<readonly string[]>();
  /** Vacancies by their skill lists (the four of them) and by their conditions: one document stands for each. */
  readonly vacancySkills = new Interner<MatchVacancy>();
  readonly vacancyConditions = new Interner<MatchVacancy>();
  readonly seekerSkills = new Interner<MatchSeeker>();
  readonly seekerConditions = new Interner<MatchSeeker>();
  readonly spaces = new Map<string, Space>();

  // Vacancy slots: the documents and the interned ids they hold.
  readonly vacancySlots = new Map<number, number>();
  readonly vacancyDocs: (MatchVacancy | undefined)[] = [];
  private readonly vacancyFree: number[] = [];
  private vOccupation = new Int32Array(0);
  private vSkills = new Int32Array(0);
  private vConditions = new Int32Array(0);
  private vEligible = new Int32Array(0);
  private vPreferred = new Int32Array(0);
  private vCell = new Int32Array(0);

  // Seeker slots.
  readonly seekerSlots = new Map<number, number>();
  readonly seekerDocs: (MatchSeeker | undefined)[] = [];
  private readonly seekerFree: number[] = [];
  private sSkills = new Int32Array(0);
  private sConditions = new Int32Array(0);
  private sGroups = new Int32Array(0);
  private sCell = new Int32Array(0);
  /** A seeker's desired occupations then careers (interned, with months), in `pool*` from sStart. */
  sStart = new Int32Array(0);
  sDesired = new Int32Array(0);
  sCareers = new Int32Array(0);
  poolOccupation = new Int32Array(0);
  poolMonths = new Float64Array(0);
  private poolLength = 0;
  private poolGarbage = 0;

  /** Document frequency of skills and certificates over both sides. */
  private readonly df = new Map<string, number>();
  private readonly idfCache = new Map<string, number>();
  /** Inverse document frequency over the current documents of both sides. */
  readonly idf: Idf = (item) => {
    let value = this.idfCache.get(item);
    if (value === undefined) {
      const n = this.vacancySlots.size + this.seekerSlots.size;
      value = Math.log(1 + (n + 1) / ((this.df.get(item) ?? 0) + 1));
      this.idfCache.set(item, value);
    }
    return value;
  };

  /** Appending to postings out of order, sorted once at the end (setAll*). */
  private bulk = false;
  private readonly numbers = new Float64Array(Math.max(V_NUMBERS, S_NUMBERS));
  private readonly ints = new Int32Array(Math.max(V_INTS, S_INTS));

  /** One more than the largest seeker slot (the length of arrays indexed by slot). */
  get seekerCapacity(): number {
    return this.seekerDocs.length;
  }

  vacancy(id: number): MatchVacancy | undefined {
    const slot = this.vacancySlots.get(id);
    return slot === undefined ? undefined : this.vacancyDocs[slot];
  }

  seeker(id: number): MatchSeeker | undefined {
    const slot = this.seekerSlots.get(id);
    return slot === undefined ? undefined : this.seekerDocs[slot];
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

  private space(orgId: number, scheme: string): Space {
    const k = spaceKey(orgId, scheme);
    let space = this.spaces.get(k);
    if (!space) {
      space = new Space();
      this.spaces.set(k, space);
    }
    return space;
  }

  private cell(lat: number | null, lon: number | null): number {
    if (lat === null || lon === null) return this.cells.acquire('?', () => null);
    const i = Math.floor(lat / CELL_LAT);
    const j = Math.floor(lon / CELL_LON);
    return this.cells.acquire(`${i},${j}`, () => ({ i, j }));
  }

  private occupation(scheme: string, path: OccupationPath): number {
    return this.occupations.acquire(occupationKey(scheme, path), () => path);
  }

  /** Runs `load` appending to postings, then puts every posting in order. */
  bulkLoad(load: () => void): void {
    this.bulk = true;
    try {
      load();
    } finally {
      this.bulk = false;
      for (const space of this.spaces.values()) {
        for (const p of space.vacancyPostings.values()) p.sort();
        for (const p of space.seekerPostings.values()) p.sort();
      }
    }
  }

  // --- Vacancies --------------------------------------------------------------------------------

  setVacancy(v: MatchVacancy): void {
    this.removeVacancy(v.id);
    const slot = this.vacancyFree.pop() ?? this.vacancyDocs.length;
    if (slot >= this.vOccupation.length) {
      const size = slot + 1;
      this.vOccupation = grown(this.vOccupation, size);
      this.vSkills = grown(this.vSkills, size);
      this.vConditions = grown(this.vConditions, size);
      this.vEligible = grown(this.vEligible, size);
      this.vPreferred = grown(this.vPreferred, size);
      this.vCell = grown(this.vCell, size);
    }
    this.vacancySlots.set(v.id, slot);
    this.vacancyDocs[slot] = v;
    this.vOccupation[slot] = this.occupation(v.occupationScheme, v.occupation);
    this.vSkills[slot] = this.vacancySkills.acquire(
      JSON.stringify([v.requiredSkills, v.requiredCertificates, v.preferredSkills, v.preferredCertificates]),
      () => v,
    );
    this.vConditions[slot] = this.vacancyConditions.acquire(
      JSON.stringify([v.weeklyHours, v.shifts, v.employmentType]),
      () => v,
    );
    this.vEligible[slot] = this.groupLists.acquire(JSON.stringify(v.eligibleGroups), () => v.eligibleGroups);
    this.vPreferred[slot] = this.groupLists.acquire(
      JSON.stringify(v.preferredGroups),
      () => v.preferredGroups,
    );
    this.vCell[slot] = this.cell(v.lat, v.lon);
    if (v.status === 'open') this.listVacancy(v, slot, true);
    this.count(
      [...v.requiredSkills, ...v.preferredSkills, ...v.requiredCertificates, ...v.preferredCertificates],
      1,
    );
  }

  removeVacancy(id: number): void {
    const slot = this.vacancySlots.get(id);
    if (slot === undefined) return;
    const v = this.vacancyDocs[slot]!;
    if (v.status === 'open') this.listVacancy(v, slot, false);
    this.occupations.release(this.vOccupation[slot]!);
    this.vacancySkills.release(this.vSkills[slot]!);
    this.vacancyConditions.release(this.vConditions[slot]!);
    this.groupLists.release(this.vEligible[slot]!);
    this.groupLists.release(this.vPreferred[slot]!);
    this.cells.release(this.vCell[slot]!);
    this.vacancySlots.delete(id);
    this.vacancyDocs[slot] = undefined;
    this.vacancyFree.push(slot);
    this.count(
      [...v.requiredSkills, ...v.preferredSkills, ...v.requiredCertificates, ...v.preferredCertificates],
      -1,
    );
  }

  /** Lists (or unlists) an open vacancy in the posting of its occupation, cell and skill list. */
  private listVacancy(v: MatchVacancy, slot: number, add: boolean) {
    const space = this.space(v.orgId, v.occupationScheme);
    const occupation = this.vOccupation[slot]!;
    const conditions = this.vConditions[slot]!;
    const eligible = this.vEligible[slot]!;
    const preferred = this.vPreferred[slot]!;
    const k = `${occupation}/${this.vCell[slot]}/${this.vSkills[slot]}`;
    let posting = space.vacancyPostings.get(k);
    let group = space.vacancyGroups.get(occupation);
    if (!add) {
      if (!posting || !group) return;
      posting.remove(slot, v.opensOn);
      posting.conditions.remove(conditions);
      posting.eligible.remove(eligible);
      posting.preferred.remove(preferred);
      group.conditions.remove(conditions);
      group.groups.remove(preferred);
      group.stale = true;
      if (posting.length > 0) return;
      space.vacancyPostings.delete(k);
      group.postings.splice(group.postings.indexOf(posting), 1);
      if (group.postings.length > 0) return;
      space.vacancyGroups.delete(occupation);
      removeFrom(space.vacancyTops, topCode(v.occupation), group);
      return;
    }
    if (!group) {
      group = new Group<VacancyPosting>(true, occupation, 0, topCode(v.occupation));
      space.vacancyGroups.set(occupation, group);
      addTo(space.vacancyTops, topCode(v.occupation), group);
    }
    if (!posting) {
      posting = new VacancyPosting(occupation, this.vCell[slot]!, this.vSkills[slot]!);
      space.vacancyPostings.set(k, posting);
      group.postings.push(posting);
    }
    const { numbers, ints } = this;
    numbers[V_ID] = v.id;
    numbers[V_CLOSES] = v.closesOn ?? Number.POSITIVE_INFINITY;
    numbers[V_WAGE] = v.monthlyWage;
    numbers[V_EDUCATION] = v.education;
    numbers[V_MIN_CAREER] = v.minCareerMonths;
    numbers[V_LAT] = v.lat ?? Number.NaN;
    numbers[V_LON] = v.lon ?? Number.NaN;
    ints[V_ELIGIBLE] = eligible;
    ints[V_PREFERRED] = preferred;
    ints[V_CONDITIONS] = conditions;
    posting.add(slot, v.opensOn, numbers, ints, !this.bulk);
    posting.conditions.add(conditions);
    posting.eligible.add(eligible);
    posting.preferred.add(preferred);
    group.conditions.add(conditions);
    group.groups.add(preferred);
    posting.maxWage = Math.max(posting.maxWage, v.monthlyWage);
    posting.minEducation = Math.min(posting.minEducation, v.education);
    posting.minCareer = Math.min(posting.minCareer, v.minCareerMonths);
    group.wage = Math.max(group.wage, v.monthlyWage);
    group.education = Math.min(group.education, v.education);
    group.months = Math.min(group.months, v.minCareerMonths);
    group.newest = Math.max(group.newest, v.opensOn);
  }

  /** Tightens a vacancy group's summaries (and its postings') again after removals. */
  static refreshVacancyGroup(group: Group<VacancyPosting>): void {
    group.wage = Number.NEGATIVE_INFINITY;
    group.education = Number.POSITIVE_INFINITY;
    group.months = Number.POSITIVE_INFINITY;
    group.newest = Number.NEGATIVE_INFINITY;
    for (const p of group.postings) {
      p.sort();
      if (p.length) group.newest = Math.max(group.newest, p.keys[0]!);
      if (p.stale) {
        p.maxWage = Number.NEGATIVE_INFINITY;
        p.minEducation = Number.POSITIVE_INFINITY;
        p.minCareer = Number.POSITIVE_INFINITY;
        for (let r = 0; r < p.length * V_NUMBERS; r += V_NUMBERS) {
          p.maxWage = Math.max(p.maxWage, p.numbers[r + V_WAGE]!);
          p.minEducation = Math.min(p.minEducation, p.numbers[r + V_EDUCATION]!);
          p.minCareer = Math.min(p.minCareer, p.numbers[r + V_MIN_CAREER]!);
        }
        p.stale = false;
      }
      group.wage = Math.max(group.wage, p.maxWage);
      group.education = Math.min(group.education, p.minEducation);
      group.months = Math.min(group.months, p.minCareer);
    }
    group.stale = false;
  }

  // --- Seekers ----------------------------------------------------------------------------------

  setSeeker(s: MatchSeeker): void {
    this.removeSeeker(s.id);
    const slot = this.seekerFree.pop() ?? this.seekerDocs.length;
    if (slot >= this.sSkills.length) {
      const size = slot + 1;
      this.sSkills = grown(this.sSkills, size);
      this.sConditions = grown(this.sConditions, size);
      this.sGroups = grown(this.sGroups, size);
      this.sCell = grown(this.sCell, size);
      this.sStart = grown(this.sStart, size);
      this.sDesired = grown(this.sDesired, size);
      this.sCareers = grown(this.sCareers, size);
    }
    this.seekerSlots.set(s.id, slot);
    this.seekerDocs[slot] = s;
    this.sSkills[slot] = this.seekerSkills.acquire(JSON.stringify([s.skills, s.certificates]), () => s);
    this.sConditions[slot] = this.seekerConditions.acquire(
      JSON.stringify([s.weeklyHours, s.shifts, s.employmentTypes]),
      () => s,
    );
    this.sGroups[slot] = this.groupLists.acquire(JSON.stringify(s.groups), () => s.groups);
    this.sCell[slot] = this.cell(s.lat, s.lon);
    this.poolAppend(s, slot);
    if (s.status === 'active' && s.recommendable) this.listSeeker(s, slot, true);
    this.count([...s.skills, ...s.certificates], 1);
  }

  removeSeeker(id: number): void {
    const slot = this.seekerSlots.get(id);
    if (slot === undefined) return;
    const s = this.seekerDocs[slot]!;
    if (s.status === 'active' && s.recommendable) this.listSeeker(s, slot, false);
    this.seekerSkills.release(this.sSkills[slot]!);
    this.seekerConditions.release(this.sConditions[slot]!);
    this.groupLists.release(this.sGroups[slot]!);
    this.cells.release(this.sCell[slot]!);
    const start = this.sStart[slot]!;
    const n = this.sDesired[slot]! + this.sCareers[slot]!;
    for (let i = start; i < start + n; i++) this.occupations.release(this.poolOccupation[i]!);
    this.poolGarbage += n;
    this.seekerSlots.delete(id);
    this.seekerDocs[slot] = undefined;
    this.seekerFree.push(slot);
    this.count([...s.skills, ...s.certificates], -1);
  }

  /** Stores a seeker's desired and career occupations (interned) in the pool. */
  private poolAppend(s: MatchSeeker, slot: number) {
    const n = s.desired.length + s.careers.length;
    if (this.poolGarbage > 4096 && this.poolGarbage > this.poolLength / 2) this.poolCompact();
    this.poolOccupation = grown(this.poolOccupation, this.poolLength + n);
    this.poolMonths = grown(this.poolMonths, this.poolLength + n);
    this.sStart[slot] = this.poolLength;
    this.sDesired[slot] = s.desired.length;
    this.sCareers[slot] = s.careers.length;
    for (const path of s.desired) {
      this.poolOccupation[this.poolLength] = this.occupation(s.occupationScheme, path);
      this.poolMonths[this.poolLength++] = 0;
    }
    for (const c of s.careers) {
      this.poolOccupation[this.poolLength] = this.occupation(s.occupationScheme, c.occupation);
      this.poolMonths[this.poolLength++] = c.months;
    }
  }

  /** Drops the pool entries of removed seekers. */
  private poolCompact() {
    const occupation = new Int32Array(this.poolOccupation.length);
    const months = new Float64Array(this.poolMonths.length);
    let at = 0;
    for (const slot of this.seekerSlots.values()) {
      const start = this.sStart[slot]!;
      const n = this.sDesired[slot]! + this.sCareers[slot]!;
      occupation.set(this.poolOccupation.subarray(start, start + n), at);
      months.set(this.poolMonths.subarray(start, start + n), at);
      this.sStart[slot] = at;
      at += n;
    }
    this.poolOccupation = occupation;
    this.poolMonths = months;
    this.poolLength = at;
    this.poolGarbage = 0;
  }

  /** Lists (or unlists) a seeker under each distinct desired occupation, at its first place. */
  private listSeeker(s: MatchSeeker, slot: number, add: boolean) {
    const space = this.space(s.orgId, s.occupationScheme);
    const start = this.sStart[slot]!;
    const cell = this.sCell[slot]!;
    const conditions = this.sConditions[slot]!;
    const groups = this.sGroups[slot]!;
    const items = [...new Set([...s.skills, ...s.certificates])];
    const key = s.commuteKm > 0 ? s.commuteKm : UNLIMITED_COMMUTE;
    const months = careerMonths(s);
    const { numbers, ints } = this;
    numbers[S_ID] = s.id;
    numbers[S_WAGE] = s.desiredMonthlyWage ?? Number.NaN;
    numbers[S_EDUCATION] = s.education;
    numbers[S_MONTHS] = months;
    numbers[S_LAT] = s.lat ?? Number.NaN;
    numbers[S_LON] = s.lon ?? Number.NaN;
    numbers[S_COMMUTE] = s.commuteKm;
    ints[S_FIRM] = s.wageFirm && s.desiredMonthlyWage !== null ? 1 : 0;
    ints[S_SKILLS] = this.sSkills[slot]!;
    ints[S_GROUPS] = groups;
    ints[S_CONDITIONS] = conditions;
    const listed: number[] = [];
    const under = (occupation: number, choice: number, top: string | null) => {
      if (listed.includes(occupation)) return;
      listed.push(occupation);
      const k = `${occupation}/${choice}/${cell}/${items.length > 0 ? 1 : 0}`;
      const groupKey = `${occupation}/${choice}`;
      let posting = space.seekerPostings.get(k);
      let group = space.seekerGroups.get(groupKey);
      if (!add) {
        if (!posting || !group) return;
        posting.remove(slot, key);
        posting.conditions.remove(conditions);
        posting.groups.remove(groups);
        group.conditions.remove(conditions);
        group.groups.remove(groups);
        for (const item of items) {
          const n = posting.items.get(item)! - 1;
          if (n > 0) posting.items.set(item, n);
          else posting.items.delete(item);
        }
        group.stale = true;
        if (posting.length > 0) return;
        space.seekerPostings.delete(k);
        group.postings.splice(group.postings.indexOf(posting), 1);
        if (group.postings.length > 0) return;
        space.seekerGroups.delete(groupKey);
        if (top !== null) removeFrom(space.seekerTops, top, group);
        return;
      }
      if (!group) {
        group = new Group<SeekerPosting>(false, occupation, choice, top);
        space.seekerGroups.set(groupKey, group);
        if (top !== null) addTo(space.seekerTops, top, group);
      }
      if (!posting) {
        posting = new SeekerPosting(occupation, cell, choice, items.length > 0);
        space.seekerPostings.set(k, posting);
        group.postings.push(posting);
      }
      posting.add(slot, key, numbers, ints, !this.bulk);
      posting.conditions.add(conditions);
      posting.groups.add(groups);
      group.conditions.add(conditions);
      group.groups.add(groups);
      for (const item of items) posting.items.set(item, (posting.items.get(item) ?? 0) + 1);
      const wage = s.desiredMonthlyWage ?? 0;
      posting.minWage = Math.min(posting.minWage, wage);
      posting.maxEducation = Math.max(posting.maxEducation, s.education);
      posting.maxMonths = Math.max(posting.maxMonths, months);
      group.wage = Math.min(group.wage, wage);
      group.education = Math.max(group.education, s.education);
      group.months = Math.max(group.months, months);
    };
    for (let i = 0; i < s.desired.length; i++)
      under(this.poolOccupation[start + i]!, i, topCode(s.desired[i]!));
    if (s.desired.length === 0) under(NO_OCCUPATION, 0, null);
  }

  /** Tightens a seeker group's summaries (and its postings') again after removals. */
  static refreshSeekerGroup(group: Group<SeekerPosting>): void {
    group.wage = Number.POSITIVE_INFINITY;
    group.education = Number.NEGATIVE_INFINITY;
    group.months = Number.NEGATIVE_INFINITY;
    for (const p of group.postings) {
      if (p.stale) {
        p.minWage = Number.POSITIVE_INFINITY;
        p.maxEducation = Number.NEGATIVE_INFINITY;
        p.maxMonths = Number.NEGATIVE_INFINITY;
        for (let r = 0; r < p.length * S_NUMBERS; r += S_NUMBERS) {
          const wage = p.numbers[r + S_WAGE]!;
          p.minWage = Math.min(p.minWage, Number.isNaN(wage) ? 0 : wage);
          p.maxEducation = Math.max(p.maxEducation, p.numbers[r + S_EDUCATION]!);
          p.maxMonths = Math.max(p.maxMonths, p.numbers[r + S_MONTHS]!);
        }
        p.stale = false;
      }
      group.wage = Math.min(group.wage, p.minWage);
      group.education = Math.max(group.education, p.maxEducation);
      group.months = Math.max(group.months, p.maxMonths);
    }
    group.stale = false;
  }
}
