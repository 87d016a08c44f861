import type { Insertable, Kysely } from 'kysely';
import type { Database, ResultEvidenceTable } from '../../db/tables.js';

type Q = Kysely<Database>;

/** Records an evidence file and returns its id. */
export async function insertEvidence(db: Q, row: Insertable<ResultEvidenceTable>): Promise<number> {
  return (await db.insertInto('result_evidence').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** One evidence file with the program-month and revision it belongs to. */
export function findEvidence(db: Q, id: number) {
  return db
    .selectFrom('result_evidence')
    .innerJoin('program_results', 'program_results.id', 'result_evidence.result_id')
    .selectAll('result_evidence')
    .select([
      'program_results.program_id',
      'program_results.month',
      'program_results.revision',
      'program_results.status as result_status',
    ])
    .where('result_evidence.id', '=', id)
    .executeTakeFirst();
}

/** Deletes an evidence record. */
export async function deleteEvidence(db: Q, id: number): Promise<void> {
  await db.deleteFrom('result_evidence').where('id', '=', id).execute();
}

/** How many evidence records point at a stored file (the same content may be attached twice). */
export async function countByStorageKey(db: Q, key: string): Promise<number> {
  const row = await db
    .selectFrom('result_evidence')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('storage_key', '=', key)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
