import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import * as foundation from './2026112601_foundation.js';
import * as plan from './2026112602_plan.js';
import * as planIndexes from './2026112603_plan_indexes.js';
import * as taxonomy from './2026112604_taxonomy.js';
import * as programApprovedJobs from './2026112605_program_approved_jobs.js';
import * as registry from './2026112606_registry.js';
import * as matching from './2026112607_matching.js';

/** A migration that may use dialect-specific helpers from db/dialect.ts. */
export interface IlteoMigration {
  up(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
  down(db: Kysely<unknown>, dialect: DialectName): Promise<void>;
}

/** Every migration, in order. One list for both databases; names are timestamps. */
export const MIGRATIONS: Record<string, IlteoMigration> = {
  '2026112601_foundation': foundation,
  '2026112602_plan': plan,
  '2026112603_plan_indexes': planIndexes,
  '2026112604_taxonomy': taxonomy,
  '2026112605_program_approved_jobs': programApprovedJobs,
  '2026112606_registry': registry,
  '2026112607_matching': matching,
};
