import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CandidateList, VacancyRecommendationList } from '@ilteo/shared';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../db/kysely.js';
import { migrateUp } from '../../db/migrate.js';
import { DEMO_PASSWORD, seedDemo } from '../demo/demo.service.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';

/**
 * Freshness across processes (#5): two real server processes share one database; a vacancy
 * posted through one shows in the other's recommendations on its very next request, and a
 * seeker registered through the other shows in the first one's candidates. Each process
 * follows the change log on its own (modules/search/search-index.ts).
 */

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A browser-like client of one process: session and CSRF cookies kept. */
class Http {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly base: string) {}

  async send(method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    if (method !== 'GET' && !this.cookies.has('ilteo_csrf')) await this.send('GET', '/api/v1/auth/session');
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET') headers['x-csrf-token'] = this.cookies.get('ilteo_csrf') ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.base + url, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair] = cookie.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  }

  async signIn(role: string): Promise<this> {
    const res = await this.send('POST', '/api/v1/auth/sign-in', {
      email: `${role}@demo.ilteo.kr`,
      password: DEMO_PASSWORD,
    });
    if (res.status !== 200) throw new Error(`sign-in as ${role}: ${res.status}`);
    return this;
  }
}

interface Server {
  process: ChildProcess;
  base: string;
}

async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', DEMO: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => {
    output += d;
  });
  child.stderr!.on('data', (d) => {
    output += d;
  });
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return { process: child, base };
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`server did not start: ${output}`);
}

interface Target {
  name: string;
  env: Record<string, string>;
  cleanup: () => Promise<void>;
  open: () => ReturnType<typeof openDb>;
}

async function sqliteTarget(): Promise<Target> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-fresh-'));
  return {
    name: 'sqlite',
    env: { DATA_DIR: dir, DATABASE_URL: '' },
    open: () => openDb({ sqliteFile: path.join(dir, 'ilteo.sqlite') }),
    cleanup: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresTarget(url: string): Promise<Target> {
  const name = `ilteo_fresh_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const own = new URL(url);
  own.pathname = `/${name}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-fresh-'));
  return {
    name: 'postgres',
    env: { DATA_DIR: dir, DATABASE_URL: own.toString() },
    open: () => openDb({ databaseUrl: own.toString(), poolSize: 2 }),
    cleanup: async () => {
      const drop = new pg.Client({ connectionString: url });
      await drop.connect();
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const targets: (() => Promise<Target>)[] = [sqliteTarget];
if (process.env.TEST_DATABASE_URL) {
  const url = process.env.TEST_DATABASE_URL;
  targets.push(() => postgresTarget(url));
}

describe.each(targets.map((make, i) => ({ make, name: i === 0 ? 'sqlite' : 'postgres' })))(
  'recommendations across two server processes on $name',
  ({ make }) => {
    let target: Target;
    const servers: Server[] = [];

    beforeAll(async () => {
      target = await make();
      // The shared database, prepared once: migrated, reference data, the small demo registry.
      const db = target.open();
      await migrateUp(db);
      await ensureDefaultTaxonomies(db);
      await seedDemo(db, { registry: 'small' });
      await db.close();
      servers.push(await startServer(target.env));
      servers.push(await startServer(target.env));
    }, 180_000);

    afterAll(async () => {
      for (const s of servers) {
        s.process.kill('SIGTERM');
        await new Promise((r) => (s.process.exitCode !== null ? r(null) : s.process.once('exit', r)));
      }
      await target?.cleanup();
    }, 60_000);

    it('a vacancy posted in one process is recommended by the other on its next request', async () => {
      const [a, b] = servers as [Server, Server];
      const employer = await new Http(a.base).signIn('employer');
      const counsellorA = await new Http(a.base).signIn('counsellor');
      const counsellorB = await new Http(b.base).signIn('counsellor');

      // A seeker registered at a desk through process B, desiring 간호조무사 in 부평1동.
      const seeker = await counsellorB.send('POST', '/api/v1/seekers', {
        name: '최신선',
        birthYear: 1990,
        desiredOccupations: [{ scheme: 'KECO-2018', code: '3040' }],
        education: 'college',
        homeDongCode: '2306051',
        commuteKm: 5,
        consents: { employment_services: true, recommendation: true, sensitive: false },
      });
      expect(seeker.status, JSON.stringify(seeker.json)).toBe(201);
      const seekerId = (seeker.json as { id: number }).id;

      const recommendedOnB = async () =>
        (
          (await counsellorB.send('GET', `/api/v1/seekers/${seekerId}/recommendations?limit=3`))
            .json as VacancyRecommendationList
        ).items.map((i) => i.id);
      const before = await recommendedOnB();

      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
      const posted = await employer.send('POST', '/api/v1/vacancies', {
        title: '간호조무사 (신선도 시험)',
        description: '주간 근무',
        occupation: { scheme: 'KECO-2018', code: '3040' },
        wage: { type: 'monthly', amount: 3_800_000 },
        employmentType: 'permanent',
        shifts: ['day'],
        place: { dongCode: '2306051' },
        opensOn: today,
        closesOn: null,
      });
      expect(posted.status, JSON.stringify(posted.json)).toBe(201);
      const vacancyId = (posted.json as { id: number }).id;
      expect(before).not.toContain(vacancyId);
      expect(await recommendedOnB()).toContain(vacancyId);

      // And back: the seeker registered through B is a candidate for the vacancy in A.
      const candidates = await counsellorA.send('GET', `/api/v1/vacancies/${vacancyId}/candidates?limit=20`);
      expect(candidates.status).toBe(200);
      expect((candidates.json as CandidateList).items.map((i) => i.id)).toContain(seekerId);
    }, 60_000);
  },
);
