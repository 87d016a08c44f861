import fs from 'node:fs';
import {
  CAREER_REQUIREMENTS,
  EDUCATION_LEVELS,
  EMPLOYMENT_TYPES,
  PERSON_GROUPS,
  VACANCY_STATUSES,
} from '@ilteo/shared';
import { dayNumber } from '../../packages/server/src/engine/search/days.js';
import { DEFAULT_DESCRIPTION_CHARS } from '../../packages/server/src/engine/search/vacancy-index.js';
import { normalize } from '../../packages/server/src/engine/text/normalize.js';
import {
  type DemoEmployer,
  DemoRandom,
  demoContext,
  demoDongs,
  demoEmployer,
  demoSeeker,
  demoVacancy,
} from '../../packages/server/src/modules/demo/registry-demo.js';
import { DEMO_OCCUPATIONS } from '../../packages/server/src/modules/demo/registry-demo-data.js';
import { parseCsv } from '../../packages/server/src/modules/taxonomy/csv.js';
import { referenceDataPath } from '../../packages/server/src/reference-data.js';
import { Random } from '../lib/random.js';

/**
 * Vacancies and seekers for the search benchmark, drawn from the demo registry's generator
 * (modules/demo/registry-demo.ts: the same occupations, titles, wages, dongs and groups as the
 * Bupyeong demo), held in columns so a million of them fit in a few hundred megabytes, and the
 * query sets the engines are measured with. No database: every engine gets the same documents.
 */

/** Descriptions are cut to what VacancyIndex indexes by default, for every engine alike. */
export const DESCRIPTION_CHARS = DEFAULT_DESCRIPTION_CHARS;
/** Vacancies per employer, on average (as in the demo: 800 over 300). */
const VACANCIES_PER_EMPLOYER = 2.7;
/** The demo's "today": the search counts "posted within" back from it. */
export const TODAY = dayNumber('2019-11-30');

export const DONGS = demoDongs();
export const EMPLOYMENT = EMPLOYMENT_TYPES;
export const CAREERS = CAREER_REQUIREMENTS;
export const EDUCATIONS = EDUCATION_LEVELS;
export const GROUPS = PERSON_GROUPS;
export const STATUSES = VACANCY_STATUSES;

/** An occupation as the search sees it: its KECO-2018 label and parent chain. */
export interface Occupation {
  code: string;
  label: string;
  /** 대분류, 중분류, 소분류, 세분류. */
  path: string[];
}

/** The demo's occupations with their labels and parent chains from reference-data/keco-2018. */
export function occupations(): Occupation[] {
  const text = fs.readFileSync(referenceDataPath('keco-2018/keco2018_detail_450_with_ksco7.csv'), 'utf8');
  const [header, ...records] = parseCsv(text).records;
  const at = (cells: string[], name: string) => cells[header!.cells.indexOf(name)]!.trim();
  const byCode = new Map(
    records.map(({ cells }) => [
      at(cells, 'keco_detail'),
      {
        label: at(cells, 'keco_detail_name'),
        path: ['keco_major', 'keco_middle', 'keco_minor', 'keco_detail'].map((c) => at(cells, c)),
      },
    ]),
  );
  return DEMO_OCCUPATIONS.map((o) => {
    const found = byCode.get(o.code);
    if (!found) throw new Error(`KECO-2018 has no ${o.code}`);
    return { code: o.code, ...found };
  });
}

/** N vacancies in columns; vacancy i has id i + 1. */
export interface VacancyData {
  n: number;
  occupations: Occupation[];
  title: string[];
  company: string[];
  description: string[];
  employerId: Int32Array;
  occupation: Uint8Array;
  dong: Uint8Array;
  monthlyWage: Int32Array;
  employmentType: Uint8Array;
  career: Uint8Array;
  education: Uint8Array;
  /** Bit g set: PERSON_GROUPS[g] is preferred or eligible. */
  groups: Uint8Array;
  opensOn: Int32Array;
  /** -1: until filled. */
  closesOn: Int32Array;
  status: Uint8Array;
  lat: Float64Array;
  lon: Float64Array;
  /** Each vacancy's indexed text, normalised, fields joined by U+0000: what recall is checked against. */
  haystack: string[];
}

const indexOf = <T>(list: readonly T[], value: T) => {
  const i = list.indexOf(value);
  if (i < 0) throw new Error(`unknown value ${String(value)}`);
  return i;
};

/** Generates n vacancies (and their employers) from a seed. */
export function generateVacancies(n: number, seed: number): VacancyData {
  const occ = occupations();
  const occIndex = new Map(occ.map((o, i) => [o.code, i]));
  const dongIndex = new Map(DONGS.map((d, i) => [d.code, i]));
  const context = demoContext(DONGS);
  const employerRandom = new DemoRandom(seed);
  const employers: DemoEmployer[] = [];
  const employerCount = Math.max(1, Math.round(n / VACANCIES_PER_EMPLOYER));
  for (let i = 0; i < employerCount; i++) employers.push(demoEmployer(employerRandom, context, i + 1));
  const sizeWeight: Record<string, number> = { micro: 1, small: 2, medium: 4, large: 6 };
  const random = new DemoRandom(seed + 1);
  const data: VacancyData = {
    n,
    occupations: occ,
    title: new Array(n),
    company: new Array(n),
    description: new Array(n),
    employerId: new Int32Array(n),
    occupation: new Uint8Array(n),
    dong: new Uint8Array(n),
    monthlyWage: new Int32Array(n),
    employmentType: new Uint8Array(n),
    career: new Uint8Array(n),
    education: new Uint8Array(n),
    groups: new Uint8Array(n),
    opensOn: new Int32Array(n),
    closesOn: new Int32Array(n),
    status: new Uint8Array(n),
    lat: new Float64Array(n),
    lon: new Float64Array(n),
    haystack: new Array(n),
  };
  for (let i = 0; i < n; i++) {
    // Bigger companies post more often (as in the demo), by rejection: O(1) a draw.
    let e = random.int(0, employers.length - 1);
    while (!random.chance(sizeWeight[employers[e]!.size ?? 'small']! / 6))
      e = random.int(0, employers.length - 1);
    const employer = employers[e]!;
    const v = demoVacancy(random, employer);
    const o = occ[occIndex.get(v.occupation_code)!]!;
    data.title[i] = v.title;
    data.company[i] = employer.name;
    data.description[i] = (v.description ?? '').slice(0, DESCRIPTION_CHARS);
    data.employerId[i] = e + 1;
    data.occupation[i] = occIndex.get(v.occupation_code)!;
    data.dong[i] = dongIndex.get(v.dong_code!)!;
    data.monthlyWage[i] = v.wage_monthly;
    data.employmentType[i] = indexOf(EMPLOYMENT, v.employment_type as (typeof EMPLOYMENT)[number]);
    data.career[i] = indexOf(CAREERS, v.career as (typeof CAREERS)[number]);
    data.education[i] = indexOf(EDUCATIONS, v.education as (typeof EDUCATIONS)[number]);
    let bits = 0;
    for (const g of [...JSON.parse(v.preferred_groups!), ...JSON.parse(v.eligible_groups!)] as string[])
      bits |= 1 << indexOf(GROUPS, g as (typeof GROUPS)[number]);
    data.groups[i] = bits;
    data.opensOn[i] = dayNumber(v.opens_on);
    data.closesOn[i] = v.closes_on ? dayNumber(v.closes_on) : -1;
    data.status[i] = indexOf(STATUSES, v.status);
    data.lat[i] = employer.lat;
    data.lon[i] = employer.lon;
    data.haystack[i] = [v.title, o.label, employer.name, data.description[i]!].map(normalize).join('\u0000');
  }
  return data;
}

/** Generates n seekers (their searchable parts) from a seed. */
export function generateSeekers(n: number, seed: number) {
  const occ = occupations();
  const byCode = new Map(occ.map((o) => [o.code, o]));
  const context = demoContext(DONGS);
  const random = new DemoRandom(seed + 2);
  const now = '2019-11-30T01:00:00.000Z';
  const out = new Array<{
    name: string;
    occupations: string[];
    occupationPaths: string[][];
    skills: string[];
    dong: string;
    education: string;
    groups: string[];
    birthYear: number;
    status: string;
    employmentTypes: string[];
  }>(n);
  for (let i = 0; i < n; i++) {
    const s = demoSeeker(random, context, i + 1, { now });
    const desired = (JSON.parse(s.desired_occupations!) as { code: string }[]).map(
      (d) => byCode.get(d.code)!,
    );
    out[i] = {
      name: s.name,
      occupations: desired.map((o) => o.label),
      occupationPaths: desired.map((o) => o.path),
      skills: (JSON.parse(s.skills!) as { code: string }[]).map((k) => k.code),
      dong: s.home_dong_code!,
      education: s.education,
      groups: JSON.parse(s.groups!) as string[],
      birthYear: s.birth_year,
      status: s.status!,
      employmentTypes: JSON.parse(s.employment_types!) as string[],
    };
  }
  return out;
}

/** Two-syllable words people type, from the demo's vocabulary. */
export const TWO_SYLLABLE_WORDS = [
  '간호',
  '조리',
  '포장',
  '용접',
  '요양',
  '사무',
  '택배',
  '판매',
  '생산',
  '경비',
  '청소',
  '지게',
  '주방',
  '서빙',
  '회계',
  '경리',
  '상담',
  '조립',
  '사출',
  '물류',
  '배송',
  '보육',
  '제빵',
  '운전',
  '계산',
  '정밀',
  '부품',
  '전자',
  '보호',
  '가공',
] as const;

/** A search measured on every engine: a text query (or none) and filters. */
export interface BenchQuery {
  q?: string;
  /** Lists are OR within a filter, AND across (as the API). Values are indexes into the vocabularies. */
  dong?: number[];
  employmentType?: number[];
  career?: number[];
  education?: number[];
  /** Occupation major groups (KECO 대분류 codes). */
  occupationGroup?: string[];
  wageBand?: number[];
  /** Only what the public sees: status open, not closed before TODAY (every public search asks this). */
  open?: boolean;
  facets: boolean;
}

/** Monthly-wage bands as VacancyIndex's WAGE_BAND_LIMITS (lower bounds). */
export const WAGE_BANDS = [0, 2_000_000, 2_500_000, 3_000_000, 4_000_000] as const;
export const WAGE_BAND_NAMES = ['under_2m', '2m_2_5m', '2_5m_3m', '3m_4m', '4m_plus'] as const;

/** The band index of a monthly wage. */
export function wageBand(wage: number): number {
  let b = 0;
  while (b + 1 < WAGE_BANDS.length && wage >= WAGE_BANDS[b + 1]!) b++;
  return b;
}

/** The four kinds of query the benchmark measures. */
export const CATEGORIES = ['two-syllable word', 'several words', 'filters only', 'filters + facets'] as const;
export type Category = (typeof CATEGORIES)[number];

const HANGUL_RUN = /[\uac00-\ud7a3]{2,}/g;

/** `count` queries of each category, drawn from the data with a seed. */
export function querySets(data: VacancyData, count: number, seed: number): Record<Category, BenchQuery[]> {
  const random = new Random(seed);
  const filters = (): Omit<BenchQuery, 'facets'> => {
    const q: Omit<BenchQuery, 'facets'> = {};
    const kinds = ['dong', 'employmentType', 'career', 'education', 'occupationGroup', 'wageBand'] as const;
    const chosen = new Set<string>();
    for (let k = random.int(1, 3); chosen.size < k; ) chosen.add(random.pick(kinds));
    for (const kind of chosen) {
      const some = (size: number, max: number) => {
        const out = new Set<number>();
        for (let i = random.int(1, max); out.size < i; ) out.add(random.int(0, size - 1));
        return [...out];
      };
      if (kind === 'dong') q.dong = some(DONGS.length, 3);
      if (kind === 'employmentType') q.employmentType = some(EMPLOYMENT.length, 2);
      if (kind === 'career') q.career = some(CAREERS.length, 1);
      if (kind === 'education') q.education = some(EDUCATIONS.length, 2);
      if (kind === 'wageBand') q.wageBand = some(WAGE_BANDS.length, 2);
      if (kind === 'occupationGroup') {
        const majors = [...new Set(data.occupations.map((o) => o.path[0]!))];
        q.occupationGroup = [random.pick(majors)];
      }
    }
    return q;
  };
  const several = (): string => {
    // Two or three words as someone types them: syllable runs from one vacancy's title, company
    // and occupation, each cut to its first two to four syllables.
    for (;;) {
      const i = random.int(0, data.n - 1);
      const runs = `${data.title[i]} ${data.occupations[data.occupation[i]!]!.label} ${data.company[i]}`
        .match(HANGUL_RUN)
        ?.filter((r) => r !== '데모');
      if (!runs || runs.length < 2) continue;
      const words = new Set<string>();
      for (let k = random.int(2, 3), tries = 0; words.size < k && tries < 10; tries++) {
        const run = random.pick(runs);
        words.add(run.slice(0, Math.min(run.length, random.int(2, 4))));
      }
      if (words.size >= 2) return [...words].join(' ');
    }
  };
  return {
    'two-syllable word': Array.from({ length: count }, () => ({
      q: random.pick(TWO_SYLLABLE_WORDS),
      facets: false,
    })),
    'several words': Array.from({ length: count }, () => ({ q: several(), facets: false })),
    'filters only': Array.from({ length: count }, () => ({ ...filters(), facets: false })),
    'filters + facets': Array.from({ length: count }, () => ({ ...filters(), facets: true })),
  };
}

/** Whether vacancy i passes a query's filters (not its text). */
export function passesFilters(data: VacancyData, i: number, q: BenchQuery, skip?: string): boolean {
  if (q.open && !isOpen(data, i)) return false;
  if (skip !== 'dong' && q.dong && !q.dong.includes(data.dong[i]!)) return false;
  if (skip !== 'employmentType' && q.employmentType && !q.employmentType.includes(data.employmentType[i]!))
    return false;
  if (skip !== 'career' && q.career && !q.career.includes(data.career[i]!)) return false;
  if (skip !== 'education' && q.education && !q.education.includes(data.education[i]!)) return false;
  if (skip !== 'wageBand' && q.wageBand && !q.wageBand.includes(wageBand(data.monthlyWage[i]!))) return false;
  if (
    skip !== 'occupationGroup' &&
    q.occupationGroup &&
    !q.occupationGroup.includes(data.occupations[data.occupation[i]!]!.path[0]!)
  )
    return false;
  return true;
}

/** Whether vacancy i is open and not closed before TODAY. */
export function isOpen(data: VacancyData, i: number): boolean {
  const closesOn = data.closesOn[i]!;
  return STATUSES[data.status[i]!] === 'open' && (closesOn < 0 || closesOn >= TODAY);
}

/**
 * The ids that truly match: every word of the query (split on spaces, normalised as the engines
 * normalise) occurs as a substring of the vacancy's indexed text, and the filters pass. This is
 * the yardstick of recall.
 */
export function bruteForce(data: VacancyData, q: BenchQuery): number[] {
  const words = q.q ? normalize(q.q).split(' ').filter(Boolean) : [];
  const out: number[] = [];
  for (let i = 0; i < data.n; i++) {
    const text = data.haystack[i]!;
    let ok = true;
    for (const w of words) {
      if (!text.includes(w)) {
        ok = false;
        break;
      }
    }
    if (ok && passesFilters(data, i, q)) out.push(i + 1);
  }
  return out;
}
