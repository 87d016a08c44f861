import { z } from 'zod';
import { pageOf } from './common.js';

/** What a taxonomy classifies: occupations (KECO, KSCO, ISCO…), skills (NCS, ESCO…), certificates. */
export const TAXONOMY_KINDS = ['occupation', 'skill', 'certificate'] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];

/** Levels of the administrative hierarchy: 시·도, 시·군·구, 읍·면·동. */
export const REGION_LEVELS = ['sido', 'sigungu', 'dong'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** How an import treats what is already there: merge (add and update) or replace (and delete the rest). */
export const IMPORT_MODES = ['merge', 'replace'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** A classification scheme's name, e.g. `KECO-2018`, `KSCO-7`, `ISCO-08`, `ESCO`, `NCS`, `KOSTAT-2018`. */
export const SchemeName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);

/** A code inside a scheme: no spaces; ESCO's URIs fit. */
export const TaxonomyCode = z.string().trim().min(1).max(200).regex(/^\S+$/);

const Label = z.string().max(200);

/** One item of a taxonomy. `level` is its depth in the parent chain (1 = top). */
export const TaxonomyItem = z.object({
  id: z.number().int(),
  kind: z.enum(TAXONOMY_KINDS),
  scheme: z.string(),
  code: z.string(),
  label: Label,
  labelEn: Label.nullable(),
  parentCode: z.string().nullable(),
  level: z.number().int(),
  aliases: z.array(Label),
});
export type TaxonomyItem = z.infer<typeof TaxonomyItem>;

/** An item of another scheme that one maps to (a crosswalk, e.g. KECO-2018 → KSCO-7). */
export const TaxonomyMapping = z.object({
  scheme: z.string(),
  code: z.string(),
  label: Label.nullable(),
});

/** An item with its ancestors (top first), its children and its crosswalk. */
export const TaxonomyItemDetail = TaxonomyItem.extend({
  ancestors: z.array(TaxonomyItem),
  children: z.array(TaxonomyItem),
  mappings: z.array(TaxonomyMapping),
});
export type TaxonomyItemDetail = z.infer<typeof TaxonomyItemDetail>;

/**
 * Browsing or searching one kind of taxonomy. With `q`, the best matches first (typeahead:
 * Korean substrings of two or more syllables, 초성 like `ㄱㅎ`, English words by prefix); without
 * it, items in scheme and code order. `pageSize` is the typeahead's limit.
 */
export const TaxonomyQuery = z.strictObject({
  q: z.string().max(100).optional(),
  scheme: SchemeName.optional(),
  level: z.coerce.number().int().min(1).max(20).optional(),
  parentCode: TaxonomyCode.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TaxonomyQuery = z.infer<typeof TaxonomyQuery>;

export const TaxonomyItemPage = pageOf(TaxonomyItem);

/** Path parameters addressing one item. */
export const TaxonomyItemParams = z.strictObject({ scheme: SchemeName, code: TaxonomyCode });

/** A scheme loaded in this deployment, with its size. `kind` is `region` for region schemes. */
export const TaxonomyScheme = z.object({
  kind: z.enum([...TAXONOMY_KINDS, 'region']),
  scheme: z.string(),
  items: z.number().int(),
  /** The deepest level (taxonomies: 1 = top; regions: the number of levels present). */
  levels: z.number().int(),
});
export type TaxonomyScheme = z.infer<typeof TaxonomyScheme>;

/** GeoJSON polygon geometry in WGS84 longitude/latitude. */
export const RegionGeometry = z.object({
  type: z.enum(['Polygon', 'MultiPolygon']),
  coordinates: z.array(z.unknown()),
});

/**
 * An administrative region. `code` is in its scheme (KOSTAT codes for statistics and maps);
 * `adminCode` is the 행정안전부 code other systems (고용24) use, where known. `lon`/`lat` is
 * the area-weighted centroid of its polygons.
 */
export const Region = z.object({
  id: z.number().int(),
  scheme: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string().nullable(),
  level: z.enum(REGION_LEVELS),
  parentCode: z.string().nullable(),
  adminCode: z.string().nullable(),
  lon: z.number().nullable(),
  lat: z.number().nullable(),
  geometry: RegionGeometry.nullable().optional(),
});
export type Region = z.infer<typeof Region>;

/** Listing regions; `geometry=1` adds each region's polygons (large: ask only for maps). */
export const RegionQuery = z.strictObject({
  scheme: SchemeName.optional(),
  level: z.enum(REGION_LEVELS).optional(),
  parentCode: TaxonomyCode.optional(),
  geometry: z
    .enum(['0', '1', 'true', 'false'])
    .transform((v) => v === '1' || v === 'true')
    .default(false),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type RegionQuery = z.infer<typeof RegionQuery>;

export const RegionPage = pageOf(Region);
