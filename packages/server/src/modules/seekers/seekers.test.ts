import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../http/context.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';
import { checkSeeker, seekerConsentsOf, writeSeeker } from './seekers.commands.js';
import { CONSENTS, newSeeker, PROFILE } from './seekers.fixtures.js';

async function auditCount(t: TestApp, action: string, entityId: number) {
  const row = await t.db.kysely
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('action', '=', action)
    .where('entity_type', '=', 'seeker')
    .where('entity_id', '=', String(entityId))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function seekerRows(t: TestApp) {
  const row = await t.db.kysely
    .selectFrom('seekers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDatabases())('seekers on $name', (database) => {
  let t: TestApp;
  let counsellor: TestClient;
  let admin: TestClient;

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    counsellor = await t.signedIn('counsellor');
    admin = await t.signedIn('admin');
  });
  afterAll(() => t.close());

  it('a seeker registers themself: consents recorded with their version, wage normalised, age groups added', async () => {
    const seeker = await newSeeker(t, 'self1@example.kr');
    expect((await seeker.get('/api/v1/me/seeker')).statusCode).toBe(404);
    const res = await seeker.post('/api/v1/me/seeker', { ...PROFILE, consents: CONSENTS });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      name: '김구직',
      phone: '010-1234-5678',
      registeredBy: 'self',
      status: 'active',
      homeDongName: '부평1동',
      desiredWage: { type: 'hourly', amount: 11000, monthly: 11000 * 209 },
      desiredOccupations: [{ scheme: 'KECO-2018', code: '3075', label: '간호조무사' }],
    });
    // Born 1995: 청년 until 34 under the default rules, whatever the year now is, the rule applies.
    const age = new Date().getUTCFullYear() - 1995;
    expect(body.groups.includes('youth')).toBe(age <= 34);
    expect(body.groups).toContain('career_break_women');
    expect(body.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual([
      'employment_services',
      'recommendation',
    ]);
    expect(body.consents[0].version).toBe('2026-11-26');
    const stored = await t.db.kysely
      .selectFrom('seekers')
      .select(['wage_monthly', 'phone', 'user_id'])
      .where('id', '=', body.id)
      .executeTakeFirstOrThrow();
    expect(stored.wage_monthly).toBe(2_299_000);
    expect(stored.phone).toBe('01012345678');
    const consents = await t.db.kysely
      .selectFrom('seeker_consents')
      .selectAll()
      .where('seeker_id', '=', body.id)
      .execute();
    expect(consents.every((c) => c.recorded_by === null)).toBe(true);
    const changes = await t.db.kysely
      .selectFrom('change_log')
      .selectAll()
      .where('entity', '=', 'seeker')
      .where('entity_id', '=', body.id)
      .execute();
    expect(changes.length).toBeGreaterThan(0);

    const again = await seeker.post('/api/v1/me/seeker', { ...PROFILE, consents: CONSENTS });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('SEEKER_PROFILE_EXISTS');

    const patched = await seeker.patch('/api/v1/me/seeker', { version: body.version, weeklyHours: 30 });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({
      weeklyHours: 30,
      skills: [{ code: '06' }],
      version: body.version + 1,
    });
    const stale = await seeker.patch('/api/v1/me/seeker', { version: body.version, weeklyHours: 20 });
    expect(stale.statusCode).toBe(409);
  });

  it('the age rules are the organisation’s: a district that counts 청년 to 39 sees it on the profile', async () => {
    const year = new Date().getUTCFullYear();
    const seeker = await newSeeker(t, 'age@example.kr');
    const created = (
      await seeker.post('/api/v1/me/seeker', { ...PROFILE, birthYear: year - 37, consents: CONSENTS })
    ).json();
    expect(created.groups).not.toContain('youth');
    const put = await admin.request('PUT', '/api/v1/privacy/settings', {
      body: {
        ageRules: [
          { group: 'youth', min: 15, max: 39 },
          { group: 'elderly', min: 65, max: null },
        ],
        retentionMonths: 36,
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await seeker.get('/api/v1/me/seeker')).json().groups).toContain('youth');
    await admin.request('PUT', '/api/v1/privacy/settings', {
      body: {
        ageRules: [
          { group: 'youth', min: 15, max: 34 },
          { group: 'new_middle_aged', min: 50, max: 64 },
          { group: 'elderly', min: 65, max: null },
        ],
        retentionMonths: 36,
      },
    });
  });

  it('a counsellor registers a seeker at their desk and records the consents', async () => {
    const units = await t.db.kysely
      .selectFrom('units')
      .select(['id', 'code'])
      .where('code', 'in', ['job-centre', '2306052'])
      .execute();
    const jobCentre = units.find((u) => u.code === 'job-centre')!.id;
    const notTheirs = units.find((u) => u.code === '2306052')!.id;
    const counsellorId = (await counsellor.get('/api/v1/me')).json().user.id;

    const refused = await counsellor.post('/api/v1/seekers', {
      ...PROFILE,
      consents: CONSENTS,
      deskUnitId: notTheirs,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'deskUnitId', code: 'unknown_desk' }),
    ]);

    const res = await counsellor.post('/api/v1/seekers', {
      ...PROFILE,
      name: '이창구',
      consents: CONSENTS,
      deskUnitId: jobCentre,
      intakeNote: '요양보호사 자격 취득 희망',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      registeredBy: 'desk',
      deskUnitId: jobCentre,
      userId: null,
      intakeNote: '요양보호사 자격 취득 희망',
    });
    const consents = await t.db.kysely
      .selectFrom('seeker_consents')
      .selectAll()
      .where('seeker_id', '=', body.id)
      .execute();
    expect(consents.map((c) => c.recorded_by)).toEqual([counsellorId, counsellorId]);
    const create = await t.db.kysely
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'seeker.create')
      .where('entity_id', '=', String(body.id))
      .executeTakeFirstOrThrow();
    // The audit keeps a masked name, never the name, phone or note.
    expect(create.after_json).toContain('이*구');
    expect(create.after_json).not.toContain('이창구');
    expect(create.after_json).toContain('010-****-5678');
    expect(create.after_json).not.toContain('1234');
    expect(create.after_json).not.toContain('요양보호사');
  });

  it('codes outside the taxonomies and unknown dongs are refused on their fields, and nothing is written', async () => {
    const before = await seekerRows(t);
    const res = await counsellor.post('/api/v1/seekers', {
      ...PROFILE,
      desiredOccupations: [{ scheme: 'KECO-2018', code: '9999' }],
      skills: [{ scheme: 'KECO-2018', code: '3040' }],
      certificates: [{ scheme: 'Q-NET', code: '1234' }],
      careers: [{ occupation: { scheme: 'KECO-2018', code: '3040' }, months: 12 }],
      homeDongCode: '9999999',
      consents: CONSENTS,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string; code: string }) => `${e.field} ${e.code}`)
        .sort(),
    ).toEqual([
      'certificates.0.code unknown_item',
      'desiredOccupations.0.code unknown_item',
      'homeDongCode unknown_region',
      'skills.0.code unknown_item',
    ]);
    expect(await seekerRows(t)).toBe(before);
  });

  it('a seeker cannot read another seeker’s profile, nor the staff routes', async () => {
    const a = await newSeeker(t, 'a@example.kr');
    const b = await newSeeker(t, 'b@example.kr');
    const aProfile = (
      await a.post('/api/v1/me/seeker', { ...PROFILE, name: '가나다', consents: CONSENTS })
    ).json();
    await b.post('/api/v1/me/seeker', { ...PROFILE, name: '라마바', consents: CONSENTS });
    const mine = await b.get('/api/v1/me/seeker');
    expect(mine.json().name).toBe('라마바');
    expect(mine.body).not.toContain('가나다');
    expect((await b.get(`/api/v1/seekers/${aProfile.id}`)).statusCode).toBe(403);
    expect((await b.patch(`/api/v1/seekers/${aProfile.id}`, { version: 1, name: 'x' })).statusCode).toBe(403);
    expect(
      (await t.signedIn('employer').then((e) => e.get(`/api/v1/seekers/${aProfile.id}`))).statusCode,
    ).toBe(403);
  });

  it('every full-profile read by staff writes an audit row, with ids only', async () => {
    const created = (await counsellor.post('/api/v1/seekers', { ...PROFILE, consents: CONSENTS })).json();
    expect(await auditCount(t, 'seeker.read', created.id)).toBe(0);
    for (let i = 1; i <= 3; i++) {
      const res = await counsellor.get(`/api/v1/seekers/${created.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().name).toBe('김구직');
      expect(await auditCount(t, 'seeker.read', created.id)).toBe(i);
    }
    await admin.get(`/api/v1/seekers/${created.id}`);
    expect(await auditCount(t, 'seeker.read', created.id)).toBe(4);
    const rows = await t.db.kysely
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'seeker.read')
      .where('entity_id', '=', String(created.id))
      .execute();
    expect(rows.every((r) => r.before_json === null && r.after_json === null)).toBe(true);
    expect((await counsellor.get('/api/v1/seekers/999999')).statusCode).toBe(404);
  });

  it('staff edit a profile with the version they read', async () => {
    const created = (await counsellor.post('/api/v1/seekers', { ...PROFILE, consents: CONSENTS })).json();
    const res = await counsellor.patch(`/api/v1/seekers/${created.id}`, {
      version: created.version,
      status: 'employed',
      desiredWage: { type: 'monthly', amount: 2_500_000 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'employed', desiredWage: { monthly: 2_500_000 } });
    const update = await t.db.kysely
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('action', '=', 'seeker.update')
      .where('entity_id', '=', String(created.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(update.before_json!).status).toBe('active');
    expect(JSON.parse(update.after_json!).status).toBe('employed');
  });

  it('disability is refused without the sensitive consent, and erased at once when it is withdrawn', async () => {
    const seeker = await newSeeker(t, 'sensitive@example.kr');
    const before = await seekerRows(t);
    const refused = await seeker.post('/api/v1/me/seeker', {
      ...PROFILE,
      groups: ['disabled'],
      consents: CONSENTS,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([
      expect.objectContaining({ field: 'groups', code: 'sensitive_consent_required' }),
    ]);
    expect(await seekerRows(t)).toBe(before);

    const created = await seeker.post('/api/v1/me/seeker', {
      ...PROFILE,
      groups: ['disabled', 'vulnerable'],
      consents: { ...CONSENTS, sensitive: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().groups).toContain('disabled');

    const withdrawn = await seeker.post('/api/v1/me/seeker/consents', {
      purpose: 'sensitive',
      granted: false,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().groups).not.toContain('disabled');
    expect(withdrawn.json().groups).toContain('vulnerable');
    const stored = await t.db.kysely
      .selectFrom('seekers')
      .select('groups')
      .where('id', '=', created.json().id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.groups)).toEqual(['vulnerable']);
    // And it cannot come back in through an edit without consent.
    const patch = await seeker.patch('/api/v1/me/seeker', {
      version: withdrawn.json().version,
      groups: ['disabled'],
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().errors[0].code).toBe('sensitive_consent_required');
    // No audit entry ever names the disability.
    const audits = await t.db.kysely
      .selectFrom('audit_log')
      .select(['before_json', 'after_json'])
      .where('entity_type', '=', 'seeker')
      .where('entity_id', '=', String(created.json().id))
      .execute();
    for (const a of audits) expect(`${a.before_json}${a.after_json}`).not.toContain('disabled');
  });

  it('withdrawing the recommendation consent is what matching reads; withdrawing employment services shuts staff out', async () => {
    const seeker = await newSeeker(t, 'withdraw@example.kr');
    const created = (
      await seeker.post('/api/v1/me/seeker', {
        ...PROFILE,
        consents: { ...CONSENTS, sensitive: true },
        groups: ['disabled'],
      })
    ).json();
    expect([...((await seekerConsentsOf(t.db.kysely, [created.id])).get(created.id) ?? [])].sort()).toEqual([
      'employment_services',
      'recommendation',
      'sensitive',
    ]);
    await seeker.post('/api/v1/me/seeker/consents', { purpose: 'recommendation', granted: false });
    expect((await seekerConsentsOf(t.db.kysely, [created.id])).get(created.id)?.has('recommendation')).toBe(
      false,
    );

    const res = await seeker.post('/api/v1/me/seeker/consents', {
      purpose: 'employment_services',
      granted: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'inactive' });
    expect(res.json().groups).not.toContain('disabled');
    expect(res.json().consents.every((c: { withdrawnAt: string | null }) => c.withdrawnAt !== null)).toBe(
      true,
    );
    expect((await seekerConsentsOf(t.db.kysely, [created.id])).get(created.id)).toBeUndefined();

    const read = await counsellor.get(`/api/v1/seekers/${created.id}`);
    expect(read.statusCode).toBe(410);
    expect(read.json().code).toBe('SEEKER_CONSENT_WITHDRAWN');
    expect(await auditCount(t, 'seeker.read', created.id)).toBe(0);
    expect(
      (await seeker.patch('/api/v1/me/seeker', { version: res.json().version, status: 'active' })).json()
        .errors[0].code,
    ).toBe('employment_consent_required');
    const optional = await seeker.post('/api/v1/me/seeker/consents', {
      purpose: 'recommendation',
      granted: true,
    });
    expect(optional.statusCode).toBe(400);

    // The person comes back to the desk and gives the consent again: the counsellor records it.
    const again = await counsellor.post(`/api/v1/seekers/${created.id}/consents`, {
      purpose: 'employment_services',
      granted: true,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().status).toBe('active');
    expect((await counsellor.get(`/api/v1/seekers/${created.id}`)).statusCode).toBe(200);
  });

  it('an import writes through the same commands: checked, recorded for search, readable by staff without consent records', async () => {
    const ctx = { db: t.db, actor: SYSTEM, requestId: 'test-import' };
    const input = { ...PROFILE, skills: [], certificates: [], careers: [], groups: [] } as Parameters<
      typeof checkSeeker
    >[2];
    expect(await checkSeeker(t.db.kysely, 1, input, { sensitive: false })).toEqual([]);
    expect(
      (await checkSeeker(t.db.kysely, 1, { ...input, groups: ['disabled'] }, { sensitive: false })).map(
        (e) => e.code,
      ),
    ).toEqual(['sensitive_consent_required']);
    const id = await t.db.kysely
      .transaction()
      .execute((trx) => writeSeeker(ctx, trx, { organisationId: 1, input, registeredBy: 'import' }));
    const res = await counsellor.get(`/api/v1/seekers/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ registeredBy: 'import', consents: [] });
    await t.db.kysely.transaction().execute((trx) =>
      writeSeeker(ctx, trx, {
        id,
        organisationId: 1,
        input: { ...input, name: '박수정' },
        registeredBy: 'import',
      }),
    );
    expect((await counsellor.get(`/api/v1/seekers/${id}`)).json()).toMatchObject({
      name: '박수정',
      version: 2,
    });
  });
});
