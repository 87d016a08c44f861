import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect.js';
import type { Database } from './tables.js';

/** An open database: the Kysely instance and which dialect it speaks. */
export interface Db {
  kysely: Kysely<Database>;
  dialect: DialectName;
  /** Human-readable location, without credentials. */
  describe: string;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL; when absent, `sqliteFile` is used. */
  databaseUrl?: string | undefined;
  sqliteFile?: string;
  /** PostgreSQL schema to use (tests isolate themselves with one schema each). */
  schema?: string;
  poolSize?: number;
}

/** Opens SQLite (WAL, foreign keys, busy timeout) or PostgreSQL. */
export function openDb(options: DbOptions): Db {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options);
  const file = options.sqliteFile ?? ':memory:';
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  // Gathers the statistics the query planner needs on tables that changed a lot (cheap when none did).
  database.pragma('optimize = 0x10002');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { kysely, dialect: 'sqlite', describe: `sqlite:${file}`, close: () => kysely.destroy() };
}

function openPostgres(url: string, options: DbOptions): Db {
  const parsed = new URL(url);
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        // COUNT(*) and SUM() over integers come back as int8/numeric: ilteo's numbers fit in a double.
        oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format),
    } as pg.CustomTypesConfig,
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    dialect: 'postgres',
    describe: `postgres://${parsed.host}${parsed.pathname}${options.schema ? ` (schema ${options.schema})` : ''}`,
    close: () => kysely.destroy(),
  };
}
