import type {
  CareerRequirement,
  EducationLevel,
  EmploymentType,
  ItemRef,
  PersonGroup,
  Shift,
  TaxonomyKind,
  Vacancy,
} from '@ilteo/shared';
import type { VacancyRow } from '../../db/tables.js';
import { parseJson, presentPlace } from '../employers/employers.presenter.js';

/** What presenting vacancies needs besides their rows, loaded once for a whole page. */
export interface VacancyLookups {
  /** Labels by `kind scheme code`. */
  labels: Map<string, string>;
  /** Dong names by `scheme code`. */
  dongNames: Map<string, string>;
  employers: Map<number, { name: string; verified: boolean }>;
}

/** The key of a taxonomy item in `VacancyLookups.labels`. */
export function labelKey(kind: TaxonomyKind, ref: { scheme: string; code: string }): string {
  return `${kind} ${ref.scheme} ${ref.code}`;
}

/** The item references a stored vacancy holds, by kind. */
export function refsOf(row: VacancyRow): Record<TaxonomyKind, ItemRef[]> {
  return {
    occupation: [{ scheme: row.occupation_scheme, code: row.occupation_code }],
    skill: [
      ...parseJson<ItemRef[]>(row.required_skills, []),
      ...parseJson<ItemRef[]>(row.preferred_skills, []),
    ],
    certificate: [
      ...parseJson<ItemRef[]>(row.required_certificates, []),
      ...parseJson<ItemRef[]>(row.preferred_certificates, []),
    ],
  };
}

/** A vacancy as the API returns it: references with their labels (null if unknown), wage with its monthly equivalent. */
export function presentVacancy(row: VacancyRow, lookups: VacancyLookups): Vacancy {
  const labelled = (kind: TaxonomyKind) => (ref: ItemRef) => ({
    scheme: ref.scheme,
    code: ref.code,
    label: lookups.labels.get(labelKey(kind, ref)) ?? null,
  });
  const refs = (kind: TaxonomyKind, text: string) => parseJson<ItemRef[]>(text, []).map(labelled(kind));
  const employer = lookups.employers.get(row.employer_id);
  return {
    id: row.id,
    employer: { id: row.employer_id, name: employer?.name ?? '', verified: employer?.verified ?? false },
    title: row.title,
    description: row.description,
    occupation: labelled('occupation')({ scheme: row.occupation_scheme, code: row.occupation_code }),
    requiredSkills: refs('skill', row.required_skills),
    preferredSkills: refs('skill', row.preferred_skills),
    requiredCertificates: refs('certificate', row.required_certificates),
    preferredCertificates: refs('certificate', row.preferred_certificates),
    education: row.education as EducationLevel,
    career: row.career as CareerRequirement,
    minCareerMonths: row.min_career_months,
    wage: { type: row.wage_type, amount: Number(row.wage_amount), monthly: Number(row.wage_monthly) },
    weeklyHours: Number(row.weekly_hours),
    shifts: parseJson<Shift[]>(row.shifts, []),
    employmentType: row.employment_type as EmploymentType,
    openings: row.openings,
    // Places outside the deployment's regions (고용24's "대구 서구") keep their name as typed.
    place: presentPlace(row, lookups.dongNames, row.region_name),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    preferredGroups: parseJson<PersonGroup[]>(row.preferred_groups, []),
    eligibleGroups: parseJson<PersonGroup[]>(row.eligible_groups, []),
    status: row.status,
    source: row.source,
    externalId: row.external_id,
    externalUrl: row.external_url,
    isDemo: row.is_demo === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
