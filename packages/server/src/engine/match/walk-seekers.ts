import { distanceKm } from '../search/geo.js';
import type { Tally } from './postings.js';
import {
  CAREER_FULL_MONTHS,
  conditionsComponent,
  DESIRED_CHOICE_PENALTY,
  distanceComponent,
  employerSideOf,
  freshnessComponent,
  harmonic,
  holdsAll,
  levelFit,
  monthsFit,
  NO_SKILLS_ASKED,
  occupationBound,
  occupationOf,
  pathSimilarity,
  REQUIRED_ITEM_WEIGHT,
  seekerSideOf,
  sharesAny,
  skillsOverlap,
  UNKNOWN_DISTANCE,
  wageComponent,
} from './score.js';
import {
  Group,
  MatchStore,
  NO_OCCUPATION,
  S_COMMUTE,
  S_CONDITIONS,
  S_EDUCATION,
  S_FIRM,
  S_GROUPS,
  S_ID,
  S_LAT,
  S_LON,
  S_MONTHS,
  S_SKILLS,
  S_WAGE,
  type SeekerPosting,
  spaceKey,
  topCode,
  UNLIMITED_COMMUTE,
} from './store.js';
import { TopK } from './top-k.js';
import type { MatchOptions, MatchVacancy } from './types.js';
import { MAX_TALLY, type MatchStats, type Scratch, UNRELATED, Weighing } from './walk.js';

/**
 * The best candidate seekers for a vacancy, exact (#5; walk.ts explains the walk): the slots of
 * the top `limit` active, recommendable seekers by score, then id. With `prune` false every
 * posting is read to its end (the scan baseline).
 */
export function walkSeekers(
  store: MatchStore,
  scratch: Scratch,
  stats: MatchStats,
  v: MatchVacancy,
  options: MatchOptions,
  prune: boolean,
): TopK<number> {
  const walk = new SeekerWalk(store, scratch, v, options, prune);
  walk.run();
  stats.visited = walk.visited;
  stats.scored = walk.scored;
  stats.tiers = walk.tiers;
  return walk.top;
}

/** One query's walk; methods rather than closures, so the optimised code serves every query. */
class SeekerWalk {
  readonly top: TopK<number>;
  visited = 0;
  scored = 0;
  tiers = 0;
  private readonly weighing: Weighing;
  private readonly today: number;
  private readonly freshness: number;
  private readonly located: boolean;
  private readonly bestDistance: number;
  /** The vacancy's skills and certificates with their IDF weights (required ×2). */
  private readonly asked: { item: string; weight: number }[] = [];
  private readonly bestSkills: number;

  constructor(
    private readonly store: MatchStore,
    private readonly scratch: Scratch,
    private readonly v: MatchVacancy,
    options: MatchOptions,
    prune: boolean,
  ) {
    this.top = new TopK<number>(Math.max(0, options.limit));
    this.weighing = new Weighing(options, prune);
    this.today = options.today;
    this.freshness = freshnessComponent(v.opensOn, options.today);
    this.located = v.lat !== null && v.lon !== null;
    this.bestDistance = this.located ? 1 : UNKNOWN_DISTANCE;
    for (const [list, weight] of [
      [v.requiredSkills, REQUIRED_ITEM_WEIGHT],
      [v.requiredCertificates, REQUIRED_ITEM_WEIGHT],
      [v.preferredSkills, 1],
      [v.preferredCertificates, 1],
    ] as const)
      for (const item of list) this.asked.push({ item, weight: weight * store.idf(item) });
    this.bestSkills = this.asked.length ? 1 : NO_SKILLS_ASKED;
  }

  run(): void {
    const { store, scratch, v, top } = this;
    scratch.begin(store);
    const space = store.spaces.get(spaceKey(v.orgId, v.occupationScheme));
    if (!space || top.k === 0 || v.status !== 'open' || (v.closesOn !== null && v.closesOn < this.today))
      return;
    const frontier = scratch.frontier;
    const related = topCode(v.occupation);
    for (const group of space.seekerTops.get(related) ?? []) this.push(group);
    frontier.push(
      this.weighing.bound(occupationBound(0), this.bestSkills, this.bestDistance, 1, 1, 1, this.freshness, 1),
      UNRELATED,
    );
    while (frontier.size > 0) {
      const popped = frontier.topBound;
      if (top.full && top.worstScore > popped) break;
      const item = frontier.pop();
      if (item === UNRELATED) {
        for (const group of space.seekerGroups.values()) if (group.top !== related) this.push(group);
      } else if (item instanceof Group) this.expand(item as Group<SeekerPosting>);
      else {
        const p = item as SeekerPosting;
        if (p.refined !== scratch.query) {
          // First time on top: bound it again with its own items, conditions and groups.
          p.refined = scratch.query;
          const overlap = this.itemsBound(p);
          p.boundGroups = this.bestGroups(p.groups);
          if (overlap === null || p.boundGroups < 0) continue;
          p.boundSkills = overlap;
          p.boundConditions = this.bestConditions(p.conditions);
          const b = this.postingBound(p, p.boundSkills, p.boundConditions, p.boundGroups)!;
          if (b < popped) {
            frontier.push(b, p);
            continue;
          }
        }
        this.scan(p);
      }
    }
  }

  /** pathSimilarity of an occupation and the vacancy's. */
  private similarity(id: number): number {
    const memo = this.scratch.occupation;
    if (memo.stamps[id] !== memo.epoch) {
      memo.stamps[id] = memo.epoch;
      memo.values[id] = pathSimilarity(this.store.occupations.value(id), this.v.occupation);
    }
    return memo.values[id]!;
  }

  /** Where a seeker skill list's values start in the skills memo. */
  private skills(id: number): number {
    const memo = this.scratch.skills;
    if (memo.stamps[id] !== memo.epoch) {
      memo.stamps[id] = memo.epoch;
      const v = this.v;
      const rep = this.store.seekerSkills.value(id);
      const overlap = skillsOverlap(v, rep, this.store.idf);
      memo.values[3 * id] = holdsAll(v.requiredCertificates, rep.certificates) ? 1 : 0;
      memo.values[3 * id + 1] = overlap ?? NO_SKILLS_ASKED;
      memo.values[3 * id + 2] = overlap ?? 1;
    }
    return 3 * id;
  }

  private conditions(id: number): number {
    const memo = this.scratch.conditions;
    if (memo.stamps[id] !== memo.epoch) {
      memo.stamps[id] = memo.epoch;
      memo.values[id] = conditionsComponent(this.store.seekerConditions.value(id), this.v);
    }
    return memo.values[id]!;
  }

  /** Where a seeker group list's values start in the groups memo: [eligible, preferred group met]. */
  private groups(id: number): number {
    const memo = this.scratch.groups;
    if (memo.stamps[id] !== memo.epoch) {
      memo.stamps[id] = memo.epoch;
      const { eligibleGroups, preferredGroups } = this.v;
      const list = this.store.groupLists.value(id);
      memo.values[2 * id] = eligibleGroups.length === 0 || sharesAny(eligibleGroups, list) ? 1 : 0;
      memo.values[2 * id + 1] = preferredGroups.length === 0 || sharesAny(preferredGroups, list) ? 1 : 0;
    }
    return 2 * id;
  }

  private bestConditions(t: Tally): number {
    if (t.ids.length > MAX_TALLY) return 1;
    let best = 0;
    for (const id of t.ids) best = Math.max(best, this.conditions(id));
    return best;
  }

  /** The best preferred-group value of a tally's eligible group lists (-1: none is eligible). */
  private bestGroups(t: Tally): number {
    if (t.ids.length > MAX_TALLY) return 1;
    const values = this.scratch.groups.values;
    let best = -1;
    for (const id of t.ids) {
      const g = this.groups(id);
      if (values[g] === 1) best = Math.max(best, values[g + 1]!);
    }
    return best;
  }

  /**
   * The best skills part any seeker of a posting can reach: the share of the vacancy's items the
   * posting's seekers hold between them (null: a required certificate nobody here holds).
   */
  private itemsBound(p: SeekerPosting): number | null {
    if (this.asked.length === 0) return 1;
    for (const c of this.v.requiredCertificates) if (!p.items.has(c)) return null;
    let all = 0;
    let held = 0;
    for (const { item, weight } of this.asked) {
      all += weight;
      if (p.items.has(item)) held += weight;
    }
    return held / all;
  }

  /** The distance bound of a posting's seekers from the first with key `key` on (no limit first, then longest). */
  private distanceFrom(p: SeekerPosting, cellKm: number, key: number): number {
    if (cellKm < 0) return UNKNOWN_DISTANCE;
    if (key < UNLIMITED_COMMUTE) return distanceComponent(cellKm, key);
    const limited = p.firstBelow(UNLIMITED_COMMUTE);
    return Math.max(
      distanceComponent(cellKm, 0),
      limited < p.length ? distanceComponent(cellKm, p.keys[limited]!) : 0,
    );
  }

  /** Queues an occupation at one place of preference with its bound. */
  private push(group: Group<SeekerPosting>) {
    if (group.stale) MatchStore.refreshSeekerGroup(group);
    const groups = this.bestGroups(group.groups);
    if (groups < 0) return;
    const education = levelFit(this.v.education, group.education);
    const experience = monthsFit(this.v.minCareerMonths, group.months);
    this.scratch.frontier.push(
      this.weighing.bound(
        occupationBound(
          group.occupation === NO_OCCUPATION
            ? 0
            : this.similarity(group.occupation) * (1 - DESIRED_CHOICE_PENALTY * group.choice),
        ),
        this.bestSkills,
        this.bestDistance,
        wageComponent(this.v.monthlyWage, group.wage),
        this.bestConditions(group.conditions),
        (education + experience) / 2,
        this.freshness,
        employerSideOf(1, education, experience, groups),
      ),
      group,
    );
  }

  /** Queues a group's postings, bounded with the group's conditions and groups. */
  private expand(group: Group<SeekerPosting>) {
    const conditions = this.bestConditions(group.conditions);
    const groups = this.bestGroups(group.groups);
    for (const p of group.postings) {
      const b = this.postingBound(p, 1, conditions, groups);
      if (b !== null) this.scratch.frontier.push(b, p);
    }
  }

  /**
   * A posting's bound with the given skills (share of the vacancy's items), conditions and
   * preferred-group parts (null: everyone in it lives too far).
   */
  private postingBound(p: SeekerPosting, skills: number, conditions: number, groups: number): number | null {
    p.sort();
    const cellKm = this.scratch.kmToCell(this.store, this.v.lat, this.v.lon, p.cell);
    // Longest commute first: if even the first seeker lives too far, all do.
    if (cellKm >= 0 && p.keys[0]! < UNLIMITED_COMMUTE && cellKm > p.keys[0]!) return null;
    const similarity = p.occupation === NO_OCCUPATION ? 0 : this.similarity(p.occupation);
    const education = levelFit(this.v.education, p.maxEducation);
    const experience = monthsFit(this.v.minCareerMonths, p.maxMonths);
    return this.weighing.bound(
      occupationBound(similarity * (1 - DESIRED_CHOICE_PENALTY * p.choice)),
      this.asked.length ? skills : NO_SKILLS_ASKED,
      this.distanceFrom(p, cellKm, p.keys[0]!),
      wageComponent(this.v.monthlyWage, p.minWage),
      conditions,
      (education + experience) / 2,
      this.freshness,
      employerSideOf(skills, education, experience, groups),
    );
  }

  /** Scores a posting's seekers, longest commute first, until the commute's bound falls below the k-th best. */
  private scan(p: SeekerPosting) {
    this.tiers++;
    const { v, top, weighing, freshness, located, store, scratch } = this;
    const w = weighing.weights;
    const offer = v.monthlyWage;
    const lat = v.lat ?? 0;
    const lon = v.lon ?? 0;
    const similarity = p.occupation === NO_OCCUPATION ? 0 : this.similarity(p.occupation);
    const occupationB = occupationBound(similarity * (1 - DESIRED_CHOICE_PENALTY * p.choice));
    const skillsB = this.asked.length ? p.boundSkills : NO_SKILLS_ASKED;
    const cellKm = scratch.kmToCell(store, v.lat, v.lon, p.cell);
    const education = levelFit(v.education, p.maxEducation);
    const experience = monthsFit(v.minCareerMonths, p.maxMonths);
    const educationB = (education + experience) / 2;
    const wageB = wageComponent(offer, p.minWage);
    const employerB = employerSideOf(p.boundSkills, education, experience, p.boundGroups);
    const { sStart, sDesired, sCareers, poolOccupation, poolMonths } = store;
    const seen = scratch.seen;
    const mark = scratch.seenMark;
    const skillsMemo = scratch.skills.values;
    const groupsMemo = scratch.groups.values;
    const { slots, keys, numbers: f, ints: n, numberStride, intStride } = p;
    let lastKey = Number.NaN;
    for (let i = 0; i < p.length; i++) {
      const key = keys[i]!;
      if (key !== lastKey) {
        lastKey = key;
        // Longest commute first: from the first seeker who lives too far, all do.
        if (cellKm >= 0 && key < UNLIMITED_COMMUTE && cellKm > key) break;
        if (
          top.full &&
          top.worstScore >
            weighing.bound(
              occupationB,
              skillsB,
              this.distanceFrom(p, cellKm, key),
              wageB,
              p.boundConditions,
              educationB,
              freshness,
              employerB,
            )
        )
          break;
      }
      // A seeker is marked seen once refused or scored, never when only skipped by a bound: the
      // bound of this posting holds for the seekers whose best desired occupation is this one,
      // and a seeker skipped here may still come through a posting of a better one.
      const slot = slots[i]!;
      if (seen[slot] === mark) continue;
      this.visited++;
      const r = i * numberStride;
      const q = i * intStride;
      const desired = f[r + S_WAGE]!;
      const sk = this.skills(n[q + S_SKILLS]!);
      const g = this.groups(n[q + S_GROUPS]!);
      const sLat = f[r + S_LAT]!;
      const commute = f[r + S_COMMUTE]!;
      const km = located && !Number.isNaN(sLat) ? distanceKm(sLat, f[r + S_LON]!, lat, lon) : null;
      if (
        (n[q + S_FIRM] === 1 && offer < desired) ||
        skillsMemo[sk] === 0 ||
        groupsMemo[g] === 0 ||
        (km !== null && commute > 0 && km > commute)
      ) {
        seen[slot] = mark;
        continue;
      }
      const educationFit = levelFit(v.education, f[r + S_EDUCATION]!);
      const experienceFit = monthsFit(v.minCareerMonths, f[r + S_MONTHS]!);
      const skills = skillsMemo[sk + 1]!;
      const distance = distanceComponent(km, commute);
      const wage = wageComponent(offer, Number.isNaN(desired) ? null : desired);
      const conditions = this.conditions(n[q + S_CONDITIONS]!);
      const educationS = (educationFit + experienceFit) / 2;
      const employer = employerSideOf(skillsMemo[sk + 2]!, educationFit, experienceFit, groupsMemo[g + 1]!);
      // Everything but the occupation is known: bound it before reading the seeker's occupations.
      if (
        top.full &&
        top.worstScore >
          weighing.bound(occupationB, skills, distance, wage, conditions, educationS, freshness, employer)
      )
        continue;
      seen[slot] = mark;
      this.scored++;
      const start = sStart[slot]!;
      const desiredCount = sDesired[slot]!;
      let d = 0;
      for (let j = 0; j < desiredCount; j++) {
        const x = this.similarity(poolOccupation[start + j]!) * (1 - DESIRED_CHOICE_PENALTY * j);
        if (x > d) d = x;
      }
      let c = 0;
      for (let j = start + desiredCount, end = j + sCareers[slot]!; j < end; j++) {
        const x = this.similarity(poolOccupation[j]!) * Math.min(1, poolMonths[j]! / CAREER_FULL_MONTHS);
        if (x > c) c = x;
      }
      const seekerSide = seekerSideOf(
        w,
        occupationOf(d, c),
        skills,
        distance,
        wage,
        conditions,
        educationS,
        freshness,
      );
      top.offer(harmonic(seekerSide, employer), f[r + S_ID]!, slot);
    }
  }
}
