import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS, seedDemo } from '../modules/demo/demo.service.js';
import { testDatabases } from '../test/databases.js';
import { currentSchema } from './dialect.js';
import type { Db } from './kysely.js';
import { migrateDown, migrateDownAll, migrateUp, migrationStatus, migrationsCurrent } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

const NAMES = Object.keys(MIGRATIONS);
const NEWEST = NAMES.at(-1)!;

/** The application's tables in this database (PostgreSQL tests share a server: only this schema counts). */
async function appTables(db: Db): Promise<string[]> {
  const home = await currentSchema(db.kysely, db.dialect);
  const tables = await db.kysely.introspection.getTables();
  return tables
    .filter((t) => t.schema === home)
    .map((t) => t.name)
    .sort();
}

async function withFreshDb(database: { open(): Promise<Db> }, work: (db: Db) => Promise<void>) {
  const db = await database.open();
  try {
    await work(db);
  } finally {
    await db.close();
  }
}

describe.each(testDatabases())('migrations on $name', (database) => {
  it('a fresh database has every migration pending, and migrating up applies them all', () =>
    withFreshDb(database, async (db) => {
      expect((await migrationStatus(db)).map((m) => [m.name, m.appliedAt])).toEqual(
        NAMES.map((n) => [n, null]),
      );
      expect(await migrationsCurrent(db)).toBe(false);

      expect(await migrateUp(db)).toEqual(NAMES.map((n) => `Up ${n}: Success`));
      const status = await migrationStatus(db);
      expect(status.map((m) => m.name)).toEqual(NAMES);
      for (const m of status) expect(m.appliedAt).toBeInstanceOf(Date);
      expect(await migrationsCurrent(db)).toBe(true);
      expect(await appTables(db)).toEqual(
        expect.arrayContaining(['audit_log', 'organisations', 'sessions', 'users']),
      );
      expect(await db.kysely.selectFrom('users').selectAll().execute()).toEqual([]);

      expect(await migrateUp(db)).toEqual([]);
    }));

  it('migrating down reverts the newest migration first, one at a time, until no table is left', () =>
    withFreshDb(database, async (db) => {
      await migrateUp(db);
      await seedDemo(db);

      let tables = await appTables(db);
      for (let applied = NAMES.length; applied > 0; applied--) {
        const name = NAMES[applied - 1]!;
        expect(await migrateDown(db)).toEqual([`Down ${name}: Success`]);
        const status = await migrationStatus(db);
        expect(status.map((m) => m.appliedAt !== null)).toEqual(NAMES.map((_, i) => i < applied - 1));
        expect(await migrationsCurrent(db)).toBe(false);
        const left = await appTables(db);
        expect(tables).toEqual(expect.arrayContaining(left));
        tables = left;
      }

      expect(tables).toEqual([]);
      await expect(db.kysely.selectFrom('users').selectAll().execute()).rejects.toThrow();
      await expect(db.kysely.selectFrom('audit_log').selectAll().execute()).rejects.toThrow();
      expect(await migrateDown(db)).toEqual([]);
    }));

  it('reverting the newest migration and applying it again gives back the same tables', () =>
    withFreshDb(database, async (db) => {
      await migrateUp(db);
      await seedDemo(db);
      const tables = await appTables(db);

      await migrateDown(db);
      expect(await migrateUp(db)).toEqual([`Up ${NEWEST}: Success`]);
      expect(await migrationsCurrent(db)).toBe(true);
      expect(await appTables(db)).toEqual(tables);
    }));

  it('after going all the way down, going up again gives a database the demo is seeded into again', () =>
    withFreshDb(database, async (db) => {
      await migrateUp(db);
      await seedDemo(db);
      expect(await migrateDownAll(db)).toEqual([...NAMES].reverse().map((n) => `Down ${n}: Success`));
      expect(await appTables(db)).toEqual([]);

      expect(await migrateUp(db)).toEqual(NAMES.map((n) => `Up ${n}: Success`));
      expect(await migrationsCurrent(db)).toBe(true);
      const seeded = await seedDemo(db);
      expect(seeded.created).toBe(true);
      expect(seeded.accounts.map((a) => a.email)).toEqual(DEMO_ACCOUNTS.map((a) => a.email));
      expect(await db.kysely.selectFrom('users').select('email').execute()).toHaveLength(
        DEMO_ACCOUNTS.length,
      );
      // The append-only guard came back with the table.
      await expect(db.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    }));

  it('a database sharing its server with another ilteo database keeps its own migration record', () =>
    withFreshDb(database, (neighbour) =>
      withFreshDb(database, async (db) => {
        await migrateUp(neighbour);
        expect(await migrationsCurrent(db)).toBe(false);
        expect(await migrateUp(db)).toEqual(NAMES.map((n) => `Up ${n}: Success`));
        expect(await migrationsCurrent(db)).toBe(true);
        expect(await migrateDown(neighbour)).toEqual([`Down ${NEWEST}: Success`]);
        expect(await migrationsCurrent(db)).toBe(true);
      }),
    ));

  it('seeding twice changes nothing the second time', () =>
    withFreshDb(database, async (db) => {
      await migrateUp(db);
      expect((await seedDemo(db)).created).toBe(true);
      expect(await seedDemo(db)).toEqual({ created: false, accounts: [] });
      expect(await db.kysely.selectFrom('organisations').select('id').execute()).toHaveLength(1);
      expect(await db.kysely.selectFrom('users').select('id').execute()).toHaveLength(DEMO_ACCOUNTS.length);
    }));
});
