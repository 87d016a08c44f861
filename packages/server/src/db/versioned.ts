import type { Kysely, Updateable } from 'kysely';
import type { Database } from './tables.js';

type Versioned = 'plans' | 'strategies' | 'programs' | 'program_results';

/**
 * Optimistic concurrency: updates a row only if its `version` is still the one the caller read,
 * and bumps it. Returns false when someone else changed the row first (the caller answers 409).
 */
export async function updateIfVersion<T extends Versioned>(
  db: Kysely<Database>,
  table: T,
  id: number,
  version: number,
  patch: Updateable<Database[T]>,
): Promise<boolean> {
  // Kysely cannot type a table chosen at run time; the exported signature keeps callers typed.
  const loose = db as unknown as Kysely<{ row: { id: number; version: number } }>;
  const result = await loose
    .updateTable(table as unknown as 'row')
    .set({ ...(patch as object), version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
