import type { TaxonomyKind } from '@ilteo/shared';
import type { Db } from '../../db/kysely.js';
import type { TaxonomyItemRow } from '../../db/tables.js';
import { TextIndex } from '../../engine/text/index.js';
import { aliasesOf } from './taxonomy.presenter.js';
import { allItems, latestImport } from './taxonomy.repository.js';

/**
 * The typeahead over taxonomy items: one text index per kind (label, aliases, English label),
 * held in memory per database and rebuilt when the import log has moved on.
 *
 * Where it lives: a module-level WeakMap keyed by the open database (`Db`), not the Fastify
 * instance. Services receive the database, not the app; the CLI and start-up code have no app;
 * and several apps in one test process each have their own database, so they never share an
 * index. An import — by this process or by `ilteo taxonomy import` in another one — adds a row
 * to `taxonomy_imports`; every search first reads that log's newest id (one indexed MAX) and
 * rebuilds when it differs, so all server processes follow within one request.
 */
interface KindSearch {
  index: TextIndex<'label' | 'aliases' | 'labelEn'>;
  items: Map<number, TaxonomyItemRow>;
}

interface TaxonomySearch {
  revision: number;
  kinds: Map<TaxonomyKind, KindSearch>;
}

const registry = new WeakMap<Db, { revision: number; search: Promise<TaxonomySearch> }>();

/** The search for a database, current with its newest import. */
export async function taxonomySearch(db: Db): Promise<TaxonomySearch> {
  const revision = await latestImport(db.kysely);
  const current = registry.get(db);
  if (current?.revision === revision) return current.search;
  const search = build(db, revision);
  registry.set(db, { revision, search });
  // A failed build is not kept: the next request tries again.
  search.catch(() => {
    if (registry.get(db)?.search === search) registry.delete(db);
  });
  return search;
}

async function build(db: Db, revision: number): Promise<TaxonomySearch> {
  const rows = await allItems(db.kysely);
  const kinds = new Map<TaxonomyKind, KindSearch>();
  for (const row of rows) {
    let kind = kinds.get(row.kind);
    if (!kind) {
      // The label counts most; an alias (a common or older name) more than the English label.
      kind = { index: new TextIndex({ fields: { label: 3, aliases: 2, labelEn: 1 } }), items: new Map() };
      kinds.set(row.kind, kind);
    }
    kind.items.set(row.id, row);
  }
  for (const kind of kinds.values()) {
    kind.index.setAll(
      [...kind.items.values()].map((row) => ({
        id: row.id,
        document: { label: row.label, aliases: aliasesOf(row.aliases), labelEn: row.label_en },
      })),
    );
  }
  return { revision, kinds };
}

export interface ItemSearch {
  q: string;
  scheme?: string | undefined;
  level?: number | undefined;
  parentCode?: string | undefined;
  page: number;
  pageSize: number;
}

/** The best matches for a typeahead query within one kind, filtered, one page of them. */
export async function searchItems(db: Db, kind: TaxonomyKind, query: ItemSearch) {
  const search = (await taxonomySearch(db)).kinds.get(kind);
  if (!search) return { rows: [], total: 0 };
  const { scheme, level, parentCode } = query;
  const result = search.index.search(query.q, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
    // Taxonomies are small: rank every match.
    maxRanked: search.items.size,
    filter: (id) => {
      const item = search.items.get(id)!;
      return (
        (!scheme || item.scheme === scheme) &&
        (!level || item.level === level) &&
        (!parentCode || item.parent_code === parentCode)
      );
    },
  });
  return { rows: result.hits.map((h) => search.items.get(h.id)!), total: result.total };
}
