import { formatPhone, type ItemRef, type VacancyInput } from '@ilteo/shared';
import type { EmployerRow, VacancyRow } from '../../db/tables.js';
import { parseJson, type StoredContact } from '../employers/employers.presenter.js';
import { placeFromColumns } from '../employers/place.js';

/**
 * Stored rows as the records an export writes and an import reads: the input schema's fields
 * plus the `$` fields of the columns (columns.ts). Pure.
 */

/** A company's profile as an input, with its ID and verification. */
export function employerRecord(row: EmployerRow): Record<string, unknown> {
  return {
    $id: row.id,
    $verified: row.verified_at !== null,
    businessNumber: row.business_number,
    name: row.name,
    representative: row.representative,
    industry: row.industry,
    size: row.size,
    place: placeFromColumns(row),
    flags: parseJson<string[]>(row.flags, []),
    homepage: row.homepage,
    description: row.description,
    contacts: parseJson<StoredContact[]>(row.contacts, []).map((c) => ({
      name: c.name,
      ...(c.position ? { position: c.position } : {}),
      ...(c.phone ? { phone: phoneText(c.phone.replace(/\D/g, '')) } : {}),
      ...(c.email ? { email: c.email } : {}),
    })),
  };
}

/** A stored vacancy as an input (its status as stored, which may be closed or filled). */
export function vacancyInputOf(
  row: VacancyRow,
): Omit<VacancyInput, 'status'> & { status: VacancyRow['status'] } {
  return {
    title: row.title,
    description: row.description,
    occupation: { scheme: row.occupation_scheme, code: row.occupation_code },
    requiredSkills: parseJson<ItemRef[]>(row.required_skills, []),
    preferredSkills: parseJson<ItemRef[]>(row.preferred_skills, []),
    requiredCertificates: parseJson<ItemRef[]>(row.required_certificates, []),
    preferredCertificates: parseJson<ItemRef[]>(row.preferred_certificates, []),
    education: row.education as VacancyInput['education'],
    career: row.career as VacancyInput['career'],
    minCareerMonths: row.min_career_months,
    wage: { type: row.wage_type, amount: row.wage_amount },
    weeklyHours: Number(row.weekly_hours),
    shifts: parseJson<VacancyInput['shifts']>(row.shifts, []),
    employmentType: row.employment_type as VacancyInput['employmentType'],
    openings: row.openings,
    place: placeFromColumns(row),
    opensOn: row.opens_on,
    closesOn: row.closes_on,
    preferredGroups: parseJson<VacancyInput['preferredGroups']>(row.preferred_groups, []),
    eligibleGroups: parseJson<VacancyInput['eligibleGroups']>(row.eligible_groups, []),
    status: row.status,
  };
}

/** A vacancy with its company and origin, as the vacancies file has it. */
export function vacancyRecord(
  row: VacancyRow & { employer_name: string; employer_business_number: string | null },
  occupationLabel: string | null,
): Record<string, unknown> {
  const { status, ...input } = vacancyInputOf(row);
  return {
    ...input,
    $id: row.id,
    $employerId: row.employer_id,
    $businessNumber: row.employer_business_number,
    $employerName: row.employer_name,
    $occupationLabel: occupationLabel,
    $status: status,
    $externalId: row.external_id,
    $externalUrl: row.external_url,
    $source: row.source,
  };
}

/** A phone kept as digits, written as people read it. */
export function phoneText(digits: string | undefined): string | undefined {
  return digits && /^\d+$/.test(digits) ? formatPhone(digits) : digits;
}
