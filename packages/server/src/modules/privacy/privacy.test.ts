import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli } from '../../cli/program.js';
import { openDb } from '../../db/kysely.js';
import { migrateUp } from '../../db/migrate.js';
import { countRows, createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { seedDemo } from '../demo/demo.service.js';
import { CONSENTS, newSeeker, PROFILE } from '../seekers/seekers.fixtures.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';

async function retained(t: TestApp) {
  return t.db.kysely.selectFrom('retained_records').selectAll().orderBy('id').execute();
}

async function seekerExists(t: TestApp, id: number) {
  return (
    (await t.db.kysely.selectFrom('seekers').select('id').where('id', '=', id).executeTakeFirst()) !==
    undefined
  );
}

async function userExists(t: TestApp, id: number) {
  return (
    (await t.db.kysely.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

describe.each(testDatabases())('privacy on $name', (database) => {
  let t: TestApp;
  let admin: TestClient;
  let counsellor: TestClient;

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    admin = await t.signedIn('admin');
    counsellor = await t.signedIn('counsellor');
  });
  afterAll(() => t.close());

  it('a seeker downloads everything held about them as JSON: account, profile, consents, activity', async () => {
    const seeker = await newSeeker(t, 'export@example.kr');
    const created = (await seeker.post('/api/v1/me/seeker', { ...PROFILE, consents: CONSENTS })).json();
    await seeker.post('/api/v1/me/seeker/consents', { purpose: 'recommendation', granted: false });
    // A counsellor also opened the profile: the seeker sees that staff did, not who.
    await counsellor.get(`/api/v1/seekers/${created.id}`);

    const res = await seeker.get('/api/v1/me/seeker/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="ilteo-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = JSON.parse(res.body);
    expect(data.account).toMatchObject({ email: 'export@example.kr', role: 'seeker' });
    expect(data.account.password_hash ?? data.account.passwordHash).toBeUndefined();
    expect(res.body).not.toContain('argon2');
    expect(data.accountConsents.map((c: { purpose: string }) => c.purpose)).toEqual([
      'terms',
      'privacy.required',
    ]);
    expect(data.seekerProfile).toMatchObject({ id: created.id, name: '김구직', phone: '010-1234-5678' });
    expect(data.seekerProfile.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'employment_services', withdrawnAt: null }),
        expect.objectContaining({ purpose: 'recommendation', withdrawnAt: expect.any(String) }),
      ]),
    );
    const actions = data.activity.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['auth.sign_up', 'seeker.create', 'seeker.consent_withdrawn', 'seeker.read']),
    );
    const read = data.activity.find((a: { action: string }) => a.action === 'seeker.read');
    expect(read.by).toBe('counsellor');
    // Nobody else's data: not the counsellor's name or email.
    expect(res.body).not.toContain('counsellor@demo.ilteo.kr');
    expect(res.body).not.toContain('(데모)');
  });

  it('deleting the account needs the password, then removes the user, the profile and the sessions, keeping apart a nameless record', async () => {
    const seeker = await newSeeker(t, 'leaving@example.kr');
    const me = (await seeker.get('/api/v1/me')).json().user;
    const created = (
      await seeker.post('/api/v1/me/seeker', { ...PROFILE, name: '탈퇴자', consents: CONSENTS })
    ).json();
    const other = t.client();
    await other.post('/api/v1/auth/sign-in', { email: 'leaving@example.kr', password: 'seeker-pass-12' });
    const sessionsOf = async () =>
      (await t.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', me.id).execute()).length;
    expect(await sessionsOf()).toBe(2);

    const wrong = await seeker.post('/api/v1/me/delete-account', { password: 'not-my-pass-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'password', code: 'wrong_password' });
    expect(await userExists(t, me.id)).toBe(true);

    const before = (await retained(t)).length;
    const res = await seeker.post('/api/v1/me/delete-account', { password: 'seeker-pass-12' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await userExists(t, me.id)).toBe(false);
    expect(await seekerExists(t, created.id)).toBe(false);
    expect(await sessionsOf()).toBe(0);
    expect(
      await t.db.kysely
        .selectFrom('seeker_consents')
        .select('id')
        .where('seeker_id', '=', created.id)
        .execute(),
    ).toEqual([]);
    expect((await seeker.get('/api/v1/me')).statusCode).toBe(401);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);

    const kept = await retained(t);
    expect(kept.length).toBe(before + 1);
    const record = kept.at(-1)!;
    expect(record).toMatchObject({ kind: 'employment_services', subject_ref: `seeker:${created.id}` });
    expect(record.legal_basis).toContain('보조금 관리에 관한 법률');
    expect(new Date(record.keep_until).getUTCFullYear()).toBe(new Date().getUTCFullYear() + 5);
    const text = JSON.stringify(record);
    for (const personal of [
      '탈퇴자',
      '01012345678',
      '010-1234-5678',
      'leaving@example.kr',
      'gujik@example.kr',
    ]) {
      expect(text).not.toContain(personal);
    }
    expect(JSON.parse(record.payload).consents.length).toBe(2);

    const deletion = await t.db.kysely
      .selectFrom('audit_log')
      .select(['after_json'])
      .where('action', '=', 'account.delete')
      .where('entity_id', '=', String(me.id))
      .executeTakeFirstOrThrow();
    expect(deletion.after_json).not.toContain('leaving');
    expect(JSON.parse(deletion.after_json!)).toMatchObject({ seekerId: created.id, keptApart: 1 });
    const change = await t.db.kysely
      .selectFrom('change_log')
      .select('op')
      .where('entity', '=', 'seeker')
      .where('entity_id', '=', created.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(change.op).toBe('delete');
  });

  it('the retention job removes only the stale and the withdrawn, keeps apart what law requires, and a dry run changes nothing', async () => {
    const old = '2020-01-01T00:00:00.000Z';
    const setActive = (id: number, at: string) =>
      t.db.kysely.updateTable('seekers').set({ last_active_at: at }).where('id', '=', id).execute();
    const desk = async () =>
      (await counsellor.post('/api/v1/seekers', { ...PROFILE, consents: CONSENTS })).json().id as number;

    const staleDesk = await desk();
    await setActive(staleDesk, old);
    const fresh = await desk();

    const staleClient = await newSeeker(t, 'stale@example.kr');
    const staleUser = (await staleClient.get('/api/v1/me')).json().user.id as number;
    const staleSelf = (await staleClient.post('/api/v1/me/seeker', { ...PROFILE, consents: CONSENTS })).json()
      .id;
    await setActive(staleSelf, old);
    await t.db.kysely
      .updateTable('users')
      .set({ last_sign_in_at: old })
      .where('id', '=', staleUser)
      .execute();

    const returning = await newSeeker(t, 'returning@example.kr');
    const returningUser = (await returning.get('/api/v1/me')).json().user.id as number;
    const returningSeeker = (
      await returning.post('/api/v1/me/seeker', { ...PROFILE, consents: CONSENTS })
    ).json().id;
    await setActive(returningSeeker, old);
    await t.db.kysely
      .updateTable('users')
      .set({ last_sign_in_at: new Date().toISOString() })
      .where('id', '=', returningUser)
      .execute();

    const withdrawing = await newSeeker(t, 'withdrawing@example.kr');
    const withdrawingUser = (await withdrawing.get('/api/v1/me')).json().user.id as number;
    const withdrawnSeeker = (
      await withdrawing.post('/api/v1/me/seeker', { ...PROFILE, consents: CONSENTS })
    ).json().id;
    await withdrawing.post('/api/v1/me/seeker/consents', { purpose: 'employment_services', granted: false });

    await t.db.kysely
      .insertInto('retained_records')
      .values({
        organisation_id: 1,
        kind: 'employment_services',
        subject_ref: 'seeker:0',
        payload: '{}',
        legal_basis: 'test',
        keep_until: '2021-01-01T00:00:00.000Z',
        created_at: '2016-01-01T00:00:00.000Z',
      })
      .execute();

    const keptBefore = (await retained(t)).length;
    const counts = async () => [
      await countRows(t.db, 'users'),
      await countRows(t.db, 'audit_log'),
      (await retained(t)).length,
    ];
    const beforeDry = await counts();
    const dry = await admin.post('/api/v1/privacy/retention/run', { dryRun: true });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      retentionMonths: 36,
      removed: 3,
      accountsRemoved: 1,
      keptApart: 3,
      expiredRecordsRemoved: 1,
    });
    expect(await counts()).toEqual(beforeDry);
    for (const id of [staleDesk, staleSelf, withdrawnSeeker]) expect(await seekerExists(t, id)).toBe(true);

    const run = await admin.post('/api/v1/privacy/retention/run', { dryRun: false });
    expect(run.json()).toMatchObject({
      dryRun: false,
      removed: 3,
      accountsRemoved: 1,
      keptApart: 3,
      expiredRecordsRemoved: 1,
    });
    expect(await seekerExists(t, staleDesk)).toBe(false);
    expect(await seekerExists(t, staleSelf)).toBe(false);
    expect(await seekerExists(t, withdrawnSeeker)).toBe(false);
    expect(await seekerExists(t, fresh)).toBe(true);
    expect(await seekerExists(t, returningSeeker)).toBe(true);
    expect(await userExists(t, staleUser)).toBe(false);
    // Who withdrew keeps the sign-in account: they may register again.
    expect(await userExists(t, withdrawingUser)).toBe(true);
    const kept = await retained(t);
    expect(kept.length).toBe(keptBefore - 1 + 3);
    expect(kept.map((r) => r.subject_ref)).toEqual(
      expect.arrayContaining([`seeker:${staleDesk}`, `seeker:${staleSelf}`, `seeker:${withdrawnSeeker}`]),
    );
    expect(kept.map((r) => r.subject_ref)).not.toContain('seeker:0');
    for (const r of kept) expect(r.payload).not.toContain('김구직');

    const again = await admin.post('/api/v1/privacy/retention/run', { dryRun: false });
    expect(again.json()).toMatchObject({ removed: 0, keptApart: 0, expiredRecordsRemoved: 0 });
  });

  it('privacy settings are validated and audited', async () => {
    const current = await admin.get('/api/v1/privacy/settings');
    expect(current.statusCode).toBe(200);
    expect(current.json().retentionMonths).toBe(36);
    const auditBefore = await countRows(t.db, 'audit_log');
    const bad = await admin.request('PUT', '/api/v1/privacy/settings', {
      body: {
        ageRules: [
          { group: 'youth', min: 15, max: 39 },
          { group: 'youth', min: 40, max: 10 },
        ],
        retentionMonths: 24,
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)).toEqual([
      'ageRules.1.group duplicate_age_group',
      'ageRules.1.max max_below_min',
    ]);
    for (const retentionMonths of [0, 3, 121, 'x']) {
      const res = await admin.request('PUT', '/api/v1/privacy/settings', {
        body: { ageRules: current.json().ageRules, retentionMonths },
      });
      expect(res.statusCode).toBe(400);
    }
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore);
    const ok = await admin.request('PUT', '/api/v1/privacy/settings', {
      body: { ageRules: current.json().ageRules, retentionMonths: 24 },
    });
    expect(ok.json().retentionMonths).toBe(24);
    expect(await countRows(t.db, 'audit_log')).toBe(auditBefore + 1);
    expect((await counsellor.get('/api/v1/privacy/settings')).statusCode).toBe(403);
  });

  it('the seeker’s own routes answer broken bodies with field errors and write nothing', async () => {
    const seeker = await newSeeker(t, 'broken@example.kr');
    const seekersBefore = await t.db.kysely.selectFrom('seekers').select('id').execute();
    const bodies: unknown[] = [
      {},
      { ...PROFILE, consents: { ...CONSENTS, employment_services: false } },
      { ...PROFILE, consents: CONSENTS, deskUnitId: 1 },
      { ...PROFILE, consents: CONSENTS, birthYear: 1800 },
      { ...PROFILE, consents: CONSENTS, phone: '12345' },
      { ...PROFILE, consents: CONSENTS, desiredOccupations: [] },
      { ...PROFILE, consents: CONSENTS, desiredWage: { type: 'weekly', amount: 1 } },
      { ...PROFILE, consents: CONSENTS, groups: ['youth'] },
      [PROFILE],
    ];
    for (const body of bodies) {
      const res = await seeker.request('POST', '/api/v1/me/seeker', { rawBody: JSON.stringify(body) });
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
      expect(res.json().errors.length).toBeGreaterThan(0);
    }
    for (const body of [{ purpose: 'marketing', granted: true }, { purpose: 'sensitive' }, {}]) {
      expect((await seeker.post('/api/v1/me/seeker/consents', body)).statusCode).toBe(400);
    }
    expect((await seeker.post('/api/v1/me/delete-account', {})).statusCode).toBe(400);
    expect((await seeker.post('/api/v1/me/delete-account', { password: 'x', extra: 1 })).statusCode).toBe(
      400,
    );
    expect(await t.db.kysely.selectFrom('seekers').select('id').execute()).toEqual(seekersBefore);
  });
});

describe('ilteo privacy retention', () => {
  it('runs the job from the command line, with --dry-run counting only', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-privacy-cli-'));
    const db = openDb({ sqliteFile: path.join(dir, 'ilteo.sqlite') });
    try {
      await migrateUp(db);
      await seedDemo(db);
      const now = '2020-01-01T00:00:00.000Z';
      await db.kysely
        .insertInto('seekers')
        .values({
          organisation_id: 1,
          name: '오래된',
          birth_year: 1970,
          education: 'high',
          registered_by: 'desk',
          created_at: now,
          updated_at: now,
          last_active_at: now,
        })
        .execute();
    } finally {
      await db.close();
    }
    const run = async (...args: string[]) => {
      const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
      process.env.DATA_DIR = dir;
      delete process.env.DATABASE_URL;
      const lines: string[] = [];
      const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
        lines.push(parts.join(' '));
      });
      try {
        await buildCli().parseAsync(['node', 'ilteo', 'privacy', 'retention', ...args]);
      } finally {
        log.mockRestore();
        for (const [key, value] of Object.entries(saved)) {
          if (value === undefined) delete process.env[key];
          else process.env[key] = value;
        }
      }
      return lines.join('\n');
    };
    try {
      expect(await run('--dry-run')).toMatch(/^\[dry run\] organisation 1: 1 seekers removed/);
      expect(await run()).toMatch(
        /^organisation 1: 1 seekers removed, 0 accounts removed, 1 records kept apart/,
      );
      expect(await run()).toMatch(/^organisation 1: 0 seekers removed/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
