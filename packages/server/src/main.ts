import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { migrateUp } from './db/migrate.js';
import { openConfiguredDb } from './db/open.js';
import { DEMO_PASSWORD, seedDemo } from './modules/demo/demo.service.js';

/** Starts the server: migrate, seed the demo on a new database when DEMO is on, listen. */
export async function serve(env: Record<string, string | undefined> = process.env): Promise<void> {
  const config = loadConfig(env);
  const db = openConfiguredDb(config);
  await migrateUp(db);
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
