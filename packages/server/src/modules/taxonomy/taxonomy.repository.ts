import type { RegionLevel, TaxonomyKind } from '@ilteo/shared';
import type { Insertable, Kysely } from 'kysely';
import type { Database, RegionTable, TaxonomyImportTable, TaxonomyItemTable } from '../../db/tables.js';

type Q = Kysely<Database>;

/** Rows per INSERT: well under both databases' limits on bound parameters. */
const CHUNK = 400;

function chunks<T>(list: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
}

/** Every item of one scheme, for the import's checks. */
export function itemsOfScheme(db: Q, kind: TaxonomyKind, scheme: string) {
  return db
    .selectFrom('taxonomy_items')
    .select(['code', 'label', 'label_en', 'parent_code', 'level', 'aliases'])
    .where('kind', '=', kind)
    .where('scheme', '=', scheme)
    .execute();
}

/** Inserts items, or updates the ones whose (kind, scheme, code) exists; created_at stays. */
export async function upsertItems(db: Q, rows: Insertable<TaxonomyItemTable>[]): Promise<void> {
  for (const chunk of chunks(rows)) {
    await db
      .insertInto('taxonomy_items')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['kind', 'scheme', 'code']).doUpdateSet((eb) => ({
          label: eb.ref('excluded.label'),
          label_en: eb.ref('excluded.label_en'),
          parent_code: eb.ref('excluded.parent_code'),
          level: eb.ref('excluded.level'),
          aliases: eb.ref('excluded.aliases'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Sets the level of items whose parent chain changed. */
export async function setLevels(
  db: Q,
  kind: TaxonomyKind,
  scheme: string,
  changes: { code: string; level: number }[],
  now: string,
): Promise<void> {
  for (const change of changes) {
    await db
      .updateTable('taxonomy_items')
      .set({ level: change.level, updated_at: now })
      .where('kind', '=', kind)
      .where('scheme', '=', scheme)
      .where('code', '=', change.code)
      .execute();
  }
}

/** Deletes items of a scheme, and the crosswalk rows from or to them. */
export async function deleteItems(db: Q, kind: TaxonomyKind, scheme: string, codes: string[]): Promise<void> {
  for (const chunk of chunks(codes)) {
    await db
      .deleteFrom('taxonomy_items')
      .where('kind', '=', kind)
      .where('scheme', '=', scheme)
      .where('code', 'in', chunk)
      .execute();
    await db
      .deleteFrom('taxonomy_mappings')
      .where('kind', '=', kind)
      .where((eb) =>
        eb.or([
          eb.and([eb('from_scheme', '=', scheme), eb('from_code', 'in', chunk)]),
          eb.and([eb('to_scheme', '=', scheme), eb('to_code', 'in', chunk)]),
        ]),
      )
      .execute();
  }
}

/** Adds crosswalk rows between two schemes. */
export async function insertMappings(
  db: Q,
  kind: TaxonomyKind,
  fromScheme: string,
  toScheme: string,
  pairs: { from: string; to: string }[],
): Promise<void> {
  for (const chunk of chunks(pairs)) {
    await db
      .insertInto('taxonomy_mappings')
      .values(
        chunk.map((p) => ({
          kind,
          from_scheme: fromScheme,
          from_code: p.from,
          to_scheme: toScheme,
          to_code: p.to,
        })),
      )
      .execute();
  }
}

/** One item. */
export function findItem(db: Q, kind: TaxonomyKind, scheme: string, code: string) {
  return db
    .selectFrom('taxonomy_items')
    .selectAll()
    .where('kind', '=', kind)
    .where('scheme', '=', scheme)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The items whose parent is the given one, in code order. */
export function childrenOf(db: Q, kind: TaxonomyKind, scheme: string, code: string) {
  return db
    .selectFrom('taxonomy_items')
    .selectAll()
    .where('kind', '=', kind)
    .where('scheme', '=', scheme)
    .where('parent_code', '=', code)
    .orderBy('code')
    .execute();
}

/** The items of other schemes an item is mapped to or from, with their labels where loaded. */
export async function mappingsOf(db: Q, kind: TaxonomyKind, scheme: string, code: string) {
  const outgoing = db
    .selectFrom('taxonomy_mappings as m')
    .leftJoin('taxonomy_items as i', (join) =>
      join
        .onRef('i.scheme', '=', 'm.to_scheme')
        .onRef('i.code', '=', 'm.to_code')
        .onRef('i.kind', '=', 'm.kind'),
    )
    .select(['m.to_scheme as scheme', 'm.to_code as code', 'i.label as label'])
    .where('m.kind', '=', kind)
    .where('m.from_scheme', '=', scheme)
    .where('m.from_code', '=', code);
  const incoming = db
    .selectFrom('taxonomy_mappings as m')
    .leftJoin('taxonomy_items as i', (join) =>
      join
        .onRef('i.scheme', '=', 'm.from_scheme')
        .onRef('i.code', '=', 'm.from_code')
        .onRef('i.kind', '=', 'm.kind'),
    )
    .select(['m.from_scheme as scheme', 'm.from_code as code', 'i.label as label'])
    .where('m.kind', '=', kind)
    .where('m.to_scheme', '=', scheme)
    .where('m.to_code', '=', code);
  const rows = [...(await outgoing.execute()), ...(await incoming.execute())];
  return rows.sort((a, b) => a.scheme.localeCompare(b.scheme) || a.code.localeCompare(b.code));
}

export interface ItemFilter {
  kind: TaxonomyKind;
  scheme?: string | undefined;
  level?: number | undefined;
  parentCode?: string | undefined;
}

/** A page of items in scheme and code order, and how many match. */
export async function listItems(db: Q, filter: ItemFilter, page: { page: number; pageSize: number }) {
  let query = db.selectFrom('taxonomy_items').where('kind', '=', filter.kind);
  if (filter.scheme) query = query.where('scheme', '=', filter.scheme);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.parentCode) query = query.where('parent_code', '=', filter.parentCode);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('scheme')
      .orderBy('code')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every item, for building the in-memory search. */
export function allItems(db: Q) {
  return db.selectFrom('taxonomy_items').selectAll().orderBy('id').execute();
}

/** The newest import's id: the in-memory search is current when it was built at this revision. */
export async function latestImport(db: Q): Promise<number> {
  const row = await db
    .selectFrom('taxonomy_imports')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

/** Whether a scheme was ever imported (by anyone, as defaults or from a file). */
export async function wasImported(
  db: Q,
  kind: TaxonomyImportTable['kind'],
  scheme: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('taxonomy_imports')
    .select('id')
    .where('kind', '=', kind)
    .where('scheme', '=', scheme)
    .executeTakeFirst();
  return row !== undefined;
}

/** Records an import. */
export async function insertImport(db: Q, row: Insertable<TaxonomyImportTable>): Promise<void> {
  await db.insertInto('taxonomy_imports').values(row).execute();
}

/** Item counts and depth per kind and scheme. */
export function itemSchemes(db: Q) {
  return db
    .selectFrom('taxonomy_items')
    .select((eb) => ['kind', 'scheme', eb.fn.countAll<number>().as('items'), eb.fn.max('level').as('levels')])
    .groupBy(['kind', 'scheme'])
    .orderBy('kind')
    .orderBy('scheme')
    .execute();
}

/** Region counts and number of levels per scheme. */
export function regionSchemes(db: Q) {
  return db
    .selectFrom('regions')
    .select((eb) => [
      'scheme',
      eb.fn.countAll<number>().as('items'),
      eb.fn.count<number>('level').distinct().as('levels'),
    ])
    .groupBy('scheme')
    .orderBy('scheme')
    .execute();
}

/** The regions of a scheme, without geometry, for the import's checks. */
export function regionsOfScheme(db: Q, scheme: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'name', 'name_en', 'level', 'parent_code', 'admin_code'])
    .where('scheme', '=', scheme)
    .execute();
}

/** Inserts regions, or updates the ones whose (scheme, code) exists; created_at stays. */
export async function upsertRegions(db: Q, rows: Insertable<RegionTable>[]): Promise<void> {
  // Geometries are large: fewer rows per statement.
  for (let i = 0; i < rows.length; i += 50) {
    await db
      .insertInto('regions')
      .values(rows.slice(i, i + 50))
      .onConflict((oc) =>
        oc.columns(['scheme', 'code']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          name_en: eb.ref('excluded.name_en'),
          level: eb.ref('excluded.level'),
          parent_code: eb.ref('excluded.parent_code'),
          admin_code: eb.ref('excluded.admin_code'),
          lon: eb.ref('excluded.lon'),
          lat: eb.ref('excluded.lat'),
          geometry: eb.ref('excluded.geometry'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

/** Deletes regions of a scheme. */
export async function deleteRegions(db: Q, scheme: string, codes: string[]): Promise<void> {
  for (const chunk of chunks(codes)) {
    await db.deleteFrom('regions').where('scheme', '=', scheme).where('code', 'in', chunk).execute();
  }
}

/** One region, with its geometry. */
export function findRegion(db: Q, scheme: string, code: string) {
  return db
    .selectFrom('regions')
    .selectAll()
    .where('scheme', '=', scheme)
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The geometries of a region's children. */
export function childGeometries(db: Q, scheme: string, code: string) {
  return db
    .selectFrom('regions')
    .select(['code', 'geometry'])
    .where('scheme', '=', scheme)
    .where('parent_code', '=', code)
    .execute();
}

/** Sets a region's centroid. */
export async function setRegionCentre(
  db: Q,
  scheme: string,
  code: string,
  lon: number,
  lat: number,
  now: string,
) {
  await db
    .updateTable('regions')
    .set({ lon, lat, updated_at: now })
    .where('scheme', '=', scheme)
    .where('code', '=', code)
    .execute();
}

export interface RegionFilter {
  scheme?: string | undefined;
  level?: RegionLevel | undefined;
  parentCode?: string | undefined;
}

/** A page of regions in scheme and code order (geometry only when asked), and how many match. */
export async function listRegions(
  db: Q,
  filter: RegionFilter,
  page: { page: number; pageSize: number },
  withGeometry: boolean,
) {
  let query = db.selectFrom('regions');
  if (filter.scheme) query = query.where('scheme', '=', filter.scheme);
  if (filter.level) query = query.where('level', '=', filter.level);
  if (filter.parentCode) query = query.where('parent_code', '=', filter.parentCode);
  const columns = [
    'id',
    'scheme',
    'code',
    'name',
    'name_en',
    'level',
    'parent_code',
    'admin_code',
    'lon',
    'lat',
  ] as const;
  const [rows, count] = await Promise.all([
    query
      .select(columns)
      .$if(withGeometry, (q) => q.select('geometry'))
      .orderBy('scheme')
      .orderBy('code')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
