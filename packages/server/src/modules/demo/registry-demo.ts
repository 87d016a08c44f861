import fs from 'node:fs';
import {
  businessNumberCheckDigit,
  DEFAULT_MINIMUM_WAGES,
  type EducationLevel,
  type EmployerFlag,
  type EmployerSize,
  type EmploymentType,
  minimumAmount,
  minimumWageFor,
  monthlyEquivalent,
  type PersonGroup,
  type Shift,
  type WageType,
} from '@ilteo/shared';
import type { Insertable, Kysely } from 'kysely';
import type {
  ChangeLogTable,
  Database,
  EmployerTable,
  SeekerConsentTable,
  SeekerTable,
  VacancyTable,
} from '../../db/tables.js';
import { seededRandom } from '../../engine/random.js';
import { referenceDataPath } from '../../reference-data.js';
import { readRegionsGeoJson } from '../taxonomy/geo.js';
import {
  BENEFITS,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  DEMO_CERT_SCHEME,
  DEMO_CERTIFICATES,
  DEMO_OCCUPATIONS,
  type DemoOccupation,
  GIVEN_SYLLABLES,
  INDUSTRIAL_DONGS,
  type PayBand,
  SECTOR_INDUSTRY,
  SECTOR_INTROS,
  SECTOR_SHARE,
  SECTORS,
  type Sector,
  SURNAMES,
} from './registry-demo-data.js';

/**
 * The Bupyeong 2019 demo registry: fictional employers, vacancies and seekers drawn from a seeded
 * generator, so the same seed gives the same rows on every machine. Everything is marked
 * `is_demo = 1` and made up:
 * - people's names are a common surname and two given-name syllables (e.g. 김서연), which may
 *   coincide with a real person's name but never with a real person's data;
 * - phone numbers are in 010-0000-xxxx, a block no carrier assigns;
 * - e-mail addresses are at example.com (RFC 2606, reserved for examples);
 * - 사업자등록번호 start with 세무서 code 000, which no tax office has (they run from 101), and
 *   carry a correct check digit, so they pass validation and can never be a real company's;
 * - company names are composed of a place or a made-up word and a trade, followed by "(데모)";
 * - addresses are the dong and a made-up road, 데모길.
 * The pure part (`generateRegistryDemo`, `demoEmployer`, `demoVacancy`, `demoSeeker`) needs no
 * database: bench/search draws a million vacancies and seekers from the same distributions.
 */

/** How many of each the demo holds. */
export interface RegistryDemoSize {
  seekers: number;
  employers: number;
  vacancies: number;
}

/** The demo `npm start` seeds: about what a district's job centre works with. */
export const REGISTRY_DEMO_FULL: RegistryDemoSize = { seekers: 2000, employers: 300, vacancies: 800 };
/** The demo every test app gets: enough to search and list, quick to write. */
export const REGISTRY_DEMO_SMALL: RegistryDemoSize = { seekers: 40, employers: 20, vacancies: 60 };
/** The seed of the demo `seedDemo` writes. */
export const REGISTRY_DEMO_SEED = 2019;

/** The demo's year: vacancies open in it and wages meet its minimum. */
export const DEMO_YEAR = 2019;
/** The version of the seeker consent texts the demo records. */
export const DEMO_CONSENT_VERSION = '2026-11-01';
const REGION_SCHEME = 'KOSTAT-2018';
const KECO = 'KECO-2018';
const NCS = 'NCS';
const MINIMUM_HOURLY = minimumWageFor(DEFAULT_MINIMUM_WAGES, DEMO_YEAR)!;

/** A dong of the district with its centroid. */
export interface DemoDong {
  code: string;
  name: string;
  lat: number;
  lon: number;
}

/** Bupyeong's 22 dongs with their area-weighted centroids, from reference-data/geo. */
export function demoDongs(): DemoDong[] {
  const { features, errors } = readRegionsGeoJson(
    fs.readFileSync(referenceDataPath('geo/bupyeong_dong.geojson')),
  );
  if (errors.length) throw new Error(`reference-data/geo/bupyeong_dong.geojson: ${JSON.stringify(errors)}`);
  return features.map((f) => ({ code: f.code, name: f.name, lat: f.lat, lon: f.lon }));
}

/** A seeded source of random choices (mulberry32, as the plan demo uses). */
export class DemoRandom {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** One element of a non-empty list. */
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)]!;
  }

  /** One element, drawn with the given weights. */
  weighted<T>(list: readonly T[], weightOf: (item: T) => number): T {
    const total = list.reduce((sum, item) => sum + weightOf(item), 0);
    let at = this.next() * total;
    for (const item of list) {
      at -= weightOf(item);
      if (at < 0) return item;
    }
    return list[list.length - 1]!;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** An employer of the demo, as its row is written (without organisation and id). */
export type DemoEmployer = Omit<Insertable<EmployerTable>, 'organisation_id'> & {
  sector: Sector;
  flags: string;
  dong_code: string;
  lat: number;
  lon: number;
};

/** A vacancy of the demo (without organisation, employer id and id). */
export type DemoVacancy = Omit<Insertable<VacancyTable>, 'organisation_id' | 'employer_id'>;

/** A seeker of the demo with the consents they gave (without organisation, seeker id and id). */
export type DemoSeeker = Omit<Insertable<SeekerTable>, 'organisation_id'> & {
  consents: Omit<Insertable<SeekerConsentTable>, 'seeker_id'>[];
};

/** What the generators draw from besides randomness. */
export interface DemoContext {
  dongs: readonly DemoDong[];
  /** Company names given so far, so that two companies do not share one. */
  names: Set<string>;
}

/** A fresh context over Bupyeong's dongs. */
export function demoContext(dongs: readonly DemoDong[] = demoDongs()): DemoContext {
  return { dongs, names: new Set() };
}

const OCCUPATIONS_BY_SECTOR = new Map<Sector, DemoOccupation[]>(
  SECTORS.map((s) => [s, DEMO_OCCUPATIONS.filter((o) => o.sector === s)]),
);
const OCCUPATION_BY_CODE = new Map(DEMO_OCCUPATIONS.map((o) => [o.code, o]));

/** The demo occupation of a KECO-2018 code (only the demo's own codes). */
export function demoOccupation(code: string): DemoOccupation {
  const found = OCCUPATION_BY_CODE.get(code);
  if (!found) throw new RangeError(`${code} is not an occupation of the demo`);
  return found;
}

const SIZE_MIX: Record<Sector, Partial<Record<EmployerSize, number>>> = {
  manufacturing: { micro: 10, small: 55, medium: 30, large: 5 },
  care: { micro: 20, small: 60, medium: 20 },
  food: { micro: 60, small: 40 },
  retail: { micro: 40, small: 50, medium: 10 },
  logistics: { small: 60, medium: 35, large: 5 },
  office: { micro: 40, small: 50, medium: 10 },
  facility: { small: 60, medium: 40 },
};
const SOCIAL_ECONOMY_SHARE: Record<Sector, number> = {
  manufacturing: 0.03,
  care: 0.15,
  food: 0.1,
  retail: 0.03,
  logistics: 0.03,
  office: 0.03,
  facility: 0.2,
};
/** Companies (주식회사) by sector; the others are sole traders (개인사업자). */
const CORPORATE_SHARE: Record<Sector, number> = {
  manufacturing: 0.7,
  care: 0.2,
  food: 0.1,
  retail: 0.3,
  logistics: 0.6,
  office: 0.5,
  facility: 0.6,
};

/**
 * A fictional 사업자등록번호: 세무서 code 000 (never assigned), 81 for a company or 10 for a
 * sole trader, a serial from the index (unique for the first 10,000 of each kind), and the check
 * digit `rules/business-number.ts` computes. Ten digits, no hyphens, as stored.
 */
export function demoBusinessNumber(index: number, corporate: boolean): string {
  const firstNine = `000${corporate ? '81' : '10'}${String(index % 10_000).padStart(4, '0')}`;
  return `${firstNine}${businessNumberCheckDigit(firstNine)}`;
}

/** A phone number in the 010-0000-xxxx block no carrier assigns, as digits. */
export function demoPhone(serial: number): string {
  return `0100000${String(serial % 10_000).padStart(4, '0')}`;
}

/** A fictional person's name: surname and two different given-name syllables. */
export function demoPersonName(random: DemoRandom, gender: 'female' | 'male'): string {
  const syllables = GIVEN_SYLLABLES[gender];
  const first = random.pick(syllables);
  let second = random.pick(syllables);
  while (second === first) second = random.pick(syllables);
  return `${random.pick(SURNAMES)}${first}${second}`;
}

/** A place near a dong's centroid (within about 400 m), to six decimals. */
function near(random: DemoRandom, dong: DemoDong): { lat: number; lon: number } {
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    lat: round(dong.lat + (random.float() - 0.5) * 0.007),
    lon: round(dong.lon + (random.float() - 0.5) * 0.009),
  };
}

/** A whole-day date of a year between two day-of-year numbers (1-based), `YYYY-MM-DD`. */
function dayOf(year: number, fromDay: number, toDay: number, random: DemoRandom): string {
  const date = new Date(Date.UTC(year, 0, random.int(fromDay, toDay)));
  return date.toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 10:00 in Korea on a date, as an ISO timestamp. */
function morningOf(date: string): string {
  return `${date}T01:00:00.000Z`;
}

/** One demo employer; `index` numbers its business number. */
export function demoEmployer(random: DemoRandom, context: DemoContext, index: number): DemoEmployer {
  const sector = random.weighted(SECTORS, (s) => SECTOR_SHARE[s]);
  const corporate = random.chance(CORPORATE_SHARE[sector]);
  const name = companyName(random, context, sector, corporate);
  const inComplex =
    sector === 'manufacturing' && random.chance(0.75)
      ? context.dongs.filter((d) => (INDUSTRIAL_DONGS as readonly string[]).includes(d.code))
      : context.dongs;
  const dong = random.pick(inComplex.length ? inComplex : context.dongs);
  const flags: EmployerFlag[] = [];
  if (sector === 'manufacturing' && (INDUSTRIAL_DONGS as readonly string[]).includes(dong.code)) {
    if (random.chance(0.85)) flags.push('industrial_complex');
  }
  if (random.chance(SOCIAL_ECONOMY_SHARE[sector])) flags.push('social_economy');
  if (random.chance(sector === 'manufacturing' ? 0.12 : 0.03)) flags.push('strong_small');
  const size = random.weighted(Object.entries(SIZE_MIX[sector]) as [EmployerSize, number][], ([, w]) => w)[0];
  const created = dayOf(DEMO_YEAR - 1, 1, 365 + 300, random);
  const verified = random.chance(0.85);
  const contactGender = random.chance(0.6) ? 'female' : 'male';
  return {
    sector,
    name,
    business_number: demoBusinessNumber(index, corporate),
    representative: demoPersonName(random, random.chance(0.8) ? 'male' : 'female'),
    industry: random.pick(SECTOR_INDUSTRY[sector]),
    size,
    address: `인천광역시 부평구 ${dong.name} 데모길 ${random.int(1, 199)}`,
    region_scheme: REGION_SCHEME,
    dong_code: dong.code,
    ...near(random, dong),
    flags: JSON.stringify(flags),
    homepage: null,
    description: random.pick(SECTOR_INTROS[sector]),
    contacts: JSON.stringify([
      {
        name: demoPersonName(random, contactGender),
        position: random.pick(['인사 담당', '대표', '총무 담당', '센터장', '점장']),
        phone: formatPhone(demoPhone(5000 + index)),
        email: `hr${index}@example.com`,
      },
    ]),
    verified_at: verified ? morningOf(addDays(created, random.int(1, 20))) : null,
    verified_by: null,
    is_demo: 1,
    created_at: morningOf(created),
    updated_at: morningOf(created),
  };
}

function formatPhone(digits: string): string {
  return `${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`;
}

function companyName(random: DemoRandom, context: DemoContext, sector: Sector, corporate: boolean): string {
  const suffix = () => random.pick(COMPANY_SUFFIXES[sector]);
  let base = `${random.pick(COMPANY_PREFIXES)}${suffix()}`;
  for (let attempt = 0; context.names.has(base) && attempt < 8; attempt++) {
    base = `${random.pick(COMPANY_PREFIXES)}${random.pick(COMPANY_PREFIXES)}${suffix()}`;
  }
  if (context.names.has(base)) base = `${base} ${context.names.size + 1}`;
  context.names.add(base);
  return `${corporate ? '주식회사 ' : ''}${base} (데모)`;
}

/** A wage of a pay band, at or above the demo year's minimum, rounded as employers write it. */
export function demoWage(random: DemoRandom, band: PayBand): { type: WageType; amount: number } {
  const unit = { hourly: 10, daily: 5_000, monthly: 10_000, annual: 1_000_000 }[band.type];
  const raw = band.min + random.float() * (band.max - band.min);
  const floor = minimumAmount(band.type, MINIMUM_HOURLY);
  const amount = Math.max(Math.round(raw / unit) * unit, Math.ceil(floor / unit) * unit);
  return { type: band.type, amount };
}

const VACANCY_STATUS_MIX = [
  ['open', 72],
  ['closed', 15],
  ['filled', 10],
  ['draft', 3],
] as const;

/** One vacancy of an employer, drawn from the occupations of its sector. */
export function demoVacancy(
  random: DemoRandom,
  employer: Pick<DemoEmployer, 'sector' | 'name' | 'dong_code' | 'lat' | 'lon' | 'address' | 'flags'>,
  options: { occupation?: string; status?: DemoVacancy['status']; createdBy?: number | null } = {},
): DemoVacancy {
  const occupation = options.occupation
    ? demoOccupation(options.occupation)
    : random.weighted(OCCUPATIONS_BY_SECTOR.get(employer.sector)!, (o) => o.weight);
  const wage = demoWage(
    random,
    random.weighted(occupation.pay, (b) => b.weight),
  );
  const partTime = wage.type === 'hourly' && random.chance(0.45);
  const weeklyHours = partTime
    ? random.pick([15, 20, 25, 30])
    : employer.sector === 'manufacturing' && random.chance(0.1)
      ? 44
      : 40;
  const employmentType: EmploymentType = partTime
    ? random.pick(['permanent_part_time', 'fixed_term_part_time'] as const)
    : wage.type === 'daily'
      ? random.chance(0.7)
        ? 'daily'
        : 'fixed_term'
      : random.weighted(
          [
            ['permanent', 65],
            ['fixed_term', 25],
            [employer.sector === 'care' ? 'substitute' : 'dispatch', 5],
          ] as const,
          ([, w]) => w,
        )[0];
  const career = random.weighted(
    [
      ['any', 45],
      ['new', 25],
      ['experienced', 30],
    ] as const,
    ([, w]) => w,
  )[0];
  const status = options.status ?? random.weighted(VACANCY_STATUS_MIX, ([, w]) => w)[0];
  // The demo's clock stands in late 2019: open vacancies were posted in the second half of the
  // year and run 채용 시까지 (no closing date, so they stay open whenever the demo is shown);
  // closed and filled ones ran a few weeks earlier in the year.
  const opensOn =
    status === 'open'
      ? dayOf(DEMO_YEAR, 182, 324, random)
      : status === 'draft'
        ? dayOf(DEMO_YEAR, 305, 330, random)
        : dayOf(DEMO_YEAR, 2, 270, random);
  const closesOn = status === 'closed' || status === 'filled' ? addDays(opensOn, random.int(14, 45)) : null;
  let title = random.pick(occupation.titles);
  if (random.chance(0.15))
    title += career === 'new' ? ' (신입 가능)' : career === 'experienced' ? ' (경력 우대)' : '';
  const benefits = new Set<string>();
  for (let i = random.int(2, 4); i > 0; i--) benefits.add(random.pick(BENEFITS));
  const preferred = new Set<PersonGroup>();
  if (occupation.preferredGroups.length && random.chance(0.35))
    preferred.add(random.pick(occupation.preferredGroups));
  if (random.chance(0.05)) preferred.add('disabled');
  const eligible: PersonGroup[] = random.chance(0.01) ? ['disabled'] : [];
  const createdAt = morningOf(opensOn);
  const closedAt = closesOn ? morningOf(closesOn) : null;
  const [intro] = [random.pick(SECTOR_INTROS[employer.sector])];
  const skills = occupation.skills.map((code) => ({ scheme: NCS, code }));
  return {
    title,
    description: `${intro} ${occupation.label} 업무를 맡을 분을 모십니다. ${[...benefits].join(', ')}.`,
    occupation_scheme: KECO,
    occupation_code: occupation.code,
    required_skills: JSON.stringify(random.chance(0.6) ? skills.slice(0, 1) : []),
    preferred_skills: JSON.stringify(random.chance(0.3) ? skills.slice(1) : []),
    required_certificates: '[]',
    preferred_certificates: '[]',
    education: random.pick(occupation.education),
    career,
    min_career_months: career === 'experienced' ? random.pick([6, 12, 24, 36]) : 0,
    wage_type: wage.type,
    wage_amount: wage.amount,
    wage_monthly: monthlyEquivalent(wage.type, wage.amount),
    weekly_hours: weeklyHours,
    shifts: JSON.stringify(random.pick(occupation.shifts)),
    employment_type: employmentType,
    openings:
      employer.sector === 'manufacturing'
        ? random.int(1, 8)
        : employer.sector === 'logistics'
          ? random.int(1, 5)
          : random.int(1, 3),
    address: employer.address ?? null,
    region_scheme: REGION_SCHEME,
    dong_code: employer.dong_code,
    region_name: null,
    lat: employer.lat,
    lon: employer.lon,
    opens_on: opensOn,
    closes_on: closesOn,
    preferred_groups: JSON.stringify([...preferred]),
    eligible_groups: JSON.stringify(eligible),
    status,
    source: 'own',
    external_id: null,
    external_url: null,
    created_by: options.createdBy ?? null,
    is_demo: 1,
    created_at: createdAt,
    updated_at: closedAt ?? createdAt,
    closed_at: closedAt,
  };
}

/** The sectors people of an age and gender look for work in, with weights. */
function sectorPreferences(age: number, gender: 'female' | 'male'): Partial<Record<Sector, number>> {
  if (age >= 65) return { care: 30, facility: 45, food: 12, logistics: 5, retail: 8 };
  if (age >= 50) {
    return gender === 'female'
      ? { care: 35, food: 25, facility: 15, retail: 10, manufacturing: 10, office: 5 }
      : { manufacturing: 30, logistics: 25, facility: 25, food: 5, office: 5, care: 10 };
  }
  return gender === 'female'
    ? { office: 25, care: 20, retail: 15, food: 15, manufacturing: 20, logistics: 5 }
    : { manufacturing: 40, logistics: 20, office: 15, food: 10, retail: 10, care: 5 };
}

function educationFor(random: DemoRandom, birthYear: number): EducationLevel {
  const mix: [EducationLevel, number][] =
    birthYear >= 1980
      ? [
          ['high', 45],
          ['college', 25],
          ['university', 30],
        ]
      : birthYear >= 1965
        ? [
            ['middle', 10],
            ['high', 55],
            ['college', 15],
            ['university', 20],
          ]
        : [
            ['elementary', 15],
            ['middle', 30],
            ['high', 45],
            ['university', 10],
          ];
  return random.weighted(mix, ([, w]) => w)[0];
}

/**
 * One demo seeker. `index` numbers their phone number; `now` is when the demo is seeded (the
 * seeker was last active in the four months before it, so the retention job keeps them).
 */
export function demoSeeker(
  random: DemoRandom,
  context: DemoContext,
  index: number,
  options: { now: string; deskUnitIds?: readonly number[] },
): DemoSeeker {
  const gender = random.chance(0.55) ? 'female' : 'male';
  const birthYear = random.weighted(
    [
      [[1945, 1954], 10],
      [[1955, 1969], 35],
      [[1970, 1984], 25],
      [[1985, 2000], 30],
    ] as const,
    ([, w]) => w,
  )[0];
  const born = random.int(birthYear[0], birthYear[1]);
  const age = DEMO_YEAR - born;
  const preferences = Object.entries(sectorPreferences(age, gender)) as [Sector, number][];
  const sector = random.weighted(preferences, ([, w]) => w)[0];
  const wanted = new Set<string>();
  const count = random.weighted(
    [
      [1, 40],
      [2, 40],
      [3, 20],
    ] as const,
    ([, w]) => w,
  )[0];
  while (wanted.size < count) {
    const from =
      wanted.size === 0 || random.chance(0.7) ? sector : random.weighted(preferences, ([, w]) => w)[0];
    wanted.add(random.weighted(OCCUPATIONS_BY_SECTOR.get(from)!, (o) => o.weight).code);
  }
  const desired = [...wanted].map(demoOccupation);
  const declared: string[] = [];
  if (gender === 'female' && age >= 30 && age <= 54 && random.chance(0.25))
    declared.push('career_break_women');
  if (random.chance(0.04)) declared.push('disabled');
  if (random.chance(0.08)) declared.push('vulnerable');
  if (random.chance(0.04)) declared.push('self_sufficiency');
  const partTime = random.chance(age >= 65 ? 0.6 : declared.includes('career_break_women') ? 0.4 : 0.1);
  const band = random.weighted(desired[0]!.pay, (b) => b.weight);
  const wage = random.chance(0.85) ? demoWage(random, band) : null;
  const careers: { occupation: { scheme: string; code: string }; months: number }[] = [];
  for (let i = age < 25 ? random.int(0, 1) : random.int(1, 3); i > 0; i--) {
    const occupation = random.chance(0.6)
      ? random.pick(desired)
      : random.pick(OCCUPATIONS_BY_SECTOR.get(sector)!);
    careers.push({
      occupation: { scheme: KECO, code: occupation.code },
      months: random.int(6, Math.max(6, Math.min(240, (age - 18) * 12))),
    });
  }
  const skills = random.chance(0.7) ? [...new Set(desired.flatMap((o) => o.skills))] : [];
  const registeredBy = random.chance(0.55) || !options.deskUnitIds?.length ? 'self' : 'desk';
  const created = dayOf(DEMO_YEAR - 1, 150, 365 + 320, random);
  const nowDate = options.now.slice(0, 10);
  const lastActive = `${addDays(nowDate, -random.int(0, 120))}T${options.now.slice(11)}`;
  const status = random.weighted(
    [
      ['active', 85],
      ['employed', 10],
      ['inactive', 5],
    ] as const,
    ([, w]) => w,
  )[0];
  const createdAt = morningOf(created);
  const consents: DemoSeeker['consents'] = [
    {
      purpose: 'employment_services',
      version: DEMO_CONSENT_VERSION,
      granted_at: createdAt,
      withdrawn_at: null,
      recorded_by: null,
    },
  ];
  if (random.chance(0.8)) {
    consents.push({
      purpose: 'recommendation',
      version: DEMO_CONSENT_VERSION,
      granted_at: createdAt,
      withdrawn_at: null,
      recorded_by: null,
    });
  }
  if (declared.includes('disabled')) {
    consents.push({
      purpose: 'sensitive',
      version: DEMO_CONSENT_VERSION,
      granted_at: createdAt,
      withdrawn_at: null,
      recorded_by: null,
    });
  }
  return {
    user_id: null,
    name: demoPersonName(random, gender),
    birth_year: born,
    gender,
    phone: random.chance(0.9) ? demoPhone(index) : null,
    email: random.chance(0.4) ? `seeker${index}@example.com` : null,
    desired_occupations: JSON.stringify(desired.map((o) => ({ scheme: KECO, code: o.code }))),
    skills: JSON.stringify(skills.map((code) => ({ scheme: NCS, code }))),
    certificates: '[]',
    education: educationFor(random, born),
    careers: JSON.stringify(careers),
    wage_type: wage?.type ?? null,
    wage_amount: wage?.amount ?? null,
    wage_monthly: wage ? monthlyEquivalent(wage.type, wage.amount) : null,
    wage_firm: wage && random.chance(0.2) ? 1 : 0,
    weekly_hours: partTime ? random.pick([20, 25, 30]) : 40,
    shifts: JSON.stringify(
      random.weighted(
        [
          [['day'], 70],
          [['day', 'evening'], 15],
          [sector === 'manufacturing' ? ['rotating'] : ['day', 'weekend'], 15],
        ] as [Shift[], number][],
        ([, w]) => w,
      )[0],
    ),
    employment_types: JSON.stringify(
      partTime
        ? ['permanent_part_time', 'fixed_term_part_time']
        : random.chance(0.5)
          ? ['permanent']
          : ['permanent', 'fixed_term'],
    ),
    home_region_scheme: REGION_SCHEME,
    home_dong_code: random.pick(context.dongs).code,
    commute_km: age >= 65 ? random.int(2, 5) : random.int(3, 15),
    available_from: random.chance(0.5) ? dayOf(DEMO_YEAR, 280, 365, random) : null,
    groups: JSON.stringify(declared),
    status,
    registered_by: registeredBy,
    desk_unit_id: registeredBy === 'desk' ? random.pick(options.deskUnitIds!) : null,
    intake_note: registeredBy === 'desk' ? '데모: 창구 상담으로 등록' : null,
    is_demo: 1,
    created_at: createdAt,
    updated_at: createdAt,
    last_active_at: lastActive,
    consents,
  };
}

/** Everything the demo registry writes, before it has ids. */
export interface RegistryDemo {
  employers: DemoEmployer[];
  /** Each vacancy with the index of its employer in `employers`. */
  vacancies: { employer: number; row: DemoVacancy }[];
  seekers: DemoSeeker[];
}

/** What the generation needs besides the sizes. */
export interface RegistryDemoOptions extends RegistryDemoSize {
  seed: number;
  /** When the demo is seeded (ISO); seekers' last activity is counted back from it. */
  now: string;
  dongs?: readonly DemoDong[];
  /** Counselling desks (unit ids) seekers registered at a desk are assigned to. */
  deskUnitIds?: readonly number[];
  /**
   * The demo employer account's company: it becomes employers[0], a manufacturer in 청천2동,
   * and gets the first few vacancies.
   */
  accountEmployer?: { name: string; userId: number | null };
  /** The demo seeker account: it becomes seekers[0]. */
  accountSeeker?: { name: string; userId: number };
}

/** The vacancies the demo employer account has: three open, one filled. */
const ACCOUNT_VACANCIES = [
  { occupation: '8132', status: 'open' },
  { occupation: '8172', status: 'open' },
  { occupation: '8859', status: 'open' },
  { occupation: '8241', status: 'filled' },
] as const;

/**
 * The whole demo registry, drawn from the seed: employers, vacancies (spread over employers by
 * their size) and seekers, each kind from its own stream so that changing one count does not
 * reshuffle the others. Pure: the same options give the same rows.
 */
/**
 * Gives vacancies the certificates their occupation asks for and seekers those of the
 * occupations they desire, by the shares of DEMO_CERTIFICATES — with random sources of their own
 * (one per kind), so the rest of the demo stays as it was drawn.
 */
function assignDemoCertificates(
  vacancies: RegistryDemo['vacancies'],
  seekers: DemoSeeker[],
  seed: number,
): void {
  const ref = (code: string) => ({ scheme: DEMO_CERT_SCHEME, code });
  let random = new DemoRandom(seed + 3);
  for (const { row } of vacancies) {
    const required: string[] = [];
    const preferred: string[] = [];
    for (const c of DEMO_CERTIFICATES) {
      if (!c.occupations.includes(row.occupation_code)) continue;
      const draw = random.float();
      if (draw < c.required) required.push(c.code);
      else if (draw < c.required + c.preferred) preferred.push(c.code);
    }
    row.required_certificates = JSON.stringify(required.map(ref));
    row.preferred_certificates = JSON.stringify(preferred.map(ref));
  }
  random = new DemoRandom(seed + 4);
  for (const seeker of seekers) {
    const desired = new Set(
      (JSON.parse(seeker.desired_occupations ?? '[]') as { code: string }[]).map((o) => o.code),
    );
    const held = DEMO_CERTIFICATES.filter(
      (c) => c.occupations.some((o) => desired.has(o)) && random.chance(c.held),
    );
    seeker.certificates = JSON.stringify(held.map((c) => ref(c.code)));
  }
}

/** The demo's certificate list as taxonomy items (labels for the screens and the search). */
async function ensureDemoCertificates(db: Kysely<Database>, now: string): Promise<void> {
  const existing = await db
    .selectFrom('taxonomy_items')
    .select('code')
    .where('kind', '=', 'certificate')
    .where('scheme', '=', DEMO_CERT_SCHEME)
    .execute();
  const have = new Set(existing.map((r) => r.code));
  const rows = DEMO_CERTIFICATES.filter((c) => !have.has(c.code)).map((c) => ({
    kind: 'certificate' as const,
    scheme: DEMO_CERT_SCHEME,
    code: c.code,
    label: c.label,
    label_en: c.labelEn,
    parent_code: null,
    level: 1,
    aliases: '[]',
    created_at: now,
    updated_at: now,
  }));
  if (rows.length) await db.insertInto('taxonomy_items').values(rows).execute();
}

export function generateRegistryDemo(options: RegistryDemoOptions): RegistryDemo {
  const context = demoContext(options.dongs);
  const employerRandom = new DemoRandom(options.seed);
  const employers: DemoEmployer[] = [];
  for (let i = 0; i < options.employers; i++) employers.push(demoEmployer(employerRandom, context, i + 1));
  const vacancyRandom = new DemoRandom(options.seed + 1);
  const vacancies: RegistryDemo['vacancies'] = [];
  let first = 0;
  if (options.accountEmployer && employers.length) {
    const dong = context.dongs.find((d) => d.code === '2306062') ?? context.dongs[0]!;
    employers[0] = {
      ...employers[0]!,
      sector: 'manufacturing',
      name: options.accountEmployer.name,
      business_number: demoBusinessNumber(1, true),
      representative: '정채용',
      industry: 'C',
      size: 'small',
      address: `인천광역시 부평구 ${dong.name} 데모길 1`,
      dong_code: dong.code,
      lat: Math.round(dong.lat * 1e6) / 1e6,
      lon: Math.round(dong.lon * 1e6) / 1e6,
      flags: JSON.stringify(['industrial_complex', 'strong_small']),
      description:
        '부평산단에 입주한 자동차부품 제조업체입니다. CNC 가공과 조립 라인을 운영합니다. (데모 회사)',
      contacts: JSON.stringify([
        { name: '정채용', position: '인사 담당', phone: '010-0000-9000', email: 'employer@demo.ilteo.kr' },
      ]),
    };
    for (const v of ACCOUNT_VACANCIES.slice(0, options.vacancies)) {
      vacancies.push({
        employer: 0,
        row: demoVacancy(vacancyRandom, employers[0]!, { ...v, createdBy: options.accountEmployer.userId }),
      });
    }
    first = vacancies.length;
  }
  const sizeWeight: Record<string, number> = { micro: 1, small: 2, medium: 4, large: 6 };
  // The account's company has only its own few vacancies, so its portal shows what it posted.
  const indexes = employers.map((_, i) => i).filter((i) => !(options.accountEmployer && i === 0));
  for (let i = first; i < options.vacancies && indexes.length; i++) {
    const e = vacancyRandom.weighted(indexes, (j) => sizeWeight[employers[j]!.size ?? 'small']!);
    vacancies.push({ employer: e, row: demoVacancy(vacancyRandom, employers[e]!) });
  }
  const seekerRandom = new DemoRandom(options.seed + 2);
  const seekers: DemoSeeker[] = [];
  for (let i = 0; i < options.seekers; i++) {
    seekers.push(
      demoSeeker(seekerRandom, context, i + 1, { now: options.now, deskUnitIds: options.deskUnitIds }),
    );
  }
  assignDemoCertificates(vacancies, seekers, options.seed);
  if (options.accountSeeker && seekers.length) {
    const base = seekers[0]!;
    seekers[0] = {
      ...base,
      user_id: options.accountSeeker.userId,
      name: options.accountSeeker.name,
      birth_year: 1978,
      gender: 'female',
      email: 'seeker@demo.ilteo.kr',
      desired_occupations: JSON.stringify([
        { scheme: KECO, code: '3075' },
        { scheme: KECO, code: '5501' },
      ]),
      skills: JSON.stringify([{ scheme: NCS, code: '06' }]),
      certificates: JSON.stringify([
        { scheme: DEMO_CERT_SCHEME, code: 'nurse-aide' },
        { scheme: DEMO_CERT_SCHEME, code: 'care-worker' },
      ]),
      careers: JSON.stringify([{ occupation: { scheme: KECO, code: '3075' }, months: 48 }]),
      wage_type: 'monthly',
      wage_amount: 2_000_000,
      wage_monthly: 2_000_000,
      wage_firm: 0,
      groups: JSON.stringify(['career_break_women']),
      status: 'active',
      registered_by: 'self',
      desk_unit_id: null,
      intake_note: null,
      consents: (['employment_services', 'recommendation'] as const).map((purpose) => ({
        purpose,
        version: DEMO_CONSENT_VERSION,
        granted_at: base.created_at,
        withdrawn_at: null,
        recorded_by: null,
      })),
    };
  }
  return { employers, vacancies, seekers };
}

/** What `seedRegistryDemo` wrote. */
export interface RegistryDemoCounts {
  employers: number;
  vacancies: number;
  seekers: number;
  consents: number;
}

/** Rows a multi-row INSERT carries: far below SQLite's 32,766 and PostgreSQL's 65,535 parameters. */
const CHUNK = 400;

/** Inserts rows in chunks and returns their ids in the order given. */
async function insertReturningIds<T extends 'employers' | 'vacancies' | 'seekers'>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let at = 0; at < rows.length; at += CHUNK) {
    const inserted = await db
      .insertInto(table)
      .values(rows.slice(at, at + CHUNK) as never)
      .returning('id')
      .execute();
    // Ids come from one sequence in one transaction, so they ascend in the order of the rows.
    ids.push(...inserted.map((r) => (r as { id: number }).id).sort((a, b) => a - b));
  }
  return ids;
}

async function insertChunks<T extends 'seeker_consents' | 'change_log'>(
  db: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let at = 0; at < rows.length; at += CHUNK * 2) {
    await db
      .insertInto(table)
      .values(rows.slice(at, at + CHUNK * 2) as never)
      .execute();
  }
}

/**
 * Writes the demo registry of an organisation (call it inside the seeding transaction). The
 * demo employer account's existing company row (`accountEmployer.id`) gets a full profile
 * instead of a new row; the demo seeker account gets its profile. Each row is also entered in
 * the change log, so server processes already running pick the demo up like any other write.
 */
export async function seedRegistryDemo(
  db: Kysely<Database>,
  options: Omit<RegistryDemoOptions, 'accountEmployer'> & {
    organisationId: number;
    accountEmployer?: { id: number; name: string; userId: number | null };
  },
): Promise<RegistryDemoCounts> {
  const demo = generateRegistryDemo(options);
  const org = options.organisationId;
  await ensureDemoCertificates(db, options.now);
  const employerRow = ({ sector: _sector, ...row }: DemoEmployer) => ({ ...row, organisation_id: org });
  const employerIds: number[] = [];
  let generated = demo.employers;
  if (options.accountEmployer && demo.employers.length) {
    const { created_at: _c, is_demo: _d, ...profile } = employerRow(demo.employers[0]!);
    await db
      .updateTable('employers')
      .set({ ...profile, name: options.accountEmployer.name })
      .where('id', '=', options.accountEmployer.id)
      .execute();
    employerIds.push(options.accountEmployer.id);
    generated = demo.employers.slice(1);
  }
  employerIds.push(...(await insertReturningIds(db, 'employers', generated.map(employerRow))));
  const vacancyIds = await insertReturningIds(
    db,
    'vacancies',
    demo.vacancies.map((v) => ({ ...v.row, organisation_id: org, employer_id: employerIds[v.employer]! })),
  );
  const seekerIds = await insertReturningIds(
    db,
    'seekers',
    demo.seekers.map(({ consents: _consents, ...row }) => ({ ...row, organisation_id: org })),
  );
  const consents = demo.seekers.flatMap((s, i) =>
    s.consents.map((c) => ({ ...c, seeker_id: seekerIds[i]! })),
  );
  await insertChunks(db, 'seeker_consents', consents);
  const at = options.now;
  const changes: Insertable<ChangeLogTable>[] = [
    ...employerIds.map((id) => ({ entity: 'employer' as const, entity_id: id, op: 'upsert' as const, at })),
    ...vacancyIds.map((id) => ({ entity: 'vacancy' as const, entity_id: id, op: 'upsert' as const, at })),
    ...seekerIds.map((id) => ({ entity: 'seeker' as const, entity_id: id, op: 'upsert' as const, at })),
  ];
  await insertChunks(db, 'change_log', changes);
  return {
    employers: employerIds.length,
    vacancies: vacancyIds.length,
    seekers: seekerIds.length,
    consents: consents.length,
  };
}
