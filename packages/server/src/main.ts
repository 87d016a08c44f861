import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { migrateUp } from './db/migrate.js';
import { openConfiguredDb } from './db/open.js';
import { DEMO_PASSWORD, seedDemo } from './modules/demo/demo.service.js';
import { warmSearchIndexes } from './modules/search/search-index.js';
import { ensureDefaultTaxonomies } from './modules/taxonomy/defaults.js';
import { taxonomySearch } from './modules/taxonomy/taxonomy-search.js';

/** Starts the server: migrate, load default reference data, seed the demo (DEMO on, new database), listen. */
export async function serve(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadConfig(env);
  const db = openConfiguredDb(config);
  await migrateUp(db);
  // Reference data (occupations, skills, regions) on a new database; the typeahead index built now.
  await ensureDefaultTaxonomies(db);
  await taxonomySearch(db);
  const app = await buildApp({ config, db });
  if (config.DEMO) {
    const seeded = await seedDemo(db);
    if (seeded.created) {
      const lines = seeded.accounts.map((a) => `  ${a.role.padEnd(11)} ${a.email}`);
      console.log(
        `\n데모 데이터를 만들었습니다 (Demo data seeded: 인천광역시 부평구).\n` +
          `데모 계정 (demo sign-ins), password "${DEMO_PASSWORD}":\n${lines.join('\n')}\n`,
      );
    }
  }
  // The vacancy and seeker search, built now (not by the first visitor) and following the database.
  await warmSearchIndexes(db);
  const close = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`일터 ilteo: http://localhost:${config.PORT}  (${db.describe})`);
}
