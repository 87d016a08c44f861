import {
  type AgeRule,
  ageGroupsFor,
  formatPhone,
  type ItemRef,
  maskEmail,
  maskName,
  maskPhone,
  PERSON_GROUPS,
  type PersonGroup,
  type Seeker,
  type SeekerConsentPurpose,
} from '@ilteo/shared';
import type { SeekerConsentTable, SeekerRow } from '../../db/tables.js';

type ConsentRecord = Pick<
  SeekerConsentTable,
  'seeker_id' | 'purpose' | 'version' | 'granted_at' | 'withdrawn_at'
>;

/** Taxonomy labels and dong names a presentation needs, keyed by `kind|scheme|code` and code. */
export interface SeekerLabels {
  items: Map<string, string>;
  dongs: Map<string, string>;
}

interface StoredCareer {
  occupation: ItemRef;
  months: number;
  company?: string;
}

/** The JSON text columns of a seeker, parsed. */
export function parsedColumns(row: SeekerRow) {
  return {
    desiredOccupations: JSON.parse(row.desired_occupations) as ItemRef[],
    skills: JSON.parse(row.skills) as ItemRef[],
    certificates: JSON.parse(row.certificates) as ItemRef[],
    careers: JSON.parse(row.careers) as StoredCareer[],
    shifts: JSON.parse(row.shifts) as Seeker['shifts'],
    employmentTypes: JSON.parse(row.employment_types) as Seeker['employmentTypes'],
    groups: JSON.parse(row.groups) as PersonGroup[],
  };
}

/** The purposes whose consent currently stands (given and not withdrawn). */
export function standingPurposes(records: Pick<ConsentRecord, 'purpose' | 'withdrawn_at'>[]) {
  return new Set<SeekerConsentPurpose>(records.filter((r) => r.withdrawn_at === null).map((r) => r.purpose));
}

/**
 * Whether the employment-services consent was withdrawn and not given again. A seeker without
 * any record of it (e.g. imported from a system that kept consents on paper) has not withdrawn.
 */
export function servicesWithdrawn(records: Pick<ConsentRecord, 'purpose' | 'withdrawn_at'>[]): boolean {
  const services = records.filter((r) => r.purpose === 'employment_services');
  return services.length > 0 && services.every((r) => r.withdrawn_at !== null);
}

/** Declared groups and the age groups of the district's rules, in the vocabulary's order. */
export function groupsOf(
  declared: PersonGroup[],
  birthYear: number,
  rules: readonly AgeRule[],
  year: number,
) {
  const all = new Set<PersonGroup>([...declared, ...ageGroupsFor(birthYear, year, rules)]);
  return PERSON_GROUPS.filter((g) => all.has(g));
}

/** The full profile, as the seeker and (audited) staff see it. */
export function presentSeeker(
  row: SeekerRow,
  consents: ConsentRecord[],
  labels: SeekerLabels,
  ageRules: readonly AgeRule[],
  year = new Date().getUTCFullYear(),
): Seeker {
  const cols = parsedColumns(row);
  const label = (kind: string) => (ref: ItemRef) => ({
    scheme: ref.scheme,
    code: ref.code,
    label: labels.items.get(`${kind}|${ref.scheme}|${ref.code}`) ?? null,
  });
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    birthYear: row.birth_year,
    gender: row.gender,
    phone: row.phone ? formatPhone(row.phone) : null,
    email: row.email,
    desiredOccupations: cols.desiredOccupations.map(label('occupation')),
    skills: cols.skills.map(label('skill')),
    certificates: cols.certificates.map(label('certificate')),
    education: row.education as Seeker['education'],
    careers: cols.careers.map((c) => ({
      occupation: label('occupation')(c.occupation),
      months: c.months,
      company: c.company ?? null,
    })),
    desiredWage:
      row.wage_type && row.wage_amount !== null
        ? { type: row.wage_type, amount: row.wage_amount, monthly: row.wage_monthly ?? row.wage_amount }
        : null,
    wageFirm: row.wage_firm === 1,
    weeklyHours: row.weekly_hours,
    shifts: cols.shifts,
    employmentTypes: cols.employmentTypes,
    homeDongCode: row.home_dong_code,
    homeDongName: row.home_dong_code ? (labels.dongs.get(row.home_dong_code) ?? null) : null,
    commuteKm: Number(row.commute_km),
    availableFrom: row.available_from,
    groups: groupsOf(cols.groups, row.birth_year, ageRules, year),
    status: row.status,
    consents: consents
      .filter((c) => c.seeker_id === row.id)
      .map((c) => ({
        purpose: c.purpose,
        version: c.version,
        grantedAt: c.granted_at,
        withdrawnAt: c.withdrawn_at,
      })),
    registeredBy: row.registered_by,
    deskUnitId: row.desk_unit_id,
    intakeNote: row.intake_note,
    isDemo: row.is_demo === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastActiveAt: row.last_active_at,
  };
}

/**
 * What the audit log keeps of a profile: contact data masked, no free-text note and never the
 * sensitive group (the log is append-only and outlives a deletion).
 */
export function auditableSeeker(row: SeekerRow) {
  const cols = parsedColumns(row);
  return {
    name: maskName(row.name),
    phone: row.phone ? maskPhone(row.phone) : null,
    email: row.email ? maskEmail(row.email) : null,
    birthYear: row.birth_year,
    desiredOccupations: cols.desiredOccupations,
    skills: cols.skills,
    certificates: cols.certificates,
    education: row.education,
    careers: cols.careers.map((c) => ({ occupation: c.occupation, months: c.months })),
    wage: row.wage_type ? { type: row.wage_type, amount: row.wage_amount } : null,
    wageFirm: row.wage_firm === 1,
    weeklyHours: row.weekly_hours,
    shifts: cols.shifts,
    employmentTypes: cols.employmentTypes,
    homeDongCode: row.home_dong_code,
    commuteKm: Number(row.commute_km),
    availableFrom: row.available_from,
    groups: cols.groups.filter((g) => g !== 'disabled'),
    status: row.status,
    deskUnitId: row.desk_unit_id,
    intakeNote: row.intake_note ? '(note)' : null,
  };
}

/**
 * What staff still see of a seeker who withdrew the employment-services consent: the record
 * that they were a seeker, their status and consent history, nothing else (the name masked).
 */
export function redactedSeeker(seeker: Seeker): Seeker {
  return {
    ...seeker,
    name: maskName(seeker.name),
    gender: null,
    phone: null,
    email: null,
    desiredOccupations: [],
    skills: [],
    certificates: [],
    careers: [],
    desiredWage: null,
    weeklyHours: null,
    shifts: [],
    employmentTypes: [],
    homeDongCode: null,
    homeDongName: null,
    availableFrom: null,
    groups: [],
    intakeNote: null,
  };
}
