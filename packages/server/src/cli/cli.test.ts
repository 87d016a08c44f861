import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { type Db, openDb } from '../db/kysely.js';
import { migrateUp } from '../db/migrate.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import { verifyPassword } from '../modules/auth/password.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../modules/demo/demo.service.js';
import { buildCli } from './program.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const NAMES = Object.keys(MIGRATIONS);

const dataDirs: string[] = [];
afterAll(() => {
  for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** An empty data directory: the CLI keeps its SQLite database there. */
function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-cli-'));
  dataDirs.push(dir);
  return dir;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `ilteo <args>` as an operator would, in its own process, on the SQLite database in dataDir.
 * Slow (a second or so): kept for what only a real process shows, its exit code and stderr.
 */
function ilteoProcess(dataDir: string, ...args: string[]): Promise<Run> {
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', MAIN, ...args],
      { cwd: ROOT, env, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * Runs `ilteo <args>` in this process: what it prints, and the message main.ts would print to
 * stderr before exiting with 1 (`error`).
 */
async function ilteo(dataDir: string, ...args: string[]): Promise<{ stdout: string; error: string | null }> {
  const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
  process.env.DATA_DIR = dataDir;
  delete process.env.DATABASE_URL;
  const lines: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    lines.push(parts.join(' '));
  });
  try {
    await buildCli().parseAsync(['node', 'ilteo', ...args]);
    return { stdout: lines.join('\n'), error: null };
  } catch (error) {
    return { stdout: lines.join('\n'), error: error instanceof Error ? error.message : String(error) };
  } finally {
    log.mockRestore();
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** Opens the CLI's database from the test, to set it up or look at what a command did. */
async function withDb<T>(dataDir: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = openDb({ sqliteFile: path.join(dataDir, 'ilteo.sqlite') });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/** A data directory holding a migrated database with the demo organisation. */
async function demoDataDir(): Promise<string> {
  const dir = freshDataDir();
  await withDb(dir, async (db) => {
    await migrateUp(db);
    await seedDemo(db);
  });
  return dir;
}

const usersCount = (dir: string) =>
  withDb(dir, async (db) => (await db.kysely.selectFrom('users').select('id').execute()).length);

describe('the ilteo command line', () => {
  it('migrate status lists pending migrations, then applied ones after migrate up; migrate down reverts the newest', async () => {
    const dir = freshDataDir();
    const pending = await ilteo(dir, 'migrate', 'status');
    expect(pending.error).toBeNull();
    expect(pending.stdout.split('\n')).toEqual(NAMES.map((n) => `pending  ${n}`));

    const up = await ilteo(dir, 'migrate', 'up');
    expect(up.error).toBeNull();
    expect(up.stdout.split('\n')).toEqual(NAMES.map((n) => `Up ${n}: Success`));
    expect((await ilteo(dir, 'migrate', 'up')).stdout).toBe('up to date');

    const applied = await ilteo(dir, 'migrate', 'status');
    expect(applied.stdout.split('\n')).toEqual(NAMES.map((n) => `applied  ${n}`));

    const down = await ilteo(dir, 'migrate', 'down');
    expect(down.error).toBeNull();
    expect(down.stdout).toBe(`Down ${NAMES.at(-1)}: Success`);

    const after = await ilteo(dir, 'migrate', 'status');
    expect(after.stdout.split('\n')).toEqual(
      NAMES.map((n, i) => `${i < NAMES.length - 1 ? 'applied' : 'pending'}  ${n}`),
    );
  });

  it('seed --demo creates the demo and prints its sign-ins; a second run seeds nothing', async () => {
    const dir = freshDataDir();
    const first = await ilteo(dir, 'seed', '--demo');
    expect(first.error).toBeNull();
    expect(first.stdout).toContain(DEMO_PASSWORD);
    for (const account of DEMO_ACCOUNTS) expect(first.stdout).toContain(`${account.role} ${account.email}`);
    expect(await usersCount(dir)).toBe(DEMO_ACCOUNTS.length);
    // The default taxonomies are loaded too, as `serve` loads them: the demo's labels come from them.
    const keco = await withDb(dir, async (db) =>
      db.kysely.selectFrom('taxonomy_items').select('code').where('scheme', '=', 'KECO-2018').execute(),
    );
    expect(keco.length).toBeGreaterThan(400);

    const second = await ilteo(dir, 'seed', '--demo');
    expect(second.error).toBeNull();
    expect(second.stdout).toContain('nothing seeded');
    expect(await usersCount(dir)).toBe(DEMO_ACCOUNTS.length);
  });

  it('match evaluate shows proposed weights next to the saved ones and the baselines, and refuses bad weights', async () => {
    const dir = freshDataDir();
    expect((await ilteo(dir, 'seed', '--demo')).error).toBeNull();
    const bad = await ilteo(dir, 'match', 'evaluate', '--weights', '{"distance":-3}');
    expect(bad.error).toContain('weights.distance');
    expect(bad.error).toContain('0 이상');
    const run = await ilteo(dir, 'match', 'evaluate', '--weights', '{"occupation":10}');
    expect(run.error).toBeNull();
    expect(run.stdout).toMatch(/\| 직종·경력 \(occupation\) \| 30 \| 10 \|/);
    const rows = Object.fromEntries(
      [...run.stdout.matchAll(/^\| (proposed weights|saved weights|baseline: [^|]+?) \| ([\d.]+)/gm)].map(
        (m) => [m[1], Number(m[2])],
      ),
    );
    expect(Object.keys(rows)).toHaveLength(4);
    // On the generated labels the saved (default) weights beat both baselines on NDCG@10.
    expect(rows['saved weights']).toBeGreaterThan(rows['baseline: text search only']!);
    expect(rows['saved weights']).toBeGreaterThan(rows['baseline: occupation code only']!);
  }, 120_000);

  it('user create makes a staff account at the named desk, who must change the password', async () => {
    const dir = await demoDataDir();
    const run = await ilteo(
      dir,
      'user',
      'create',
      '--role',
      'counsellor',
      '--email',
      'c@x.kr',
      '--password',
      'abcdefgh12',
      '--unit',
      'job-centre',
    );
    expect(run.error).toBeNull();
    expect(run.stdout).toMatch(/^user \d+ c@x\.kr \(counsellor\) created$/);

    await withDb(dir, async (db) => {
      const user = await db.kysely
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'c@x.kr')
        .executeTakeFirstOrThrow();
      expect(user).toMatchObject({
        role: 'counsellor',
        name: 'c',
        status: 'active',
        must_change_password: 1,
      });
      expect(await verifyPassword(user.password_hash, 'abcdefgh12')).toBe(true);
      const units = await db.kysely
        .selectFrom('user_units')
        .innerJoin('units', 'units.id', 'user_units.unit_id')
        .select('units.code')
        .where('user_units.user_id', '=', user.id)
        .execute();
      expect(units).toEqual([{ code: 'job-centre' }]);
      const audit = await db.kysely
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'user.create')
        .where('entity_id', '=', String(user.id))
        .executeTakeFirstOrThrow();
      expect(audit).toMatchObject({ actor_user_id: null, actor_role: 'system' });
    });

    const again = await ilteo(
      dir,
      'user',
      'create',
      '--role',
      'planner',
      '--email',
      'c@x.kr',
      '--password',
      'abcdefgh12',
    );
    expect(again.error).toMatch(/^EMAIL_TAKEN\n\s*email: .*already registered/);
  });

  it('a bad email, a weak password or an unknown unit is explained on its field and writes nothing', async () => {
    const dir = await demoDataDir();
    const before = await usersCount(dir);
    const base = ['user', 'create', '--role', 'counsellor', '--unit', 'job-centre'];
    const badEmail = await ilteo(dir, ...base, '--email', 'not-an-email', '--password', 'abcdefgh12');
    const weakPassword = await ilteo(dir, ...base, '--email', 'weak@x.kr', '--password', 'abcdefghijk');
    const shortPassword = await ilteo(dir, ...base, '--email', 'short@x.kr', '--password', 'abc1');
    const unknownUnit = await ilteo(
      dir,
      ...base.slice(0, -1),
      'nowhere',
      '--email',
      'u@x.kr',
      '--password',
      'abcdefgh12',
    );

    for (const run of [badEmail, weakPassword, shortPassword, unknownUnit]) expect(run.stdout).toBe('');
    expect(badEmail.error).toMatch(/^\s*email: .*valid email address/m);
    expect(weakPassword.error).toMatch(/^\s*password: .*letters and digits/m);
    expect(shortPassword.error).toMatch(/^\s*password: .*10 characters/m);
    expect(unknownUnit.error).toMatch(/^\s*unit\.0: .*not allowed/m);
    expect(await usersCount(dir)).toBe(before);
  });

  it.concurrent('as a process, a failed command prints its reason to stderr and exits non-zero', async () => {
    const dir = await demoDataDir();
    const run = await ilteoProcess(
      dir,
      'user',
      'create',
      '--role',
      'planner',
      '--email',
      'x@x.kr',
      '--password',
      'abcdefghijk',
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\s*password: .*letters and digits/m);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(await usersCount(dir)).toBe(DEMO_ACCOUNTS.length);
  });

  it.concurrent('as a process, --help prints the usage and exits zero', async () => {
    const run = await ilteoProcess(freshDataDir(), '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: ilteo /);
    for (const command of ['migrate', 'seed', 'user', 'serve']) expect(run.stdout).toContain(command);
  });

  it('a missing required option is named', async () => {
    const program = buildCli();
    let err = '';
    const quiet = (command: Command) => {
      command.exitOverride().configureOutput({ writeOut: () => {}, writeErr: (s) => (err += s) });
      command.commands.forEach(quiet);
    };
    quiet(program);
    const thrown = await program
      .parseAsync(['node', 'ilteo', 'user', 'create', '--email', 'x@x.kr', '--password', 'abcdefgh12'])
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(CommanderError);
    expect((thrown as CommanderError).exitCode).not.toBe(0);
    expect(err).toMatch(/--role/);
  });

  it('--help works on every command and names its options', async () => {
    const paths: string[][] = [];
    const walk = (command: Command, at: string[]) => {
      for (const sub of command.commands) {
        paths.push([...at, sub.name()]);
        walk(sub, [...at, sub.name()]);
      }
    };
    walk(buildCli(), []);
    expect(paths).toEqual(expect.arrayContaining([['migrate', 'status'], ['seed'], ['user', 'create']]));

    for (const at of [[], ...paths]) {
      const program = buildCli();
      let out = '';
      const quiet = (command: Command) => {
        command.exitOverride().configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (out += s) });
        command.commands.forEach(quiet);
      };
      quiet(program);
      const thrown = await program.parseAsync(['node', 'ilteo', ...at, '--help']).catch((e: unknown) => e);
      expect(thrown, at.join(' ')).toBeInstanceOf(CommanderError);
      expect((thrown as CommanderError).exitCode, at.join(' ')).toBe(0);
      expect(out, at.join(' ')).toMatch(new RegExp(`^Usage: ilteo${at.map((p) => ` ${p}`).join('')}`));
    }

    const userCreate = buildCli()
      .commands.find((c) => c.name() === 'user')!
      .commands.find((c) => c.name() === 'create')!;
    expect(userCreate.helpInformation()).toMatch(
      /--role <role>[\s\S]*--email <email>[\s\S]*--password <password>[\s\S]*--unit/,
    );
  });
});
