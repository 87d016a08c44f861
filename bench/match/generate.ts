import fs from 'node:fs';
import type {
  MatchSeeker,
  MatchVacancy,
  OccupationPath,
} from '../../packages/server/src/engine/match/types.js';
import { dayNumber } from '../../packages/server/src/engine/search/days.js';
import {
  type DemoEmployer,
  DemoRandom,
  demoContext,
  demoDongs,
  demoEmployer,
  demoSeeker,
  demoVacancy,
} from '../../packages/server/src/modules/demo/registry-demo.js';
import { educationRank } from '../../packages/server/src/modules/search/match-documents.js';
import { parseCsv } from '../../packages/server/src/modules/taxonomy/csv.js';
import { referenceDataPath } from '../../packages/server/src/reference-data.js';

/**
 * Vacancies and seekers for the matching benchmark, drawn from the demo registry's generator
 * (modules/demo/registry-demo.ts: the same occupations, skills, wages, shifts, dongs and groups as
 * the Bupyeong demo, as bench/search does) and converted to the matcher's documents: occupation
 * paths from reference-data/keco-2018, seekers at their home dong's centroid, workplaces at the
 * employer's point. Equal lists are shared between documents so a million fit in memory.
 */

/** The demo's "today". */
export const TODAY = dayNumber('2019-11-30');
const VACANCIES_PER_EMPLOYER = 2.7;
const KECO = 'KECO-2018';

/** Every KECO-2018 detail code's parent chain (대분류, 중분류, 소분류, 세분류). */
function kecoPaths(): Map<string, OccupationPath> {
  const text = fs.readFileSync(referenceDataPath('keco-2018/keco2018_detail_450_with_ksco7.csv'), 'utf8');
  const [header, ...records] = parseCsv(text).records;
  const at = (cells: string[], name: string) => cells[header!.cells.indexOf(name)]!.trim();
  return new Map(
    records.map(({ cells }) => [
      at(cells, 'keco_detail'),
      Object.freeze(['keco_major', 'keco_middle', 'keco_minor', 'keco_detail'].map((c) => at(cells, c))),
    ]),
  );
}

/** Shares parsed JSON lists between documents (a million vacancies have a few hundred distinct lists). */
class Interner {
  private readonly cache = new Map<string, readonly string[]>();
  keys(
    json: string | null | undefined,
    map: (item: unknown) => string = (x) => String(x),
  ): readonly string[] {
    const text = json ?? '[]';
    let out = this.cache.get(text);
    if (!out) {
      out = Object.freeze((JSON.parse(text) as unknown[]).map(map));
      this.cache.set(text, out);
    }
    return out;
  }
}

const schemeKey = (x: unknown) => {
  const { scheme, code } = x as { scheme: string; code: string };
  return `${scheme}:${code}`;
};

/** n open vacancies (ids 1…n) from a seed. Demo vacancies that closed are reopened: every one is open. */
export function generateVacancies(n: number, seed: number): MatchVacancy[] {
  const paths = kecoPaths();
  const dongs = demoDongs();
  const context = demoContext(dongs);
  const intern = new Interner();
  const employerRandom = new DemoRandom(seed);
  const employers: DemoEmployer[] = [];
  const employerCount = Math.max(1, Math.round(n / VACANCIES_PER_EMPLOYER));
  for (let i = 0; i < employerCount; i++) employers.push(demoEmployer(employerRandom, context, i + 1));
  const sizeWeight: Record<string, number> = { micro: 1, small: 2, medium: 4, large: 6 };
  const random = new DemoRandom(seed + 1);
  const out = new Array<MatchVacancy>(n);
  for (let i = 0; i < n; i++) {
    let e = random.int(0, employers.length - 1);
    while (!random.chance(sizeWeight[employers[e]!.size ?? 'small']! / 6))
      e = random.int(0, employers.length - 1);
    const employer = employers[e]!;
    const v = demoVacancy(random, employer);
    const closesOn = v.closes_on ? dayNumber(v.closes_on) : null;
    out[i] = {
      id: i + 1,
      orgId: 1,
      employerId: e + 1,
      occupationScheme: KECO,
      occupation: paths.get(v.occupation_code) ?? [v.occupation_code],
      requiredSkills: intern.keys(v.required_skills, schemeKey),
      preferredSkills: intern.keys(v.preferred_skills, schemeKey),
      requiredCertificates: intern.keys(v.required_certificates, schemeKey),
      preferredCertificates: intern.keys(v.preferred_certificates, schemeKey),
      education: educationRank(v.education),
      career: v.career as MatchVacancy['career'],
      minCareerMonths: v.min_career_months,
      monthlyWage: v.wage_monthly,
      weeklyHours: v.weekly_hours,
      shifts: intern.keys(v.shifts),
      employmentType: v.employment_type,
      lat: employer.lat,
      lon: employer.lon,
      opensOn: dayNumber(v.opens_on),
      closesOn: closesOn === null ? null : Math.max(closesOn, TODAY),
      status: 'open',
      eligibleGroups: intern.keys(v.eligible_groups),
      preferredGroups: intern.keys(v.preferred_groups),
    };
  }
  return out;
}

/** n seekers (ids 1…n) from a seed, with the demo's statuses and recommendation consents. */
export function generateSeekers(n: number, seed: number): MatchSeeker[] {
  const paths = kecoPaths();
  const dongs = demoDongs();
  const dongByCode = new Map(dongs.map((d) => [d.code, d]));
  const context = demoContext(dongs);
  const intern = new Interner();
  const random = new DemoRandom(seed + 2);
  const now = '2019-11-30T01:00:00.000Z';
  const path = (code: string) => paths.get(code) ?? Object.freeze([code]);
  const out = new Array<MatchSeeker>(n);
  for (let i = 0; i < n; i++) {
    const s = demoSeeker(random, context, i + 1, { now });
    const home = dongByCode.get(s.home_dong_code ?? '');
    const careers = JSON.parse(s.careers ?? '[]') as { occupation: { code: string }; months: number }[];
    out[i] = {
      id: i + 1,
      orgId: 1,
      occupationScheme: KECO,
      desired: (JSON.parse(s.desired_occupations ?? '[]') as { code: string }[]).map((d) => path(d.code)),
      careers: careers.map((c) => ({ occupation: path(c.occupation.code), months: c.months })),
      skills: intern.keys(s.skills, schemeKey),
      certificates: intern.keys(s.certificates, schemeKey),
      education: educationRank(s.education),
      desiredMonthlyWage: s.wage_monthly ?? null,
      wageFirm: s.wage_firm === 1,
      weeklyHours: s.weekly_hours ?? null,
      shifts: intern.keys(s.shifts),
      employmentTypes: intern.keys(s.employment_types),
      lat: home?.lat ?? null,
      lon: home?.lon ?? null,
      commuteKm: s.commute_km ?? 0,
      groups: intern.keys(s.groups),
      availableFrom: null,
      status: s.status as MatchSeeker['status'],
      recommendable: s.consents.some((c) => c.purpose === 'recommendation' && c.withdrawn_at === null),
    };
  }
  return out;
}
