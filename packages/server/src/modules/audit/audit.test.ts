import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

let seq = 0;

interface Entry {
  id: number;
  at: string;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { id: number; name: string; email: string } | null;
  before: unknown;
  after: unknown;
}

/**
 * A seeker whose story is known: signs up, signs out, mistypes their password, signs in.
 * Each step is one audit entry with them as the actor.
 */
async function seekerWithHistory(t: TestApp) {
  const email = `audited-${++seq}@example.kr`;
  const browser = t.client();
  const signUp = await browser.post('/api/v1/auth/sign-up', {
    accountType: 'seeker',
    email,
    password: 'audit-pass-1',
    name: '감사대상',
    agreeTerms: true,
    agreePrivacy: true,
  });
  expect(signUp.statusCode, signUp.body).toBe(201);
  await browser.post('/api/v1/auth/sign-out');
  await browser.post('/api/v1/auth/sign-in', { email, password: 'mistyped-pass-1' });
  await browser.post('/api/v1/auth/sign-in', { email, password: 'audit-pass-1' });
  return { userId: signUp.json().user.id as number, email };
}

const HISTORY_NEWEST_FIRST = ['auth.sign_in', 'auth.sign_in_failed', 'auth.sign_out', 'auth.sign_up'];

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe.each(testDatabases())('the audit log on $name', (database) => {
  let t: TestApp;
  let admin: TestClient;
  beforeAll(async () => {
    t = await createTestApp(database, { LOGIN_RATE_PER_MINUTE: '10000' });
    admin = await t.signedIn('admin');
  });
  afterAll(() => t.close());

  const browse = async (query: string) => {
    const res = await admin.get(`/api/v1/audit?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Entry[]; total: number; page: number; pageSize: number };
  };

  it('the database itself refuses to change or delete an entry', async () => {
    const before = await t.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute();
    expect(before.length).toBeGreaterThan(0);
    const first = before[0]!;

    await expect(t.db.kysely.updateTable('audit_log').set({ action: 'tampered' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      t.db.kysely.updateTable('audit_log').set({ after_json: null }).where('id', '=', first.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('audit_log').where('id', '=', first.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      t.db.kysely
        .transaction()
        .execute((trx) => trx.deleteFrom('audit_log').where('id', '=', first.id).execute()),
    ).rejects.toThrow(/append-only/);

    expect(await t.db.kysely.selectFrom('audit_log').selectAll().orderBy('id').execute()).toEqual(before);
  });

  it('the database refuses to empty the log in one statement too', async () => {
    const before = await countRows(t.db, 'audit_log');
    // PostgreSQL's TRUNCATE skips row triggers; SQLite has no TRUNCATE, and its whole-table DELETE
    // optimisation is what a TRUNCATE would be there.
    const empty = database.name === 'postgres' ? sql`truncate audit_log` : sql`delete from audit_log`;
    await expect(empty.execute(t.db.kysely)).rejects.toThrow(/append-only/);
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it('no HTTP route changes or deletes entries, whoever asks', async () => {
    const before = await countRows(t.db, 'audit_log');
    for (const client of [admin, t.client()]) {
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
        for (const url of ['/api/v1/audit', '/api/v1/audit/1']) {
          const res = await client.request(method, url, { body: { action: 'tampered' } });
          expect([403, 404], `${method} ${url}`).toContain(res.statusCode);
        }
      }
      const post = await client.request('POST', '/api/v1/audit', { body: { action: 'forged' } });
      expect([403, 404]).toContain(post.statusCode);
    }
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it('only an admin may read it', async () => {
    const planner = await t.signedIn('planner');
    const forbidden = await planner.get('/api/v1/audit');
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe('FORBIDDEN');
    const anonymous = await t.client().get('/api/v1/audit');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
  });

  it("filtering by actor shows one person's doings, newest first, with who they are", async () => {
    const seeker = await seekerWithHistory(t);
    const page = await browse(`actorId=${seeker.userId}`);
    expect(page.total).toBe(4);
    expect(page.items.map((e) => e.action)).toEqual(HISTORY_NEWEST_FIRST);
    for (const entry of page.items) {
      expect(entry.actor).toEqual({ id: seeker.userId, name: '감사대상', email: seeker.email });
      expect(entry).toMatchObject({ entityType: 'user', entityId: String(seeker.userId) });
    }
    expect(page.items.find((e) => e.action === 'auth.sign_in_failed')!.after).toEqual({ attempts: 1 });

    const oldestFirst = await browse(`actorId=${seeker.userId}&order=asc`);
    expect(oldestFirst.items.map((e) => e.action)).toEqual([...HISTORY_NEWEST_FIRST].reverse());
  });

  it('filtering by action matches part of the name, in any case', async () => {
    const seeker = await seekerWithHistory(t);
    const signIns = await browse(`actorId=${seeker.userId}&action=SIGN_IN`);
    expect(signIns.items.map((e) => e.action)).toEqual(['auth.sign_in', 'auth.sign_in_failed']);
    const failed = await browse(`action=in_failed&actorId=${seeker.userId}`);
    expect(failed.items.map((e) => e.action)).toEqual(['auth.sign_in_failed']);
    // `_` is a character to match, not a wildcard.
    expect((await browse(`actorId=${seeker.userId}&action=sign_inX`)).total).toBe(0);
    expect((await browse('action=%25')).total).toBe(0);
  });

  it('filtering by entity type and entity id', async () => {
    const organisations = await browse('entityType=organisation');
    expect(organisations.items.map((e) => e.action)).toContain('demo.seed');
    expect(organisations.items.every((e) => e.entityType === 'organisation')).toBe(true);
    expect(organisations.items.find((e) => e.action === 'demo.seed')!.actor).toBeNull();

    const seeker = await seekerWithHistory(t);
    const aboutSeeker = await browse(`entityType=user&entityId=${seeker.userId}`);
    expect(aboutSeeker.items.map((e) => e.action)).toEqual(HISTORY_NEWEST_FIRST);
    expect((await browse(`entityType=employer&entityId=${seeker.userId}`)).total).toBe(0);
  });

  it('filtering by dates includes whole days at both ends', async () => {
    const seeker = await seekerWithHistory(t);
    const day = (await browse(`actorId=${seeker.userId}`)).items[0]!.at.slice(0, 10);
    const scoped = `actorId=${seeker.userId}`;
    expect((await browse(`${scoped}&from=${day}&to=${day}`)).total).toBe(4);
    expect((await browse(`${scoped}&from=${day}`)).total).toBe(4);
    expect((await browse(`${scoped}&to=${day}`)).total).toBe(4);
    expect((await browse(`${scoped}&from=${shiftDay(day, 1)}`)).total).toBe(0);
    expect((await browse(`${scoped}&to=${shiftDay(day, -1)}`)).total).toBe(0);
    expect((await browse(`${scoped}&from=${shiftDay(day, -1)}&to=${shiftDay(day, 1)}`)).total).toBe(4);
  });

  it('a date that is not YYYY-MM-DD is refused on its field', async () => {
    for (const [field, value] of [
      ['from', '2026-13-01'],
      ['to', 'yesterday'],
    ] as const) {
      const res = await admin.get(`/api/v1/audit?${field}=${value}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
  });

  it('pages hold pageSize entries, do not overlap, and report the total', async () => {
    const seeker = await seekerWithHistory(t);
    const scoped = `actorId=${seeker.userId}&pageSize=3`;
    const page1 = await browse(`${scoped}&page=1`);
    const page2 = await browse(`${scoped}&page=2`);
    expect([page1.total, page1.page, page1.pageSize]).toEqual([4, 1, 3]);
    expect([page2.total, page2.page, page2.pageSize]).toEqual([4, 2, 3]);
    expect([...page1.items, ...page2.items].map((e) => e.action)).toEqual(HISTORY_NEWEST_FIRST);
    expect((await browse(`${scoped}&page=3`)).items).toEqual([]);

    const everything = await browse('pageSize=1');
    expect(everything.items).toHaveLength(1);
    expect(everything.total).toBe(await countRows(t.db, 'audit_log'));
  });
});
