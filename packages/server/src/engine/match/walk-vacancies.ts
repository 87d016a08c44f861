import { distanceKm } from '../search/geo.js';
import type { Tally } from './postings.js';
import {
  careerMonths,
  conditionsComponent,
  distanceComponent,
  employerSideOf,
  freshnessComponent,
  harmonic,
  holdsAll,
  levelFit,
  monthsFit,
  NO_SKILLS_ASKED,
  occupationFit,
  seekerSideOf,
  sharesAny,
  skillsOverlap,
  UNKNOWN_DISTANCE,
  wageComponent,
} from './score.js';
import {
  Group,
  MatchStore,
  spaceKey,
  topCode,
  V_CLOSES,
  V_CONDITIONS,
  V_EDUCATION,
  V_ELIGIBLE,
  V_ID,
  V_LAT,
  V_LON,
  V_MIN_CAREER,
  V_PREFERRED,
  V_WAGE,
  type VacancyPosting,
} from './store.js';
import { TopK } from './top-k.js';
import type { MatchOptions, MatchSeeker } from './types.js';
import { MAX_TALLY, type MatchStats, type Scratch, UNRELATED, Weighing } from './walk.js';

/**
 * The best open vacancies for a seeker, exact (#5; walk.ts explains the walk): the slots of the
 * top `limit` by score, then id. With `prune` false every posting is read to its end (the scan
 * baseline).
 */
export function walkVacancies(
  store: MatchStore,
  scratch: Scratch,
  stats: MatchStats,
  s: MatchSeeker,
  options: MatchOptions,
  prune: boolean,
): TopK<number> {
  const walk = new VacancyWalk(store, scratch, s, options, prune);
  walk.run();
  stats.visited = walk.visited;
  stats.scored = walk.scored;
  stats.tiers = walk.tiers;
  return walk.top;
}

/** One query's walk; methods rather than closures, so the optimised code serves every query. */
class VacancyWalk {
  readonly top: TopK<number>;
  visited = 0;
  scored = 0;
  tiers = 0;
  private readonly weighing: Weighing;
  private readonly today: number;
  private readonly desired: number | null;
  /** The desired wage is a firm minimum (a hard filter). */
  private readonly firm: boolean;
  private readonly minimum: number;
  private readonly commute: number;
  private readonly months: number;
  private readonly located: boolean;
  private readonly bestDistance: number;
  /** Top-level codes of the seeker's desired and career occupations. */
  private readonly tops = new Set<string>();

  constructor(
    private readonly store: MatchStore,
    private readonly scratch: Scratch,
    private readonly s: MatchSeeker,
    options: MatchOptions,
    prune: boolean,
  ) {
    this.top = new TopK<number>(Math.max(0, options.limit));
    this.weighing = new Weighing(options, prune);
    this.today = options.today;
    this.desired = s.desiredMonthlyWage;
    this.firm = s.wageFirm && s.desiredMonthlyWage !== null;
    this.minimum = s.desiredMonthlyWage ?? 0;
    this.commute = s.commuteKm;
    this.months = careerMonths(s);
    this.located = s.lat !== null && s.lon !== null;
    this.bestDistance = this.located ? 1 : UNKNOWN_DISTANCE;
  }

  run(): void {
    const { store, scratch, s, top } = this;
    scratch.begin(store);
    const space = store.spaces.get(spaceKey(s.orgId, s.occupationScheme));
    // An inactive seeker passes no pair: answer at once rather than walking every vacancy.
    if (!space || top.k === 0 || s.status !== 'active') return;
    for (const path of s.desired) this.tops.add(topCode(path));
    for (const c of s.careers) this.tops.add(topCode(c.occupation));
    const frontier = scratch.frontier;
    for (const t of this.tops) for (const group of space.vacancyTops.get(t) ?? []) this.push(group);
    // Every other occupation shares no code with the seeker's: its occupation component is 0.
    frontier.push(this.weighing.bound(0, 1, this.bestDistance, 1, 1, 1, 1, 1), UNRELATED);
    while (frontier.size > 0) {
      const popped = frontier.topBound;
      if (top.full && top.worstScore > popped) break;
      const item = frontier.pop();
      if (item === UNRELATED) {
        for (const group of space.vacancyGroups.values()) if (!this.tops.has(group.top!)) this.push(group);
      } else if (item instanceof Group) this.expand(item as Group<VacancyPosting>);
      else {
        const p = item as VacancyPosting;
        if (p.refined !== scratch.query) {
          // First time on top: bound it again with its own tallies, and requeue it if that is
          // lower (only the postings that come this far have their tallies read).
          p.refined = scratch.query;
          if (this.bestGroups(p.eligible) === 0) continue;
          p.boundConditions = this.bestConditions(p.conditions);
          p.boundGroups = this.bestGroups(p.preferred);
          const b = this.postingBound(p, p.boundConditions, p.boundGroups)!;
          if (b < popped) {
            frontier.push(b, p);
            continue;
          }
        }
        this.scan(p);
      }
    }
  }

  /** The occupation component of vacancies of an occupation. */
  private occupation(id: number): number {
    const memo = this.scratch.occupation;
    if (memo.stamps[id] !== memo.epoch) {
      memo.stamps[id] = memo.epoch;
      memo.values[id] = occupationFit(this.s, this.store.occupations.value(id));
    }
    return memo.values[id]!;
  }

  /** Where a vacancy skill list's values start in the skills memo. */
  private skills(id: number): number {
    const memo = this.scratch.skills;
    if (memo.stamps[id] !== memo.epoch) {
      memo.stamps[id] = memo.epoch;
      const s = this.s;
      const rep = this.store.vacancySkills.value(id);
      const overlap = skillsOverlap(rep, s, this.store.idf);
      memo.values[3 * id] = holdsAll(rep.requiredCertificates, s.certificates) ? 1 : 0;
      memo.values[3 * id + 1] = overlap ?? NO_SKILLS_ASKED;
      memo.values[3 * id + 2] = overlap ?? 1;
    }
    return 3 * id;
  }

  private conditions(id: number): number {
    const memo = this.scratch.conditions;
    if (memo.stamps[id] !== memo.epoch) {
      memo.stamps[id] = memo.epoch;
      memo.values[id] = conditionsComponent(this.s, this.store.vacancyConditions.value(id));
    }
    return memo.values[id]!;
  }

  /** 1 when a vacancy group list is empty or shares a group with the seeker (eligible; preferred group met). */
  private groups(id: number): number {
    const memo = this.scratch.groups;
    if (memo.stamps[id] !== memo.epoch) {
      memo.stamps[id] = memo.epoch;
      const list = this.store.groupLists.value(id);
      memo.values[id] = list.length === 0 || sharesAny(list, this.s.groups) ? 1 : 0;
    }
    return memo.values[id]!;
  }

  private bestConditions(t: Tally): number {
    if (t.ids.length > MAX_TALLY) return 1;
    let best = 0;
    for (const id of t.ids) best = Math.max(best, this.conditions(id));
    return best;
  }

  private bestGroups(t: Tally): number {
    if (t.ids.length > MAX_TALLY) return 1;
    for (const id of t.ids) if (this.groups(id) === 1) return 1;
    return 0;
  }

  /** Queues an occupation with its bound. */
  private push(group: Group<VacancyPosting>) {
    if (group.stale) MatchStore.refreshVacancyGroup(group);
    if (this.firm && group.wage < this.minimum) return;
    const education = levelFit(group.education, this.s.education);
    const experience = monthsFit(group.months, this.months);

    this.scratch.frontier.push(
      this.weighing.bound(
        this.occupation(group.occupation),
        1,
        this.bestDistance,
        wageComponent(group.wage, this.desired),
        this.bestConditions(group.conditions),
        (education + experience) / 2,
        freshnessComponent(group.newest, this.today),
        employerSideOf(1, education, experience, this.bestGroups(group.groups)),
      ),
      group,
    );
  }

  /** Queues an occupation's postings, bounded with the occupation's conditions and groups. */
  private expand(group: Group<VacancyPosting>) {
    const conditions = this.bestConditions(group.conditions);
    const groups = this.bestGroups(group.groups);
    for (const p of group.postings) {
      const b = this.postingBound(p, conditions, groups);
      if (b !== null) this.scratch.frontier.push(b, p);
    }
  }

  /** A posting's bound with the given conditions and preferred-group parts (null: nothing in it can pass). */
  private postingBound(p: VacancyPosting, conditions: number, groups: number): number | null {
    const sk = this.skills(p.skills);
    const memo = this.scratch.skills.values;
    if (memo[sk] === 0) return null;
    const cellKm = this.scratch.kmToCell(this.store, this.s.lat, this.s.lon, p.cell);
    if (cellKm >= 0 && this.commute > 0 && cellKm > this.commute) return null;
    if (this.firm && p.maxWage < this.minimum) return null;
    p.sort();
    const education = levelFit(p.minEducation, this.s.education);
    const experience = monthsFit(p.minCareer, this.months);
    return this.weighing.bound(
      this.occupation(p.occupation),
      memo[sk + 1]!,
      cellKm >= 0 ? distanceComponent(cellKm, this.commute) : UNKNOWN_DISTANCE,
      wageComponent(p.maxWage, this.desired),
      conditions,
      (education + experience) / 2,
      freshnessComponent(p.keys[0]!, this.today),
      employerSideOf(memo[sk + 2]!, education, experience, groups),
    );
  }

  /** Scores a posting's vacancies, newest first, until the opening day's bound falls below the k-th best. */
  private scan(p: VacancyPosting) {
    this.tiers++;
    const { s, top, today, firm, minimum, desired, commute, months, located, weighing } = this;
    const w = weighing.weights;
    const lat = s.lat ?? 0;
    const lon = s.lon ?? 0;
    const occupation = this.occupation(p.occupation);
    const sk = this.skills(p.skills);
    const skills = this.scratch.skills.values[sk + 1]!;
    const employerSkills = this.scratch.skills.values[sk + 2]!;
    const cellKm = this.scratch.kmToCell(this.store, s.lat, s.lon, p.cell);
    const education = levelFit(p.minEducation, s.education);
    const experience = monthsFit(p.minCareer, months);
    const distanceBound = cellKm >= 0 ? distanceComponent(cellKm, commute) : UNKNOWN_DISTANCE;
    const wageBound = wageComponent(p.maxWage, desired);
    const employerBound = employerSideOf(employerSkills, education, experience, p.boundGroups);
    const { slots, keys, numbers: f, ints: n, numberStride, intStride } = p;
    let lastKey = Number.NaN;
    for (let i = 0; i < p.length; i++) {
      const key = keys[i]!;
      // Newest first: once even this opening day cannot beat the k-th, no later one can.
      if (key !== lastKey) {
        lastKey = key;
        if (
          top.full &&
          top.worstScore >
            weighing.bound(
              occupation,
              skills,
              distanceBound,
              wageBound,
              p.boundConditions,
              (education + experience) / 2,
              freshnessComponent(key, today),
              employerBound,
            )
        )
          break;
      }
      const r = i * numberStride;
      const q = i * intStride;
      this.visited++;
      if (f[r + V_CLOSES]! < today) continue;
      const wage = f[r + V_WAGE]!;
      if (firm && wage < minimum) continue;
      if (this.groups(n[q + V_ELIGIBLE]!) === 0) continue;
      const vLat = f[r + V_LAT]!;
      let km: number | null = null;
      if (located && !Number.isNaN(vLat)) {
        km = distanceKm(lat, lon, vLat, f[r + V_LON]!);
        if (commute > 0 && km > commute) continue;
      }
      this.scored++;
      const educationFit = levelFit(f[r + V_EDUCATION]!, s.education);
      const experienceFit = monthsFit(f[r + V_MIN_CAREER]!, months);
      const seekerSide = seekerSideOf(
        w,
        occupation,
        skills,
        distanceComponent(km, commute),
        wageComponent(wage, desired),
        this.conditions(n[q + V_CONDITIONS]!),
        (educationFit + experienceFit) / 2,
        freshnessComponent(key, today),
      );
      const employer = employerSideOf(
        employerSkills,
        educationFit,
        experienceFit,
        this.groups(n[q + V_PREFERRED]!),
      );
      top.offer(harmonic(seekerSide, employer), f[r + V_ID]!, slots[i]!);
    }
  }
}
