import type { HardToFillReason, MismatchFigures } from '@ilteo/shared';
import { distanceKm } from '../../engine/search/geo.js';

/** A vacancy as the analytics read it; `group` is its occupation group at the chosen level. */
export interface MismatchVacancy {
  id: number;
  group: string;
  dong: string | null;
  lat: number | null;
  lon: number | null;
  openings: number;
  wageMonthly: number;
  status: 'draft' | 'open' | 'closed' | 'filled';
  /** YYYY-MM-DD. */
  opensOn: string;
  closesOn: string | null;
  /** YYYY-MM-DD of `closed_at`, for closed and filled ones. */
  closedOn: string | null;
  /** Keys of required certificates and skills (`scheme:code`). */
  requiredCertificates: string[];
  requiredSkills: string[];
  /**
   * Who may suit it: seekers whose `fits` include this (the service passes the occupation's
   * group one level above the occupation itself, e.g. the KECO 소분류). Default: `group`.
   */
  fit?: string;
}

/** A seeker as the analytics read it: desired groups at the chosen level, home dong's centroid. */
export interface MismatchSeeker {
  groups: string[];
  dong: string | null;
  lat: number | null;
  lon: number | null;
  commuteKm: number;
  wageMonthly: number | null;
  status: 'active' | 'employed' | 'inactive';
  /** YYYY-MM-DD of registration. */
  registeredOn: string;
  certificates: string[];
  skills: string[];
  /** Desired occupations' groups at the vacancies' `fit` level. Default: `groups`. */
  fits?: string[];
}

export interface MismatchInput {
  year: number;
  /** One month of the year, or null for the whole year. */
  month: number | null;
  /** Today (YYYY-MM-DD); the period is cut there. */
  today: string;
  vacancies: MismatchVacancy[];
  seekers: MismatchSeeker[];
}

/** Figures with codes; labels are the service's business. */
export interface MismatchResult {
  asOf: string;
  totals: MismatchFigures;
  groups: (MismatchFigures & { code: string })[];
  dongs: (MismatchFigures & { code: string })[];
  cells: {
    group: string;
    dong: string;
    openVacancies: number;
    openings: number;
    seekers: number;
    ratio: number | null;
  }[];
  months: (MismatchFigures & { month: number })[];
  missingCertificates: { code: string; vacancies: number }[];
  missingSkills: { code: string; vacancies: number }[];
  hardToFill: { vacancyId: number; openDays: number; groupSeekers: number; reasons: HardToFillReason[] }[];
}

/** Days a vacancy must have been open, without a suitable seeker, to count as hard to fill. */
export const HARD_TO_FILL_DAYS = 30;
/** How many missing certificates and skills the report lists. */
export const MISSING_LIMIT = 10;

const DAY_MS = 86_400_000;
const FAR_FUTURE = '9999-12-31';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOf(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The earlier of two days (YYYY-MM-DD compares as text). */
function earlier(a: string, b: string): string {
  return a <= b ? a : b;
}

/** Whole days from `a` to `b` (both YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** The median, or null of nothing; the mean of the middle two for an even count. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number, places: number): number {
  const f = 10 ** places;
  return Math.round(value * f) / f;
}

/** The last day a vacancy was open: when it closed, or its closing date, or never. */
function endOf(v: MismatchVacancy): string {
  if (v.status === 'closed' || v.status === 'filled') return v.closedOn ?? v.closesOn ?? v.opensOn;
  return v.closesOn ?? FAR_FUTURE;
}

function openIn(v: MismatchVacancy, start: string, end: string): boolean {
  return v.status !== 'draft' && v.opensOn <= end && endOf(v) >= start;
}

function figures(
  vacancies: MismatchVacancy[],
  seekers: MismatchSeeker[],
  start: string,
  end: string,
): MismatchFigures {
  const open = vacancies.filter((v) => openIn(v, start, end));
  const openings = open.reduce((sum, v) => sum + v.openings, 0);
  const present = seekers.filter((s) => s.registeredOn <= end);
  const ended = vacancies.filter(
    (v) => (v.status === 'closed' || v.status === 'filled') && endOf(v) >= start && endOf(v) <= end,
  );
  const filled = ended.filter((v) => v.status === 'filled');
  const offered = median(open.map((v) => v.wageMonthly));
  const desired = median(present.flatMap((s) => (s.wageMonthly === null ? [] : [s.wageMonthly])));
  return {
    openVacancies: open.length,
    openings,
    seekers: present.length,
    ratio: present.length === 0 ? null : round(openings / present.length, 2),
    fillRate: ended.length === 0 ? null : round(filled.length / ended.length, 4),
    medianDaysToFill: median(filled.map((v) => daysBetween(v.opensOn, endOf(v)))),
    offeredWage: offered === null ? null : Math.round(offered),
    desiredWage: desired === null ? null : Math.round(desired),
    wageGap: offered === null || desired === null ? null : Math.round(offered - desired),
  };
}

function groupBy<T>(items: T[], keys: (item: T) => (string | null)[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      if (key === null) continue;
      const list = map.get(key);
      if (list) list.push(item);
      else map.set(key, [item]);
    }
  }
  return map;
}

/**
 * Whether a seeker suits a vacancy: the same occupation group (already given), active, holds
 * every required certificate, and lives within their commute limit of the workplace (unknown
 * locations are given the benefit of the doubt).
 */
function holdsCertificates(s: MismatchSeeker, v: MismatchVacancy): boolean {
  return v.requiredCertificates.every((c) => s.certificates.includes(c));
}

function withinCommute(s: MismatchSeeker, v: MismatchVacancy): boolean {
  if (s.lat === null || s.lon === null || v.lat === null || v.lon === null) return true;
  return distanceKm(s.lat, s.lon, v.lat, v.lon) <= s.commuteKm;
}

function topMissing(counts: Map<string, number>): { code: string; vacancies: number }[] {
  return [...counts]
    .map(([code, vacancies]) => ({ code, vacancies }))
    .sort((a, b) => b.vacancies - a.vacancies || (a.code < b.code ? -1 : 1))
    .slice(0, MISSING_LIMIT);
}

/**
 * The mismatch between vacancies and seekers of one organisation in a period: by occupation
 * group, by dong, by both, by month; the requirements nobody in a group meets; and the vacancies
 * open over 30 days that no seeker suits, with the reasons. Seekers count while active and
 * registered by the period's end (the registry keeps no history of their status).
 */
export function analyseMismatch(input: MismatchInput): MismatchResult {
  const { year, month } = input;
  const start = month === null ? `${year}-01-01` : `${year}-${pad(month)}-01`;
  const periodEnd = month === null ? `${year}-12-31` : lastDayOf(year, month);
  const end = earlier(input.today, periodEnd);
  const vacancies = input.vacancies.filter((v) => v.status !== 'draft');
  const seekers = input.seekers.filter((s) => s.status === 'active');
  const present = seekers.filter((s) => s.registeredOn <= end);

  const vacanciesByGroup = groupBy(vacancies, (v) => [v.group]);
  const seekersByGroup = groupBy(seekers, (s) => s.groups);
  const groupCodes = [...new Set([...vacanciesByGroup.keys(), ...seekersByGroup.keys()])].sort();
  const groups = groupCodes
    .map((code) => ({
      code,
      ...figures(vacanciesByGroup.get(code) ?? [], seekersByGroup.get(code) ?? [], start, end),
    }))
    .filter((g) => g.openVacancies > 0 || g.seekers > 0);

  const vacanciesByDong = groupBy(vacancies, (v) => [v.dong]);
  const seekersByDong = groupBy(seekers, (s) => [s.dong]);
  const dongCodes = [...new Set([...vacanciesByDong.keys(), ...seekersByDong.keys()])].sort();
  const dongs = dongCodes.map((code) => ({
    code,
    ...figures(vacanciesByDong.get(code) ?? [], seekersByDong.get(code) ?? [], start, end),
  }));

  const cells: MismatchResult['cells'] = [];
  const openNow = vacancies.filter((v) => openIn(v, start, end));
  const vacancyCells = groupBy(openNow, (v) => [v.dong === null ? null : `${v.group}\u0000${v.dong}`]);
  const seekerCells = groupBy(present, (s) =>
    s.dong === null ? [] : s.groups.map((g) => `${g}\u0000${s.dong}`),
  );
  for (const key of [...new Set([...vacancyCells.keys(), ...seekerCells.keys()])].sort()) {
    const [group, dong] = key.split('\u0000') as [string, string];
    const vs = vacancyCells.get(key) ?? [];
    const openings = vs.reduce((sum, v) => sum + v.openings, 0);
    const count = seekerCells.get(key)?.length ?? 0;
    cells.push({
      group,
      dong,
      openVacancies: vs.length,
      openings,
      seekers: count,
      ratio: count === 0 ? null : round(openings / count, 2),
    });
  }

  const lastMonth = month ?? (end < start ? 0 : Number(end.slice(5, 7)));
  const firstMonth = month ?? 1;
  const months: MismatchResult['months'] = [];
  for (let m = firstMonth; m <= lastMonth; m++) {
    const monthEnd = earlier(lastDayOf(year, m), end);
    months.push({ month: m, ...figures(vacancies, seekers, `${year}-${pad(m)}-01`, monthEnd) });
  }

  const missingCertificates = new Map<string, number>();
  const missingSkills = new Map<string, number>();
  const hardToFill: MismatchResult['hardToFill'] = [];
  // A suitable seeker desires the vacancy's occupation or a sibling of it, holds its required
  // certificates and lives within their commute limit of it.
  const presentByFit = groupBy(present, (s) => s.fits ?? s.groups);
  for (const v of openNow) {
    const candidates = presentByFit.get(v.fit ?? v.group) ?? [];
    for (const c of new Set(v.requiredCertificates)) {
      if (!candidates.some((s) => s.certificates.includes(c))) {
        missingCertificates.set(c, (missingCertificates.get(c) ?? 0) + 1);
      }
    }
    for (const k of new Set(v.requiredSkills)) {
      if (!candidates.some((s) => s.skills.includes(k)))
        missingSkills.set(k, (missingSkills.get(k) ?? 0) + 1);
    }
    const openDays = daysBetween(v.opensOn, end);
    if (v.status !== 'open' || endOf(v) < end || openDays <= HARD_TO_FILL_DAYS) continue;
    if (candidates.some((s) => holdsCertificates(s, v) && withinCommute(s, v))) continue;
    const reasons: HardToFillReason[] = [];
    if (candidates.length === 0) reasons.push('no_seeker_in_group');
    else {
      if (!candidates.some((s) => holdsCertificates(s, v))) reasons.push('no_certificate_holder');
      if (!candidates.some((s) => withinCommute(s, v))) reasons.push('beyond_commute');
      if (reasons.length === 0) reasons.push('no_one_meets_all');
    }
    hardToFill.push({ vacancyId: v.id, openDays, groupSeekers: candidates.length, reasons });
  }
  hardToFill.sort((a, b) => b.openDays - a.openDays || a.vacancyId - b.vacancyId);

  return {
    asOf: end,
    totals: figures(vacancies, seekers, start, end),
    groups,
    dongs,
    cells,
    months,
    missingCertificates: topMissing(missingCertificates),
    missingSkills: topMissing(missingSkills),
    hardToFill,
  };
}
