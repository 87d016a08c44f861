import { seededRandom } from '../random.js';
import type { MatchSeeker, MatchVacancy, OccupationPath } from './types.js';

/**
 * Test documents for the matching engine: a plain vacancy and seeker (a nurse aide's job at the
 * Bupyeong-gu office and a seeker living there) with overrides, and seeded random sets.
 */

export const TODAY = 20_000;
export const NURSE_AIDE: OccupationPath = ['3', '30', '307', '3075'];
export const NURSE: OccupationPath = ['3', '30', '304', '3040'];
export const HEALTH_OTHER: OccupationPath = ['3', '31', '310', '3100'];
export const COOK: OccupationPath = ['5', '53', '531', '5310'];
/** Bupyeong-gu office and a point about 3.2 km north of it. */
export const HOME = { lat: 37.5073, lon: 126.7219 };
export const NORTH_3KM = { lat: 37.5361, lon: 126.7219 };

export function vacancy(over: Partial<MatchVacancy> = {}): MatchVacancy {
  return {
    id: 1,
    orgId: 1,
    employerId: 1,
    occupationScheme: 'KECO-2018',
    occupation: NURSE_AIDE,
    requiredSkills: [],
    preferredSkills: [],
    requiredCertificates: [],
    preferredCertificates: [],
    education: 0,
    career: 'any',
    minCareerMonths: 0,
    monthlyWage: 2_500_000,
    weeklyHours: 40,
    shifts: ['day'],
    employmentType: 'permanent',
    lat: HOME.lat,
    lon: HOME.lon,
    opensOn: TODAY,
    closesOn: null,
    status: 'open',
    eligibleGroups: [],
    preferredGroups: [],
    ...over,
  };
}

export function seeker(over: Partial<MatchSeeker> = {}): MatchSeeker {
  return {
    id: 1,
    orgId: 1,
    occupationScheme: 'KECO-2018',
    desired: [NURSE_AIDE],
    careers: [],
    skills: [],
    certificates: [],
    education: 4,
    desiredMonthlyWage: 2_500_000,
    wageFirm: false,
    weeklyHours: 40,
    shifts: ['day'],
    employmentTypes: ['permanent'],
    lat: HOME.lat,
    lon: HOME.lon,
    commuteKm: 10,
    groups: [],
    availableFrom: null,
    status: 'active',
    recommendable: true,
    ...over,
  };
}

const PATHS = [NURSE_AIDE, NURSE, HEALTH_OTHER, COOK, ['3', '30', '307', '3079'], ['5', '53', '532', '5320']];
const SKILLS = ['NCS:a', 'NCS:b', 'NCS:c', 'NCS:d'];

/** `vacancies` and `seekers` varied documents (ids from 1) in and around Bupyeong, from a seed. */
export function randomDocuments(
  seed: number,
  vacancies: number,
  seekers: number,
): { vacancies: MatchVacancy[]; seekers: MatchSeeker[] } {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], p: number): T[] => list.filter(() => random() < p);
  const near = () =>
    random() < 0.1
      ? { lat: null, lon: null }
      : { lat: 37.45 + random() * 0.1, lon: 126.65 + random() * 0.13 };
  return {
    vacancies: Array.from({ length: vacancies }, (_, i) =>
      vacancy({
        id: i + 1,
        occupation: pick(PATHS),
        requiredSkills: some(SKILLS, 0.3),
        preferredSkills: some(SKILLS, 0.2),
        requiredCertificates: random() < 0.1 ? ['Q:1'] : [],
        education: Math.floor(random() * 6),
        minCareerMonths: pick([0, 0, 6, 24]),
        monthlyWage: 1_800_000 + Math.floor(random() * 20) * 100_000,
        weeklyHours: pick([20, 40, 40]),
        shifts: [pick(['day', 'day', 'night'])],
        employmentType: pick(['permanent', 'fixed_term', 'daily']),
        ...near(),
        opensOn: TODAY - Math.floor(random() * 90),
        closesOn: random() < 0.2 ? TODAY - 5 + Math.floor(random() * 30) : null,
        status: random() < 0.9 ? 'open' : 'closed',
        eligibleGroups: random() < 0.05 ? ['disabled'] : [],
        preferredGroups: some(['youth', 'senior'], 0.2),
      }),
    ),
    seekers: Array.from({ length: seekers }, (_, i) =>
      seeker({
        id: i + 1,
        desired: some(PATHS, 0.3).slice(0, 3),
        careers: some(PATHS, 0.2).map((occupation) => ({ occupation, months: Math.floor(random() * 60) })),
        skills: some(SKILLS, 0.4),
        certificates: random() < 0.2 ? ['Q:1'] : [],
        education: Math.floor(random() * 7),
        desiredMonthlyWage: random() < 0.8 ? 1_800_000 + Math.floor(random() * 20) * 100_000 : null,
        wageFirm: random() < 0.2,
        weeklyHours: pick([20, 40, null]),
        shifts: some(['day', 'night'], 0.5),
        ...near(),
        commuteKm: pick([0, 3, 5, 10, 15]),
        groups: some(['youth', 'senior', 'disabled'], 0.2),
        status: random() < 0.9 ? 'active' : 'inactive',
        recommendable: random() < 0.8,
      }),
    ),
  };
}
