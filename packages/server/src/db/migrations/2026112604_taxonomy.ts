import type { Kysely } from 'kysely';
import { type DialectName, withId } from '../dialect.js';

/**
 * Taxonomies (occupations, skills, certificates in several schemes side by side), crosswalks
 * between schemes, administrative regions with centroids and polygons, and the log of imports
 * (which also tells server processes that their in-memory search is stale).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(dialect, db.schema.createTable('taxonomy_items'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text')
    // The hierarchy is the parent chain, never the shape of a code.
    .addColumn('parent_code', 'text')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('taxonomy_items_code', ['kind', 'scheme', 'code'])
    .execute();
  await db.schema
    .createIndex('taxonomy_items_parent')
    .on('taxonomy_items')
    .columns(['kind', 'scheme', 'parent_code'])
    .execute();

  await withId(dialect, db.schema.createTable('taxonomy_mappings'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_scheme', 'text', (c) => c.notNull())
    .addColumn('from_code', 'text', (c) => c.notNull())
    .addColumn('to_scheme', 'text', (c) => c.notNull())
    .addColumn('to_code', 'text', (c) => c.notNull())
    .addUniqueConstraint('taxonomy_mappings_pair', [
      'kind',
      'from_scheme',
      'from_code',
      'to_scheme',
      'to_code',
    ])
    .execute();
  await db.schema
    .createIndex('taxonomy_mappings_to')
    .on('taxonomy_mappings')
    .columns(['kind', 'to_scheme', 'to_code'])
    .execute();

  await withId(dialect, db.schema.createTable('regions'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text')
    .addColumn('admin_code', 'text')
    .addColumn('lon', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('geometry', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('regions_code', ['scheme', 'code'])
    .execute();
  await db.schema.createIndex('regions_parent').on('regions').columns(['scheme', 'parent_code']).execute();
  await db.schema.createIndex('regions_admin_code').on('regions').column('admin_code').execute();

  await withId(dialect, db.schema.createTable('taxonomy_imports'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('inserted', 'integer', (c) => c.notNull())
    .addColumn('updated', 'integer', (c) => c.notNull())
    .addColumn('deleted', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('taxonomy_imports_scheme')
    .on('taxonomy_imports')
    .columns(['kind', 'scheme'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['taxonomy_imports', 'regions', 'taxonomy_mappings', 'taxonomy_items']) {
    await db.schema.dropTable(table).execute();
  }
}
