import type { Kysely } from 'kysely';
import type { ChangeLogTable, Database } from '../../db/tables.js';

export type ChangeEntity = ChangeLogTable['entity'];

/**
 * Records that a searchable entity changed. Call it inside the transaction that writes the
 * entity (and for an employer whose name changed: its vacancies are re-read too). The search
 * indexes of every server process follow this log, and catch up before each search, so a write
 * is visible to the next search in any process.
 */
export async function recordChange(
  trx: Kysely<Database>,
  entity: ChangeEntity,
  entityId: number,
  op: 'upsert' | 'delete' = 'upsert',
): Promise<void> {
  await trx
    .insertInto('change_log')
    .values({ entity, entity_id: entityId, op, at: new Date().toISOString() })
    .execute();
}
