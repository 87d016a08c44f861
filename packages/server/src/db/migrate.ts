import { type MigrationResultSet, Migrator } from 'kysely';
import { currentSchema } from './dialect.js';
import type { Db } from './kysely.js';
import { MIGRATIONS } from './migrations/index.js';

async function migrator(db: Db): Promise<Migrator> {
  // Without a schema, Kysely takes a migration table in any schema of the database for its own.
  const schema = await currentSchema(db.kysely, db.dialect);
  return new Migrator({
    db: db.kysely,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: {
      getMigrations: async () =>
        Object.fromEntries(
          Object.entries(MIGRATIONS).map(([name, m]) => [
            name,
            { up: (k) => m.up(k, db.dialect), down: (k) => m.down(k, db.dialect) },
          ]),
        ),
    },
  });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) throw result.error;
  return (result.results ?? []).map((r) => `${r.direction} ${r.migrationName}: ${r.status}`);
}

/** Applies every pending migration. */
export async function migrateUp(db: Db): Promise<string[]> {
  return unwrap(await (await migrator(db)).migrateToLatest());
}

/** Reverts the newest applied migration. */
export async function migrateDown(db: Db): Promise<string[]> {
  return unwrap(await (await migrator(db)).migrateDown());
}

/** Reverts every applied migration. */
export async function migrateDownAll(db: Db): Promise<string[]> {
  const { NO_MIGRATIONS } = await import('kysely');
  return unwrap(await (await migrator(db)).migrateTo(NO_MIGRATIONS));
}

/** Each known migration and whether it is applied. */
export async function migrationStatus(db: Db): Promise<{ name: string; appliedAt: Date | null }[]> {
  const list = await (await migrator(db)).getMigrations();
  return list.map((m) => ({ name: m.name, appliedAt: m.executedAt ?? null }));
}

/** True when every known migration is applied. */
export async function migrationsCurrent(db: Db): Promise<boolean> {
  return (await migrationStatus(db)).every((m) => m.appliedAt !== null);
}
