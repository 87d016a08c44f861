import type {
  Page,
  Region,
  RegionQuery,
  TaxonomyItem,
  TaxonomyItemDetail,
  TaxonomyKind,
  TaxonomyQuery,
  TaxonomyScheme,
} from '@ilteo/shared';
import type { Ctx } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { presentItem, presentRegion } from './taxonomy.presenter.js';
import * as repo from './taxonomy.repository.js';
import { searchItems } from './taxonomy-search.js';

/**
 * Browses or searches one kind of taxonomy. With a query, matches come ranked from the in-memory
 * index (typeahead); without one, a page of items in scheme and code order from the database.
 */
export async function browseItems(
  ctx: Ctx,
  kind: TaxonomyKind,
  query: TaxonomyQuery,
): Promise<Page<TaxonomyItem>> {
  const page = { page: query.page, pageSize: query.pageSize };
  const filter = { scheme: query.scheme, level: query.level, parentCode: query.parentCode };
  const q = query.q?.trim();
  const { rows, total } = q
    ? await searchItems(ctx.db, kind, { q, ...filter, ...page })
    : await repo.listItems(ctx.db.kysely, { kind, ...filter }, page);
  return { items: rows.map(presentItem), total, ...page };
}

/** One item with its ancestors (top first), its children and its crosswalk to other schemes. */
export async function getItem(
  ctx: Ctx,
  kind: TaxonomyKind,
  scheme: string,
  code: string,
): Promise<TaxonomyItemDetail> {
  const db = ctx.db.kysely;
  const item = await repo.findItem(db, kind, scheme, code);
  if (!item) throw new AppError('NOT_FOUND');
  const ancestors = [];
  // Imports refuse cycles; the bound only keeps a damaged table from looping.
  for (let parent = item.parent_code, depth = 0; parent !== null && depth < 50; depth++) {
    const row = await repo.findItem(db, kind, scheme, parent);
    if (!row) break;
    ancestors.unshift(presentItem(row));
    parent = row.parent_code;
  }
  const [children, mappings] = await Promise.all([
    repo.childrenOf(db, kind, scheme, code),
    repo.mappingsOf(db, kind, scheme, code),
  ]);
  return { ...presentItem(item), ancestors, children: children.map(presentItem), mappings };
}

/** The schemes loaded, per kind, with their sizes; regions last. */
export async function listSchemes(ctx: Ctx): Promise<TaxonomyScheme[]> {
  const [items, regions] = await Promise.all([
    repo.itemSchemes(ctx.db.kysely),
    repo.regionSchemes(ctx.db.kysely),
  ]);
  return [
    ...items.map((s) => ({
      kind: s.kind,
      scheme: s.scheme,
      items: Number(s.items),
      levels: Number(s.levels),
    })),
    ...regions.map((s) => ({
      kind: 'region' as const,
      scheme: s.scheme,
      items: Number(s.items),
      levels: Number(s.levels),
    })),
  ];
}

/** A page of regions with their centroids; polygons only when asked for. */
export async function browseRegions(ctx: Ctx, query: RegionQuery): Promise<Page<Region>> {
  const page = { page: query.page, pageSize: query.pageSize };
  const { rows, total } = await repo.listRegions(
    ctx.db.kysely,
    { scheme: query.scheme, level: query.level, parentCode: query.parentCode },
    page,
    query.geometry,
  );
  return { items: rows.map(presentRegion), total, ...page };
}
