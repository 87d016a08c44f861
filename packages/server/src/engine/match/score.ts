import { distanceKm } from '../search/geo.js';
import type {
  EducationRank,
  HardFilter,
  MatchComponents,
  MatchReason,
  MatchSeeker,
  MatchVacancy,
  MatchWeights,
  OccupationPath,
} from './types.js';

/**
 * The pure parts of matching (#5): hard filters, score components, the two sides and the reasons.
 * No state: `Matcher` (matcher.ts) holds the documents, the IDF counts and the candidate lists.
 * docs/matching.md explains every number here.
 */

/** Default weights of the seeker's side (see docs/matching.md for the reasoning). */
export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  occupation: 0.3,
  skills: 0.15,
  distance: 0.15,
  wage: 0.15,
  conditions: 0.1,
  education: 0.1,
  freshness: 0.05,
};

/** What one level of difference from the bottom of the shared prefix costs (1, 0.75, 0.5, 0.25 on KECO). */
export const OCCUPATION_LEVEL_STEP = 0.25;
/** Penalty per place down the seeker's list of desired occupations (1st 1, 2nd 0.9, 3rd 0.8). */
export const DESIRED_CHOICE_PENALTY = 0.1;
/** How much matching career months can add to the occupation component (of what remains below 1). */
export const CAREER_SHARE = 0.2;
/** Months of career in an occupation that count as fully experienced in it. */
export const CAREER_FULL_MONTHS = 36;
/** The wage component reaches 0 at an offer this far below the desired wage (share of it). */
export const WAGE_SHORTFALL_ZERO = 0.3;
/** Days after opening at which freshness reaches 0. */
export const FRESHNESS_DAYS = 60;
/** Distance component when a coordinate is unknown. */
export const UNKNOWN_DISTANCE = 0.5;
/** Skills component of a vacancy that asks for no skill and no certificate. */
export const NO_SKILLS_ASKED = 0.5;
/** Weight of a required item against a preferred one in the skills overlap. */
export const REQUIRED_ITEM_WEIGHT = 2;

/** Inverse document frequency of a skill or certificate: rarer items weigh more. */
export type Idf = (item: string) => number;
export const FLAT_IDF: Idf = () => 1;

/** Whether two lists share an element. */
export function sharesAny(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Whether `held` has every element of `required`. */
export function holdsAll(required: readonly string[], held: readonly string[]): boolean {
  for (const x of required) if (!held.includes(x)) return false;
  return true;
}

/** The number of leading codes two occupation paths share. */
export function sharedPrefix(a: OccupationPath, b: OccupationPath): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/**
 * How close an occupation is to another by their paths: 1 for the same code, then one
 * OCCUPATION_LEVEL_STEP less for each level between the bottom of the paths and the deepest
 * shared code; 0 when nothing is shared.
 */
export function pathSimilarity(a: OccupationPath, b: OccupationPath): number {
  const shared = sharedPrefix(a, b);
  if (shared === 0) return 0;
  const below = Math.max(a.length, b.length) - shared;
  return Math.max(0, 1 - OCCUPATION_LEVEL_STEP * below);
}

/** The similarity value of a tier: paths sharing `shared` codes out of `depth`. */
export function levelValue(depth: number, shared: number): number {
  if (shared <= 0) return 0;
  return Math.max(0, 1 - OCCUPATION_LEVEL_STEP * (depth - shared));
}

/** The best desired-occupation match, with the choice penalty. */
export function desiredMatch(seeker: MatchSeeker, vacancy: MatchVacancy): number {
  return desiredFit(seeker, vacancy.occupation);
}

function desiredFit(seeker: MatchSeeker, occupation: OccupationPath): number {
  let best = 0;
  for (let i = 0; i < seeker.desired.length; i++) {
    const v = pathSimilarity(seeker.desired[i]!, occupation) * (1 - DESIRED_CHOICE_PENALTY * i);
    if (v > best) best = v;
  }
  return best;
}

/** The best career match: similarity of a past occupation times its months (full at CAREER_FULL_MONTHS). */
export function careerMatch(seeker: MatchSeeker, vacancy: MatchVacancy): number {
  return careerFit(seeker, vacancy.occupation);
}

function careerFit(seeker: MatchSeeker, occupation: OccupationPath): number {
  let best = 0;
  for (const c of seeker.careers) {
    const v = pathSimilarity(c.occupation, occupation) * Math.min(1, c.months / CAREER_FULL_MONTHS);
    if (v > best) best = v;
  }
  return best;
}

/** Occupation component: the desired match, plus career months filling part of what remains. */
export function occupationComponent(seeker: MatchSeeker, vacancy: MatchVacancy): number {
  return occupationFit(seeker, vacancy.occupation);
}

/** The occupation component of any vacancy of this occupation (it depends on nothing else). */
export function occupationFit(seeker: MatchSeeker, occupation: OccupationPath): number {
  return occupationOf(desiredFit(seeker, occupation), careerFit(seeker, occupation));
}

/** The occupation component from the desired and the career match. */
export function occupationOf(desired: number, career: number): number {
  return desired + CAREER_SHARE * career * (1 - desired);
}

/** The largest occupation component any vacancy can reach whose desired match is at most `desired`. */
export function occupationBound(desired: number): number {
  return desired + CAREER_SHARE * (1 - desired);
}

/**
 * The IDF-weighted share of the vacancy's required (×REQUIRED_ITEM_WEIGHT) and preferred skills and
 * certificates the seeker has; null when the vacancy asks for none.
 */
export function skillsOverlap(vacancy: MatchVacancy, seeker: MatchSeeker, idf: Idf): number | null {
  let total = 0;
  let met = 0;
  // Required skills, required certificates, preferred skills, preferred certificates, in this order.
  for (let list = 0; list < 4; list++) {
    const items =
      list === 0
        ? vacancy.requiredSkills
        : list === 1
          ? vacancy.requiredCertificates
          : list === 2
            ? vacancy.preferredSkills
            : vacancy.preferredCertificates;
    const weight = list < 2 ? REQUIRED_ITEM_WEIGHT : 1;
    for (const item of items) {
      const w = weight * idf(item);
      total += w;
      if (seeker.skills.includes(item) || seeker.certificates.includes(item)) met += w;
    }
  }
  return total > 0 ? met / total : null;
}

/** Skills and certificates: IDF-weighted share of the vacancy's required (×2) and preferred items the seeker has. */
export function skillsComponent(seeker: MatchSeeker, vacancy: MatchVacancy, idf: Idf = FLAT_IDF): number {
  return skillsOverlap(vacancy, seeker, idf) ?? NO_SKILLS_ASKED;
}

/** Kilometres between the seeker's home and the workplace, or null when either is unknown. */
export function pairDistance(seeker: MatchSeeker, vacancy: MatchVacancy): number | null {
  if (seeker.lat === null || seeker.lon === null || vacancy.lat === null || vacancy.lon === null) return null;
  return distanceKm(seeker.lat, seeker.lon, vacancy.lat, vacancy.lon);
}

/** Distance: 1 at 0 km, falling linearly to 0 at the commute limit (or 1/(1 + km/5) without a limit). */
export function distanceComponent(km: number | null, commuteKm: number): number {
  if (km === null) return UNKNOWN_DISTANCE;
  if (commuteKm > 0) return Math.max(0, 1 - km / commuteKm);
  return 1 / (1 + km / 5);
}

/** Wage fit: 1 when the offer meets the desired wage, falling linearly to 0 at WAGE_SHORTFALL_ZERO below it. */
export function wageComponent(offer: number, desired: number | null): number {
  if (desired === null || desired <= 0 || offer >= desired) return 1;
  return Math.max(0, 1 - (desired - offer) / (WAGE_SHORTFALL_ZERO * desired));
}

/** Conditions: the mean of hours, shift and employment-type fit (a side without a wish fits). */
export function conditionsComponent(seeker: MatchSeeker, vacancy: MatchVacancy): number {
  const hours =
    seeker.weeklyHours === null || seeker.weeklyHours <= 0 || vacancy.weeklyHours <= 0
      ? 1
      : 1 -
        Math.abs(seeker.weeklyHours - vacancy.weeklyHours) /
          Math.max(seeker.weeklyHours, vacancy.weeklyHours);
  const shifts =
    seeker.shifts.length === 0 || vacancy.shifts.length === 0
      ? 1
      : sharesAny(vacancy.shifts, seeker.shifts)
        ? 1
        : 0;
  const type =
    seeker.employmentTypes.length === 0 || seeker.employmentTypes.includes(vacancy.employmentType) ? 1 : 0;
  return (hours + shifts + type) / 3;
}

/** Total career months of a seeker. */
export function careerMonths(seeker: MatchSeeker): number {
  let m = 0;
  for (const c of seeker.careers) m += c.months;
  return m;
}

/** Education fit: 1 when the seeker's level meets the requirement, a third less per level short. */
export function educationFit(seeker: MatchSeeker, vacancy: MatchVacancy): number {
  return levelFit(vacancy.education, seeker.education);
}

/** Education fit of a level `held` for a `required` one. */
export function levelFit(required: EducationRank, held: EducationRank): number {
  const gap = required - held;
  return gap <= 0 ? 1 : Math.max(0, 1 - gap / 3);
}

/** Experience fit: months over minCareerMonths (1 when none is asked). */
export function experienceFit(seeker: MatchSeeker, vacancy: MatchVacancy): number {
  if (vacancy.minCareerMonths <= 0) return 1;
  return monthsFit(vacancy.minCareerMonths, careerMonths(seeker));
}

/** Experience fit of `months` of career for `required` months. */
export function monthsFit(required: number, months: number): number {
  if (required <= 0) return 1;
  return Math.min(1, months / required);
}

/** Education and experience: the mean of the two fits. */
export function educationComponent(seeker: MatchSeeker, vacancy: MatchVacancy): number {
  return (educationFit(seeker, vacancy) + experienceFit(seeker, vacancy)) / 2;
}

/** Freshness: 1 on the opening day, falling linearly to 0 FRESHNESS_DAYS later. */
export function freshnessComponent(opensOn: number, today: number): number {
  const age = today - opensOn;
  if (age <= 0) return 1;
  return Math.max(0, 1 - age / FRESHNESS_DAYS);
}

/** The seeker side: the components' weighted mean. */
export function weightedSide(components: MatchComponents, weights: MatchWeights): number {
  const c = components;
  return seekerSideOf(
    weights,
    c.occupation,
    c.skills,
    c.distance,
    c.wage,
    c.conditions,
    c.education,
    c.freshness,
  );
}

/**
 * The seeker side from the components' values. The matcher's fast path calls this very function
 * (as it calls every other one here), so its scores are equal to explain()'s to the last bit.
 */
export function seekerSideOf(
  weights: MatchWeights,
  occupation: number,
  skills: number,
  distance: number,
  wage: number,
  conditions: number,
  education: number,
  freshness: number,
): number {
  const w = weights;
  const total = w.occupation + w.skills + w.distance + w.wage + w.conditions + w.education + w.freshness;
  if (!(total > 0)) return 0;
  return (
    (w.occupation * occupation +
      w.skills * skills +
      w.distance * distance +
      w.wage * wage +
      w.conditions * conditions +
      w.education * education +
      w.freshness * freshness) /
    total
  );
}

/** The employer side's parts (required/preferred items met, education, experience, preferred groups). */
export const EMPLOYER_WEIGHTS = { skills: 0.5, education: 0.2, experience: 0.2, groups: 0.1 } as const;

/** The fit from the vacancy's point of view, in [0, 1]. */
export function employerSide(seeker: MatchSeeker, vacancy: MatchVacancy, idf: Idf = FLAT_IDF): number {
  const skills = skillsOverlap(vacancy, seeker, idf) ?? 1;
  const groups =
    vacancy.preferredGroups.length === 0 ? 1 : sharesAny(vacancy.preferredGroups, seeker.groups) ? 1 : 0;
  return employerSideOf(skills, educationFit(seeker, vacancy), experienceFit(seeker, vacancy), groups);
}

// The employer side's weights in tenths (5, 2, 2 and 1 exactly).
const E_SKILLS = 10 * EMPLOYER_WEIGHTS.skills;
const E_EDUCATION = 10 * EMPLOYER_WEIGHTS.education;
const E_EXPERIENCE = 10 * EMPLOYER_WEIGHTS.experience;
const E_GROUPS = 10 * EMPLOYER_WEIGHTS.groups;

/** The employer side from its parts' values, each in [0, 1]. */
export function employerSideOf(
  skills: number,
  education: number,
  experience: number,
  groups: number,
): number {
  // Summed in tenths so that a perfect fit is exactly 1.
  return (E_SKILLS * skills + E_EDUCATION * education + E_EXPERIENCE * experience + E_GROUPS * groups) / 10;
}

/** The harmonic mean of the two sides (0 when either is 0). */
export function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}

/**
 * The hard filters a pair fails, in this order; empty when it may be scored. `forEmployer` adds
 * the recommendation consent (a seeker is shown to employers only with it).
 */
export function hardFilters(
  seeker: MatchSeeker,
  vacancy: MatchVacancy,
  today: number,
  forEmployer = false,
  km: number | null = pairDistance(seeker, vacancy),
): HardFilter[] {
  const out: HardFilter[] = [];
  if (seeker.orgId !== vacancy.orgId) out.push('other_organisation');
  if (seeker.occupationScheme !== vacancy.occupationScheme) out.push('other_scheme');
  if (vacancy.status !== 'open') out.push('closed');
  if (vacancy.closesOn !== null && vacancy.closesOn < today) out.push('expired');
  if (seeker.status !== 'active') out.push('inactive');
  if (forEmployer && !seeker.recommendable) out.push('not_recommendable');
  if (
    seeker.wageFirm &&
    seeker.desiredMonthlyWage !== null &&
    vacancy.monthlyWage < seeker.desiredMonthlyWage
  )
    out.push('wage_below_firm_minimum');
  if (!holdsAll(vacancy.requiredCertificates, seeker.certificates)) out.push('missing_required_certificate');
  if (km !== null && seeker.commuteKm > 0 && km > seeker.commuteKm) out.push('beyond_commute');
  if (vacancy.eligibleGroups.length > 0 && !sharesAny(vacancy.eligibleGroups, seeker.groups))
    out.push('not_eligible');
  return out;
}

/** Whether a pair passes every hard filter (hardFilters(...).length === 0, without the list). */
export function passes(
  seeker: MatchSeeker,
  vacancy: MatchVacancy,
  today: number,
  forEmployer: boolean,
  km: number | null,
): boolean {
  if (seeker.orgId !== vacancy.orgId || seeker.occupationScheme !== vacancy.occupationScheme) return false;
  if (vacancy.status !== 'open' || (vacancy.closesOn !== null && vacancy.closesOn < today)) return false;
  if (seeker.status !== 'active' || (forEmployer && !seeker.recommendable)) return false;
  if (
    seeker.wageFirm &&
    seeker.desiredMonthlyWage !== null &&
    vacancy.monthlyWage < seeker.desiredMonthlyWage
  )
    return false;
  if (!holdsAll(vacancy.requiredCertificates, seeker.certificates)) return false;
  if (km !== null && seeker.commuteKm > 0 && km > seeker.commuteKm) return false;
  if (vacancy.eligibleGroups.length > 0 && !sharesAny(vacancy.eligibleGroups, seeker.groups)) return false;
  return true;
}

/** Every component of a pair. */
export function components(
  seeker: MatchSeeker,
  vacancy: MatchVacancy,
  today: number,
  km: number | null,
  idf: Idf,
): MatchComponents {
  return {
    occupation: occupationComponent(seeker, vacancy),
    skills: skillsComponent(seeker, vacancy, idf),
    distance: distanceComponent(km, seeker.commuteKm),
    wage: wageComponent(vacancy.monthlyWage, seeker.desiredMonthlyWage),
    conditions: conditionsComponent(seeker, vacancy),
    education: educationComponent(seeker, vacancy),
    freshness: freshnessComponent(vacancy.opensOn, today),
  };
}

const reason = (code: string, ko: string, en: string): MatchReason => ({ code, ko, en });

/** The reasons of a scored pair, most important first, in Korean and English. */
export function reasons(
  seeker: MatchSeeker,
  vacancy: MatchVacancy,
  c: MatchComponents,
  km: number | null,
): MatchReason[] {
  const out: MatchReason[] = [];
  const desired = desiredMatch(seeker, vacancy);
  if (desired >= 1) out.push(reason('desired_occupation', '희망직종 일치', 'Desired occupation'));
  else if (desired >= 0.5) out.push(reason('related_occupation', '유사직종', 'Related occupation'));
  if (careerMatch(seeker, vacancy) >= 0.5)
    out.push(reason('career', '관련 경력 보유', 'Relevant experience'));
  if (km !== null) {
    const k = km.toFixed(1);
    out.push(reason('commute', `통근 ${k}km`, `${k} km commute`));
  }
  if (seeker.desiredMonthlyWage !== null && c.wage >= 1)
    out.push(reason('wage', '희망임금 충족', 'Meets desired wage'));
  if (vacancy.requiredCertificates.length > 0)
    out.push(reason('certificate', '요구자격 보유', 'Has required certificate'));
  const asked = vacancy.requiredSkills.length + vacancy.preferredSkills.length;
  if (asked > 0 && c.skills >= 0.5) out.push(reason('skills', '보유기술 활용', 'Uses your skills'));
  if (c.conditions >= 1) out.push(reason('conditions', '근무조건 일치', 'Matching work conditions'));
  if (sharesAny(vacancy.preferredGroups, seeker.groups))
    out.push(reason('preferred_group', '우대대상', 'Preferred group'));
  if (c.freshness >= 0.8) out.push(reason('new', '신규 공고', 'New vacancy'));
  if (out.length === 0) out.push(reason('eligible', '지원 가능', 'Eligible to apply'));
  return out;
}
