import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Db } from '../db/kysely.js';
import { migrateUp } from '../db/migrate.js';
import { DEMO_PASSWORD, seedDemo } from '../modules/demo/demo.service.js';
import type { TestDatabase } from './databases.js';

export { DEMO_PASSWORD };

/** A running app on a fresh database with the demo organisation and one account per role. */
export interface TestApp {
  app: FastifyInstance;
  db: Db;
  /** A client with its own cookie jar (a browser, in effect). */
  client(): TestClient;
  /** A client already signed in as the demo account of a role. */
  signedIn(role: string): Promise<TestClient>;
  close(): Promise<void>;
}

/** Builds the app on a fresh database of the given kind. */
export async function createTestApp(
  database: TestDatabase,
  env: Record<string, string> = {},
): Promise<TestApp> {
  const db = await database.open();
  try {
    await migrateUp(db);
    await seedDemo(db, { registry: 'small' });
  } catch (error) {
    // A failed setup must not leave a database (or a PostgreSQL schema) behind.
    await db.close();
    throw error;
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-data-'));
  // Tests sign in far more often than a person; the rate-limit tests lower this again.
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    WEB_DIR: '/nonexistent',
    LOGIN_RATE_PER_MINUTE: '10000',
    ...env,
  });
  const app = await buildApp({ config, db, logger: false });
  await app.ready();
  return {
    app,
    db,
    client: () => new TestClient(app),
    signedIn: async (role) => {
      const client = new TestClient(app);
      const res = await client.post('/api/v1/auth/sign-in', {
        email: `${role}@demo.ilteo.kr`,
        password: DEMO_PASSWORD,
      });
      if (res.statusCode !== 200) throw new Error(`demo ${role} could not sign in: ${res.body}`);
      return client;
    },
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Sends requests through app.inject like a browser would: cookies kept, CSRF header echoed. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: Method,
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; csrf?: boolean; rawBody?: string } = {},
  ): Promise<LightMyRequestResponse> {
    if (options.csrf !== false && method !== 'GET' && !this.cookies.has('ilteo_csrf')) {
      await this.request('GET', '/api/v1/auth/session');
    }
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && method !== 'GET')
      headers['x-csrf-token'] = this.cookies.get('ilteo_csrf') ?? '';
    const payload =
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await this.app.inject({
      method,
      url,
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    for (const cookie of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.maxAge === 0 || (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (expired || cookie.value === '') this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
    return res;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, headers ? { headers } : {});
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, { body: body ?? {} });
  }
  patch(url: string, body?: unknown) {
    return this.request('PATCH', url, { body: body ?? {} });
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, { body: body ?? {} });
  }
}

/** Rows in a table: tests use it to show that a refused request wrote nothing. */
export async function countRows(
  db: Db,
  table: 'users' | 'audit_log' | 'sessions' | 'consents' | 'employers' | 'user_units',
) {
  const row = await db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
