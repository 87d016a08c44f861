import {
  type Employer,
  type EmployerContact,
  type EmployerFlag,
  type EmployerListItem,
  formatBusinessNumber,
  formatPhone,
  maskEmail,
  maskName,
  maskPhone,
} from '@ilteo/shared';
import type { z } from 'zod';
import type { EmployerRow } from '../../db/tables.js';
import type { PlaceColumns } from './place.js';

/** A contact person as stored: the phone as digits. */
export interface StoredContact {
  name: string;
  position?: string | undefined;
  phone?: string | undefined;
  email?: string | undefined;
}

/** Parses a JSON column that this module wrote. */
export function parseJson<T>(text: string | null | undefined, fallback: T): T {
  return text ? (JSON.parse(text) as T) : fallback;
}

/** The key of a place's dong in the map `regionNames` returns. */
export function dongKey(place: { region_scheme: string | null; dong_code: string | null }): string {
  return `${place.region_scheme} ${place.dong_code}`;
}

/** A stored place as the API returns it, with its dong's name. */
export function presentPlace(
  row: PlaceColumns,
  names: Map<string, string>,
  fallbackName: string | null = null,
) {
  return {
    address: row.address,
    regionScheme: row.region_scheme,
    dongCode: row.dong_code,
    dongName: (row.dong_code ? names.get(dongKey(row)) : undefined) ?? fallbackName,
    lat: row.lat,
    lon: row.lon,
  };
}

function presentContact(c: StoredContact) {
  return {
    name: c.name,
    position: c.position ?? null,
    phone: c.phone ? formatPhone(c.phone) : null,
    email: c.email ?? null,
  };
}

/** A contact with its personal data masked, for lists. */
export function maskContact(c: StoredContact) {
  return {
    name: maskName(c.name),
    position: c.position ?? null,
    phone: c.phone ? maskPhone(c.phone) : null,
    email: c.email ? maskEmail(c.email) : null,
  };
}

/** The contacts as an input again (for merging a partial update). */
export function contactsFromRow(row: EmployerRow): EmployerContact[] {
  return parseJson<StoredContact[]>(row.contacts, []).map((c) => ({
    name: c.name,
    ...(c.position ? { position: c.position } : {}),
    ...(c.phone ? { phone: formatPhone(c.phone) } : {}),
    ...(c.email ? { email: c.email } : {}),
  }));
}

/** A company's full profile (its own account and staff). Sign-up companies have only a name yet. */
export function presentEmployer(
  row: EmployerRow,
  names: Map<string, string>,
  openVacancies: number,
): Employer {
  return {
    id: row.id,
    businessNumber: row.business_number ? formatBusinessNumber(row.business_number) : null,
    name: row.name,
    representative: row.representative,
    industry: row.industry,
    size: row.size,
    place: presentPlace(row, names),
    flags: parseJson<EmployerFlag[]>(row.flags, []),
    homepage: row.homepage,
    description: row.description,
    contacts: parseJson<StoredContact[]>(row.contacts, []).map(presentContact),
    verified: row.verified_at !== null,
    verifiedAt: row.verified_at,
    openVacancies,
    isDemo: row.is_demo === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** A company in a staff list: its first contact masked. */
export function presentEmployerListItem(
  row: EmployerRow & { open_vacancies: number | string | null },
  names: Map<string, string>,
): z.infer<typeof EmployerListItem> {
  const contact = parseJson<StoredContact[]>(row.contacts, [])[0];
  return {
    id: row.id,
    businessNumber: row.business_number ? formatBusinessNumber(row.business_number) : null,
    name: row.name,
    industry: row.industry,
    size: row.size,
    flags: parseJson<EmployerFlag[]>(row.flags, []),
    verified: row.verified_at !== null,
    openVacancies: Number(row.open_vacancies ?? 0),
    isDemo: row.is_demo === 1,
    updatedAt: row.updated_at,
    dongName: row.dong_code ? (names.get(dongKey(row)) ?? null) : null,
    contact: contact ? maskContact(contact) : null,
  };
}
