import { CAREER_REQUIREMENTS, EDUCATION_LEVELS } from '@ilteo/shared';
import type { MatchSeeker, MatchVacancy, OccupationPath } from '../../engine/match/types.js';
import { dayNumber } from '../../engine/search/index.js';
import type * as repo from './search.repository.js';
import { codeChain, jsonRefs, jsonStrings, type SearchLabels, visibleGroups } from './search-index.js';

/**
 * The matcher's documents (#5), made from the same rows as the search documents: occupations as
 * parent chains of codes of their own scheme, skills and certificates as `scheme:code` keys,
 * places from the row or the dong's centroid, and the seeker's `disabled` group only while the
 * sensitive consent stands. A seeker is recommendable to employers while both the employment
 * services consent and the recommendation consent stand and they are active.
 */

/** An education level's rank (EDUCATION_LEVELS order: 0 any … 7 doctorate), 0 when unknown. */
export const educationRank = (level: string) => Math.max(0, EDUCATION_LEVELS.indexOf(level as never));
const refKeys = (json: string) => jsonRefs(json).map((r) => `${r.scheme}:${r.code}`);

export function matchVacancy(row: repo.VacancyIndexRow, labels: SearchLabels): MatchVacancy {
  const dong = row.dong_code ? labels.dongs.get(row.dong_code) : undefined;
  const lat = row.lat ?? dong?.lat ?? null;
  const lon = row.lon ?? dong?.lon ?? null;
  const hasPlace = lat !== null && lon !== null;
  return {
    id: row.id,
    orgId: row.organisation_id,
    employerId: row.employer_id,
    occupationScheme: row.occupation_scheme,
    occupation: codeChain(labels, row.occupation_scheme, row.occupation_code),
    requiredSkills: refKeys(row.required_skills),
    preferredSkills: refKeys(row.preferred_skills),
    requiredCertificates: refKeys(row.required_certificates),
    preferredCertificates: refKeys(row.preferred_certificates),
    education: educationRank(row.education),
    career: (CAREER_REQUIREMENTS as readonly string[]).includes(row.career)
      ? (row.career as MatchVacancy['career'])
      : 'any',
    minCareerMonths: row.min_career_months,
    monthlyWage: row.wage_monthly,
    weeklyHours: row.weekly_hours,
    shifts: jsonStrings(row.shifts),
    employmentType: row.employment_type,
    lat: hasPlace ? lat : null,
    lon: hasPlace ? lon : null,
    opensOn: dayNumber(row.opens_on),
    closesOn: row.closes_on ? dayNumber(row.closes_on) : null,
    status: row.status,
    eligibleGroups: jsonStrings(row.eligible_groups),
    preferredGroups: jsonStrings(row.preferred_groups),
  };
}

export function matchSeeker(
  row: repo.SeekerIndexRow,
  labels: SearchLabels,
  consents: ReadonlySet<string>,
): MatchSeeker {
  const desired = jsonRefs(row.desired_occupations);
  const scheme = desired[0]?.scheme ?? '';
  const dong = row.home_dong_code ? labels.dongs.get(row.home_dong_code) : undefined;
  const hasPlace = dong !== undefined && dong.lat !== null && dong.lon !== null;
  const groups = visibleGroups(labels, row.organisation_id, row.birth_year, row.groups);
  if (consents.has('sensitive') && jsonStrings(row.groups).includes('disabled')) groups.push('disabled');
  return {
    id: row.id,
    orgId: row.organisation_id,
    occupationScheme: scheme,
    desired: desired.filter((r) => r.scheme === scheme).map((r) => codeChain(labels, r.scheme, r.code)),
    careers: careersOf(row.careers, labels, scheme),
    skills: refKeys(row.skills),
    certificates: refKeys(row.certificates),
    education: educationRank(row.education),
    desiredMonthlyWage: row.wage_monthly,
    wageFirm: row.wage_firm === 1,
    weeklyHours: row.weekly_hours,
    shifts: jsonStrings(row.shifts),
    employmentTypes: jsonStrings(row.employment_types),
    lat: hasPlace ? dong.lat : null,
    lon: hasPlace ? dong.lon : null,
    commuteKm: row.commute_km,
    groups,
    availableFrom: row.available_from ? dayNumber(row.available_from) : null,
    status: row.status,
    recommendable:
      row.status === 'active' && consents.has('employment_services') && consents.has('recommendation'),
  };
}

function careersOf(json: string, labels: SearchLabels, scheme: string): MatchSeeker['careers'] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  const out: { occupation: OccupationPath; months: number }[] = [];
  for (const entry of value) {
    const ref = entry?.occupation;
    if (typeof ref?.scheme !== 'string' || typeof ref?.code !== 'string' || ref.scheme !== scheme) continue;
    if (typeof entry.months !== 'number' || ref.code === '') continue;
    out.push({ occupation: codeChain(labels, ref.scheme, ref.code), months: entry.months });
  }
  return out;
}
