import type { FieldError, Place } from '@ilteo/shared';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database } from '../../db/tables.js';
import { fieldError } from '../../http/errors.js';
import { findDong, regionSchemeSetting } from './employers.repository.js';

/** The region scheme a deployment starts with: the KOSTAT 2018 boundaries of reference-data/geo. */
export const DEFAULT_REGION_SCHEME = 'KOSTAT-2018';

export type PlaceInput = z.infer<typeof Place>;

/** The place columns shared by employers and vacancies. */
export interface PlaceColumns {
  address: string | null;
  region_scheme: string | null;
  dong_code: string | null;
  lat: number | null;
  lon: number | null;
}

/**
 * The region scheme dong codes are read in when a place does not name one: the organisation's
 * `region_scheme` setting (a district that loaded its own boundaries), else KOSTAT-2018.
 */
export async function regionSchemeOf(k: Kysely<Database>, organisationId: number): Promise<string> {
  return (await regionSchemeSetting(k, organisationId)) ?? DEFAULT_REGION_SCHEME;
}

/** Field errors of a place: its dong must be a dong of the scheme (`<prefix>.dongCode`). */
export async function checkPlace(
  k: Kysely<Database>,
  organisationId: number,
  place: PlaceInput | undefined,
  prefix = 'place',
): Promise<FieldError[]> {
  if (!place?.dongCode) return [];
  const scheme = place.regionScheme ?? (await regionSchemeOf(k, organisationId));
  if (await findDong(k, scheme, place.dongCode)) return [];
  return [fieldError(`${prefix}.dongCode`, 'unknown_region', { value: place.dongCode })];
}

/**
 * The columns a checked place is stored in. Coordinates typed in (both of them) win; otherwise
 * the dong's centroid, so that distance sorting works for every place with a dong.
 */
export async function placeColumns(
  k: Kysely<Database>,
  organisationId: number,
  place: PlaceInput,
): Promise<PlaceColumns> {
  const scheme = place.dongCode ? (place.regionScheme ?? (await regionSchemeOf(k, organisationId))) : null;
  const dong = scheme && place.dongCode ? await findDong(k, scheme, place.dongCode) : undefined;
  const typed = place.lat !== undefined && place.lon !== undefined;
  return {
    address: place.address || null,
    region_scheme: scheme,
    dong_code: place.dongCode ?? null,
    lat: typed ? place.lat! : (dong?.lat ?? null),
    lon: typed ? place.lon! : (dong?.lon ?? null),
  };
}

/** The stored place as an input again (for merging a partial update). */
export function placeFromColumns(row: PlaceColumns): PlaceInput {
  return {
    ...(row.address ? { address: row.address } : {}),
    ...(row.region_scheme ? { regionScheme: row.region_scheme } : {}),
    ...(row.dong_code ? { dongCode: row.dong_code } : {}),
    ...(row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : {}),
  };
}
