import path from 'node:path';
import type { Config } from '../config.js';
import { type Db, openDb } from './kysely.js';

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else SQLite in DATA_DIR. */
export function openConfiguredDb(config: Config): Db {
  return openDb({ databaseUrl: config.DATABASE_URL, sqliteFile: path.join(config.DATA_DIR, 'ilteo.sqlite') });
}
