import type { Region, TaxonomyItem } from '@ilteo/shared';
import type { RegionRow, TaxonomyItemRow } from '../../db/tables.js';

/** An item's aliases: a JSON array of strings in the database. */
export function aliasesOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

/** A taxonomy item as the API shows it. */
export function presentItem(row: TaxonomyItemRow): TaxonomyItem {
  return {
    id: row.id,
    kind: row.kind,
    scheme: row.scheme,
    code: row.code,
    label: row.label,
    labelEn: row.label_en,
    parentCode: row.parent_code,
    level: row.level,
    aliases: aliasesOf(row.aliases),
  };
}

/** A region as the API shows it; `geometry` only when it was read. */
export function presentRegion(
  row: Omit<RegionRow, 'geometry' | 'created_at' | 'updated_at'> & { geometry?: string | null },
): Region {
  return {
    id: row.id,
    scheme: row.scheme,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    level: row.level,
    parentCode: row.parent_code,
    adminCode: row.admin_code,
    lon: row.lon,
    lat: row.lat,
    ...(row.geometry === undefined
      ? {}
      : { geometry: row.geometry === null ? null : JSON.parse(row.geometry) }),
  };
}
