import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Db, openDb } from '../db/kysely.js';

/** A database kind the integration suite runs on. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** Opens a fresh, empty database (a new SQLite file, or a new PostgreSQL schema). */
  open(): Promise<Db>;
}

const tmpDirs: string[] = [];

const sqlite: TestDatabase = {
  name: 'sqlite',
  async open() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-test-'));
    tmpDirs.push(dir);
    const db = openDb({ sqliteFile: path.join(dir, 'ilteo.sqlite') });
    return {
      ...db,
      close: async () => {
        await db.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

function postgres(url: string): TestDatabase {
  return {
    name: 'postgres',
    async open() {
      const schema = `t_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const db = openDb({ databaseUrl: url, schema, poolSize: 5 });
      return {
        ...db,
        close: async () => {
          await db.close();
          const cleanup = new pg.Client({ connectionString: url });
          await cleanup.connect();
          await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
          await cleanup.end();
        },
      };
    },
  };
}

/**
 * The databases to run integration tests on: SQLite always, PostgreSQL when TEST_DATABASE_URL is
 * set. With CI=true a missing PostgreSQL is a failure, not a skip.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') {
    throw new Error('CI=true but TEST_DATABASE_URL is not set: the PostgreSQL suite cannot be skipped in CI');
  }
  return url ? [sqlite, postgres(url)] : [sqlite];
}
