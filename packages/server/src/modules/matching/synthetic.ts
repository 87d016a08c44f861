import fs from 'node:fs';
import { ageGroupsFor, monthlyEquivalent } from '@ilteo/shared';
import type { Grade, Hire, LabelledSet } from '../../engine/match/evaluate.js';
import type { MatchSeeker, MatchVacancy, OccupationPath } from '../../engine/match/types.js';
import { dayNumber } from '../../engine/search/days.js';
import { distanceKm } from '../../engine/search/geo.js';
import type { VacancyDocument } from '../../engine/search/vacancy-index.js';
import { referenceDataPath } from '../../reference-data.js';
import {
  DEMO_YEAR,
  type DemoEmployer,
  DemoRandom,
  demoContext,
  demoDongs,
  demoEmployer,
  demoOccupation,
  demoSeeker,
  demoVacancy,
  demoWage,
} from '../demo/registry-demo.js';
import { educationRank } from '../search/match-documents.js';
import { parseCsv } from '../taxonomy/csv.js';

/**
 * A labelled set for the matching evaluation (#5), generated with a seed: the same vacancies,
 * seekers and labels on every machine. See docs/matching-evaluation.md.
 *
 * Each seeker is first drawn as a latent truth — the job they are really after, the least they
 * would really take, how far they would really travel, the certificates they really hold, their
 * experience — from the demo registry's distributions (modules/demo/registry-demo.ts). What the
 * matcher sees, the profile, is a noisy view of that truth drawn from a separate random stream:
 * a desired occupation that is sometimes a neighbour or the parent group of the real one, a
 * stated wage that is off, a commute limit that is off, certificates and careers left out,
 * narrower shifts than they would accept. The labels read only the truth and the vacancy's posted
 * facts, never the profile or the scorer: `gradePair` takes no MatchSeeker and no weight.
 */

/** The demo's "today". */
export const SYNTHETIC_TODAY = dayNumber('2019-11-30');
const KECO = 'KECO-2018';
const CERT = 'DEMO-CERT';

/** Sizes and seeds of a set; `profileSeed` draws the profiles' noise (default: from `seed`). */
export interface SyntheticOptions {
  vacancies: number;
  seekers: number;
  seed: number;
  profileSeed?: number;
}

/** The set `npm run eval:match` evaluates on. */
export const SYNTHETIC_DEFAULTS: SyntheticOptions = { vacancies: 3000, seekers: 1500, seed: 20191130 };

/**
 * Licences some demo occupations ask for (the demo registry has none): the certificate key, the
 * share of vacancies requiring it and the share only preferring it. Keys are made up.
 */
export const LICENCES: Readonly<
  Record<string, { key: string; label: string; required: number; preferred: number }>
> = {
  '5501': { key: `${CERT}:care-worker`, label: '요양보호사', required: 0.8, preferred: 0.2 },
  '3075': { key: `${CERT}:nurse-aide`, label: '간호조무사', required: 1, preferred: 0 },
  '3040': { key: `${CERT}:nurse`, label: '간호사 면허', required: 1, preferred: 0 },
  '2311': { key: `${CERT}:social-worker`, label: '사회복지사', required: 0.9, preferred: 0.1 },
  '2321': { key: `${CERT}:childcare-teacher`, label: '보육교사', required: 1, preferred: 0 },
  '5312': { key: `${CERT}:korean-cook`, label: '한식조리기능사', required: 0.3, preferred: 0.4 },
  '6230': { key: `${CERT}:forklift`, label: '지게차운전기능사', required: 0.7, preferred: 0.2 },
  '6223': { key: `${CERT}:large-vehicle`, label: '1종 대형 운전면허', required: 0.6, preferred: 0.3 },
  '6222': { key: `${CERT}:bus-driver`, label: '버스운전자격', required: 1, preferred: 0 },
  '8241': { key: `${CERT}:welder`, label: '용접기능사', required: 0.3, preferred: 0.4 },
};

/** How the truth is drawn where the demo registry says nothing. */
export const TRUTH = {
  /** The reservation wage is this share (uniform between the two) of the wage the demo seeker asks. */
  reservationShare: [0.85, 1] as const,
  /** Chance of holding the licence of the target occupation, of a past or another wished one. */
  licenceOfTarget: 0.9,
  licenceOfOther: 0.5,
  /** Chance of accepting each of evening, weekend, night and rotating shifts beyond those stated. */
  extraShift: 0.2,
  /** Days after which an open vacancy is as likely filled (and not yet closed) as still hiring. */
  staleHalfLifeDays: 120,
  /** Share of seekers with a job they would take who were hired into one (the simulated hires). */
  hired: 0.3,
} as const;

/** How the profile departs from the truth (the noise the matcher has to see through). */
export const PROFILE_NOISE = {
  /** The first desired occupation: the target (the rest), a sibling, the parent group, or the target second. */
  sibling: 0.15,
  parent: 0.15,
  targetSecond: 0.1,
  /** Stated wage = reservation × exp(N(mean, sd)), rounded to 10,000 won (people ask a little more). */
  wageLogMean: 0.07,
  wageLogSd: 0.08,
  /** Stated commute = true × exp(N(0, sd)), whole km, at least 1; a share state none (0). */
  commuteLogSd: 0.3,
  noCommuteLimit: 0.1,
  /** Chance that a held certificate or a past job is left off the profile. */
  certificateUnlisted: 0.15,
  careerUnlisted: 0.15,
  /** Chance of stating no shift at all. */
  noShifts: 0.2,
} as const;

/** The occupation taxonomy the set uses: KECO-2018 paths, labels of every level, siblings. */
export interface Keco {
  /** 세분류 code → its chain (대, 중, 소, 세분류). */
  paths: ReadonlyMap<string, OccupationPath>;
  /** Code of any level → its Korean label. */
  labels: ReadonlyMap<string, string>;
  /** 소분류 code → its 세분류 codes. */
  byMinor: ReadonlyMap<string, readonly string[]>;
}

/** KECO-2018 from reference-data/keco-2018. */
export function kecoTaxonomy(): Keco {
  const text = fs.readFileSync(referenceDataPath('keco-2018/keco2018_detail_450_with_ksco7.csv'), 'utf8');
  const [header, ...records] = parseCsv(text).records;
  const at = (cells: string[], name: string) => cells[header!.cells.indexOf(name)]!.trim();
  const groups = JSON.parse(
    fs.readFileSync(referenceDataPath('keco-2018/keco2018_major_middle_minor.json'), 'utf8'),
  ) as Record<'major' | 'middle' | 'minor', Record<string, string>>;
  const paths = new Map<string, OccupationPath>();
  const labels = new Map<string, string>([
    ...Object.entries(groups.major),
    ...Object.entries(groups.middle),
    ...Object.entries(groups.minor),
  ]);
  const byMinor = new Map<string, string[]>();
  for (const { cells } of records) {
    const path = Object.freeze(
      ['keco_major', 'keco_middle', 'keco_minor', 'keco_detail'].map((c) => at(cells, c)),
    );
    const code = path[3]!;
    paths.set(code, path);
    labels.set(code, at(cells, 'keco_detail_name'));
    const minor = byMinor.get(path[2]!) ?? [];
    minor.push(code);
    byMinor.set(path[2]!, minor);
  }
  return { paths, labels, byMinor };
}

/** NCS 대분류 labels by skill key (`NCS:15` → 기계). */
export function ncsLabels(): ReadonlyMap<string, string> {
  const { codes } = JSON.parse(
    fs.readFileSync(referenceDataPath('keco-2018/ncs_level1_24.json'), 'utf8'),
  ) as { codes: Record<string, string> };
  return new Map(Object.entries(codes).map(([code, label]) => [`NCS:${code}`, label]));
}

/** What a synthetic seeker really is; the labels read this and nothing of the profile. */
export interface SeekerTruth {
  seekerId: number;
  /** The occupation they are really after (a 세분류). */
  target: OccupationPath;
  /** The least monthly equivalent they would really take. */
  reservationWage: number;
  /** Where they really live (a point in their dong; the profile has the dong's centroid). */
  lat: number;
  lon: number;
  maxCommuteKm: number;
  certificates: readonly string[];
  education: number;
  /** Career months by 소분류 code. */
  monthsByMinor: ReadonlyMap<string, number>;
  partTime: boolean;
  /** Shifts they would really work. */
  shifts: readonly string[];
  /** Groups they belong to (age groups and declared ones). */
  groups: readonly string[];
}

/** The generated set: documents for the matcher and the search, the truths and the labels. */
export interface SyntheticSet {
  today: number;
  vacancies: MatchVacancy[];
  documents: VacancyDocument[];
  seekers: MatchSeeker[];
  truths: SeekerTruth[];
  /** Vacancy ids that are still really hiring (the others were filled and are still listed). */
  stillHiring: ReadonlySet<number>;
  /** Complete graded labels: every seeker, every vacancy of grade 1 or 2 (the rest are 0). */
  labels: Map<number, Map<number, Grade>>;
  /** Simulated hires: for some seekers, one vacancy of grade 2. */
  hires: Hire[];
  keco: Keco;
}

/** Whether a vacancy suits the truth from the seeker's side: pay, distance, hours, shifts, still hiring. */
export function acceptable(truth: SeekerTruth, vacancy: MatchVacancy, stillHiring: boolean): boolean {
  if (!stillHiring || vacancy.monthlyWage < truth.reservationWage) return false;
  if (vacancy.lat !== null && vacancy.lon !== null) {
    if (distanceKm(truth.lat, truth.lon, vacancy.lat, vacancy.lon) > truth.maxCommuteKm) return false;
  }
  if (truth.partTime ? vacancy.weeklyHours > 30 : vacancy.weeklyHours < 35) return false;
  return vacancy.shifts.every((s) => truth.shifts.includes(s));
}

/** Whether the truth meets the vacancy's requirements: licences, schooling, experience in its 소분류, eligibility. */
export function qualified(truth: SeekerTruth, vacancy: MatchVacancy): boolean {
  if (vacancy.requiredCertificates.some((c) => !truth.certificates.includes(c))) return false;
  if (truth.education < vacancy.education) return false;
  const minor = vacancy.occupation[2];
  if (vacancy.minCareerMonths > (minor === undefined ? 0 : (truth.monthsByMinor.get(minor) ?? 0)))
    return false;
  return vacancy.eligibleGroups.length === 0 || vacancy.eligibleGroups.some((g) => truth.groups.includes(g));
}

/**
 * The label of a pair, from the truth and the vacancy's posted facts only: 2 when the vacancy is
 * the target occupation, acceptable and the seeker qualified; 1 when it is another occupation of
 * the target's 소분류, acceptable and qualified; 0 otherwise.
 */
export function gradePair(truth: SeekerTruth, vacancy: MatchVacancy, stillHiring: boolean): Grade {
  const same = vacancy.occupation.length === truth.target.length && vacancy.occupation[3] === truth.target[3];
  const sibling = !same && vacancy.occupation[2] !== undefined && vacancy.occupation[2] === truth.target[2];
  if (!same && !sibling) return 0;
  if (!acceptable(truth, vacancy, stillHiring) || !qualified(truth, vacancy)) return 0;
  return same ? 2 : 1;
}

/** A normal deviate (Box–Muller) from a seeded source. */
function normal(random: DemoRandom): number {
  const u = 1 - random.float();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.float());
}

const refs = (json: string | null | undefined) =>
  JSON.parse(json ?? '[]') as { scheme: string; code: string }[];
const strings = (json: string | null | undefined) => JSON.parse(json ?? '[]') as string[];

/**
 * Vacancies (ids 1…n), all listed as open, with their search documents and whether each is still
 * hiring. Ids follow the opening day, as a database numbers rows in the order they are created.
 */
function generateVacancies(n: number, seed: number, keco: Keco, context: ReturnType<typeof demoContext>) {
  const employerRandom = new DemoRandom(seed);
  const employers: DemoEmployer[] = [];
  for (let i = 0; i < Math.max(1, Math.round(n / 2.7)); i++)
    employers.push(demoEmployer(employerRandom, context, i + 1));
  const random = new DemoRandom(seed + 1);
  const extras = new DemoRandom(seed + 3);
  const drawn = [];
  for (let i = 0; i < n; i++) {
    const e = random.int(0, employers.length - 1);
    const v = demoVacancy(random, employers[e]!);
    const licence = LICENCES[v.occupation_code];
    const draw = extras.float();
    const opensOn = dayNumber(v.opens_on);
    const age = Math.max(0, SYNTHETIC_TODAY - opensOn);
    drawn.push({
      e,
      v,
      opensOn,
      required: licence && draw < licence.required ? [licence.key] : [],
      preferred:
        licence && draw >= licence.required && draw < licence.required + licence.preferred
          ? [licence.key]
          : [],
      stillHiring: extras.chance(0.5 ** (age / TRUTH.staleHalfLifeDays)),
    });
  }
  drawn.sort((a, b) => a.opensOn - b.opensOn);
  const vacancies: MatchVacancy[] = [];
  const documents: VacancyDocument[] = [];
  const stillHiring = new Set<number>();
  drawn.forEach(({ e, v, opensOn, required, preferred, stillHiring: hiring }, i) => {
    const id = i + 1;
    const employer = employers[e]!;
    const path = keco.paths.get(v.occupation_code) ?? [v.occupation_code];
    if (hiring) stillHiring.add(id);
    // The vacancies the demo closed are listed as open here, closing today at the earliest.
    const closesOn = v.closes_on ? Math.max(dayNumber(v.closes_on), SYNTHETIC_TODAY) : null;
    const preferredGroups = strings(v.preferred_groups);
    const eligibleGroups = strings(v.eligible_groups);
    vacancies.push({
      id,
      orgId: 1,
      employerId: e + 1,
      occupationScheme: KECO,
      occupation: path,
      requiredSkills: refs(v.required_skills).map((r) => `${r.scheme}:${r.code}`),
      preferredSkills: refs(v.preferred_skills).map((r) => `${r.scheme}:${r.code}`),
      requiredCertificates: required,
      preferredCertificates: preferred,
      education: educationRank(v.education ?? 'any'),
      career: v.career as MatchVacancy['career'],
      minCareerMonths: v.min_career_months ?? 0,
      monthlyWage: v.wage_monthly,
      weeklyHours: v.weekly_hours ?? 40,
      shifts: strings(v.shifts),
      employmentType: v.employment_type,
      lat: employer.lat,
      lon: employer.lon,
      opensOn,
      closesOn,
      status: 'open',
      eligibleGroups,
      preferredGroups,
    });
    documents.push({
      id,
      orgId: 1,
      employerId: e + 1,
      title: v.title,
      company: employer.name,
      occupation: keco.labels.get(v.occupation_code) ?? v.occupation_code,
      description: v.description ?? '',
      occupationPath: path,
      dong: employer.dong_code,
      monthlyWage: v.wage_monthly,
      employmentType: v.employment_type,
      career: v.career ?? 'any',
      education: v.education ?? 'any',
      targetGroups: [...new Set([...preferredGroups, ...eligibleGroups])],
      opensOn,
      closesOn,
      status: 'open',
      lat: employer.lat,
      lon: employer.lon,
    });
  });
  return { vacancies, documents, stillHiring };
}

/** What the demo generator drew for a seeker that the profile is written from (besides the truth). */
interface Draft {
  desired: string[];
  careers: { code: string; months: number }[];
  skills: string[];
  statesWage: boolean;
  wageFirm: boolean;
  weeklyHours: number;
  shifts: string[];
  employmentTypes: string[];
  dong: { lat: number; lon: number };
}

/** The truths of n seekers (ids 1…n) and the demo drafts their profiles are written from. */
function generateTruths(n: number, seed: number, keco: Keco, context: ReturnType<typeof demoContext>) {
  const random = new DemoRandom(seed + 2);
  const extras = new DemoRandom(seed + 4);
  const dongByCode = new Map(context.dongs.map((d) => [d.code, d]));
  const now = '2019-11-30T01:00:00.000Z';
  const truths: SeekerTruth[] = [];
  const drafts: Draft[] = [];
  for (let id = 1; id <= n; id++) {
    const s = demoSeeker(random, context, id, { now });
    const desired = refs(s.desired_occupations).map((r) => r.code);
    const target = desired[0]!;
    const careers = (JSON.parse(s.careers ?? '[]') as { occupation: { code: string }; months: number }[]).map(
      (c) => ({ code: c.occupation.code, months: c.months }),
    );
    const monthsByMinor = new Map<string, number>();
    for (const c of careers) {
      const minor = keco.paths.get(c.code)?.[2];
      if (minor) monthsByMinor.set(minor, (monthsByMinor.get(minor) ?? 0) + c.months);
    }
    const asked =
      s.wage_monthly ??
      (() => {
        const pay = demoOccupation(target).pay;
        const wage = demoWage(
          extras,
          extras.weighted(pay, (b) => b.weight),
        );
        return monthlyEquivalent(wage.type, wage.amount);
      })();
    const [low, high] = TRUTH.reservationShare;
    const reservationWage = Math.round((asked * (low + (high - low) * extras.float())) / 10_000) * 10_000;
    const certificates = new Set<string>();
    for (const code of new Set([target, ...desired, ...careers.map((c) => c.code)])) {
      const licence = LICENCES[code];
      if (licence && extras.chance(code === target ? TRUTH.licenceOfTarget : TRUTH.licenceOfOther))
        certificates.add(licence.key);
    }
    const stated = strings(s.shifts);
    const shifts = new Set(['day', ...stated]);
    for (const extra of ['evening', 'weekend', 'night', 'rotating'])
      if (extras.chance(TRUTH.extraShift)) shifts.add(extra);
    const dong = dongByCode.get(s.home_dong_code ?? '') ?? context.dongs[0]!;
    // A home somewhere in the dong (about ±400 m around its centroid).
    const lat = dong.lat + (extras.float() - 0.5) * 0.007;
    const lon = dong.lon + (extras.float() - 0.5) * 0.009;
    const weeklyHours = s.weekly_hours ?? 40;
    truths.push({
      seekerId: id,
      target: keco.paths.get(target) ?? [target],
      reservationWage,
      lat,
      lon,
      maxCommuteKm: s.commute_km ?? 10,
      certificates: [...certificates].sort(),
      education: educationRank(s.education ?? 'any'),
      monthsByMinor,
      partTime: weeklyHours < 40,
      shifts: [...shifts],
      groups: [...ageGroupsFor(s.birth_year, DEMO_YEAR), ...strings(s.groups)],
    });
    drafts.push({
      desired,
      careers,
      skills: refs(s.skills).map((r) => `${r.scheme}:${r.code}`),
      statesWage: s.wage_monthly !== null && s.wage_monthly !== undefined,
      wageFirm: s.wage_firm === 1,
      weeklyHours,
      shifts: stated,
      employmentTypes: strings(s.employment_types),
      dong: { lat: dong.lat, lon: dong.lon },
    });
  }
  return { truths, drafts };
}

/** The profile the matcher sees: the draft with the noise of PROFILE_NOISE, drawn from `random`. */
function profileOf(truth: SeekerTruth, draft: Draft, keco: Keco, random: DemoRandom): MatchSeeker {
  const target = truth.target;
  const others = draft.desired.slice(1).map((c) => keco.paths.get(c) ?? [c]);
  const siblings = (keco.byMinor.get(target[2] ?? '') ?? []).filter((c) => c !== target[3]);
  const r = random.float();
  let desired: OccupationPath[];
  if (r < PROFILE_NOISE.sibling && siblings.length > 0)
    desired = [keco.paths.get(random.pick(siblings))!, ...others];
  else if (r < PROFILE_NOISE.sibling + PROFILE_NOISE.parent) desired = [target.slice(0, 3), ...others];
  else if (r < PROFILE_NOISE.sibling + PROFILE_NOISE.parent + PROFILE_NOISE.targetSecond && others.length > 0)
    desired = [others[0]!, target, ...others.slice(1)];
  else desired = [target, ...others];
  const wage =
    Math.round(
      (truth.reservationWage *
        Math.exp(PROFILE_NOISE.wageLogMean + PROFILE_NOISE.wageLogSd * normal(random))) /
        10_000,
    ) * 10_000;
  const commute = random.chance(PROFILE_NOISE.noCommuteLimit)
    ? 0
    : Math.max(1, Math.round(truth.maxCommuteKm * Math.exp(PROFILE_NOISE.commuteLogSd * normal(random))));
  return {
    id: truth.seekerId,
    orgId: 1,
    occupationScheme: KECO,
    desired: desired.slice(0, 3),
    careers: draft.careers
      .filter(() => !random.chance(PROFILE_NOISE.careerUnlisted))
      .map((c) => ({ occupation: keco.paths.get(c.code) ?? [c.code], months: c.months })),
    skills: draft.skills,
    certificates: truth.certificates.filter(() => !random.chance(PROFILE_NOISE.certificateUnlisted)),
    education: truth.education,
    desiredMonthlyWage: draft.statesWage ? wage : null,
    wageFirm: draft.statesWage && draft.wageFirm,
    weeklyHours: draft.weeklyHours,
    shifts: random.chance(PROFILE_NOISE.noShifts) ? [] : draft.shifts,
    employmentTypes: draft.employmentTypes,
    lat: draft.dong.lat,
    lon: draft.dong.lon,
    commuteKm: commute,
    groups: truth.groups,
    availableFrom: null,
    status: 'active',
    recommendable: true,
  };
}

/** The complete labels: for each seeker, the vacancies of grade 1 or 2 (only the target's 소분류 can be). */
function labelAll(
  truths: readonly SeekerTruth[],
  vacancies: readonly MatchVacancy[],
  stillHiring: ReadonlySet<number>,
) {
  const byMinor = new Map<string, MatchVacancy[]>();
  for (const v of vacancies) {
    const minor = v.occupation[2] ?? '';
    const list = byMinor.get(minor) ?? [];
    list.push(v);
    byMinor.set(minor, list);
  }
  const labels = new Map<number, Map<number, Grade>>();
  for (const truth of truths) {
    const out = new Map<number, Grade>();
    for (const v of byMinor.get(truth.target[2] ?? '') ?? []) {
      const grade = gradePair(truth, v, stillHiring.has(v.id));
      if (grade > 0) out.set(v.id, grade);
    }
    labels.set(truth.seekerId, out);
  }
  return labels;
}

/** Simulated hires: a share of the seekers with a job they would take, each hired into one of those at random. */
function simulateHires(labels: ReadonlyMap<number, ReadonlyMap<number, Grade>>, seed: number): Hire[] {
  const random = new DemoRandom(seed + 5);
  const hires: Hire[] = [];
  for (const [seekerId, byVacancy] of labels) {
    const jobs = [...byVacancy.entries()].filter(([, g]) => g === 2).map(([id]) => id);
    if (jobs.length > 0 && random.chance(TRUTH.hired)) hires.push({ seekerId, vacancyId: random.pick(jobs) });
  }
  return hires;
}

/** Generates the set: the same options give the same documents, truths and labels. */
export function generateSynthetic(options: Partial<SyntheticOptions> = {}): SyntheticSet {
  const { vacancies: nv, seekers: ns, seed, profileSeed } = { ...SYNTHETIC_DEFAULTS, ...options };
  const keco = kecoTaxonomy();
  const context = demoContext(demoDongs());
  const { vacancies, documents, stillHiring } = generateVacancies(nv, seed, keco, context);
  const { truths, drafts } = generateTruths(ns, seed, keco, context);
  const noise = new DemoRandom(profileSeed ?? seed + 6);
  const seekers = truths.map((t, i) => profileOf(t, drafts[i]!, keco, noise));
  const labels = labelAll(truths, vacancies, stillHiring);
  return {
    today: SYNTHETIC_TODAY,
    vacancies,
    documents,
    seekers,
    truths,
    stillHiring,
    labels,
    hires: simulateHires(labels, seed),
    keco,
  };
}

/** The complete labels as a label set: every seeker, every open vacancy. */
export function syntheticLabelledSet(set: SyntheticSet): LabelledSet {
  return {
    source: 'synthetic',
    labels: set.labels,
    pairs: set.seekers.length * set.vacancies.length,
    seekerIds: set.seekers.map((s) => s.id),
    openVacancyIds: set.vacancies.map((v) => v.id),
  };
}

/** Only the simulated hires as labels (grade 2, nothing else known): what a database's records look like. */
export function hiresLabelledSet(set: SyntheticSet): LabelledSet {
  const labels = new Map<number, Map<number, Grade>>();
  for (const h of set.hires) labels.set(h.seekerId, new Map([[h.vacancyId, 2 as Grade]]));
  return { ...syntheticLabelledSet(set), labels, pairs: set.hires.length };
}
