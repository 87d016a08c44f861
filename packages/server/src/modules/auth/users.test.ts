import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

let seq = 0;
/** An email no other test uses. */
const freshEmail = (label = 'staff') => `${label}-${++seq}@example.kr`;

interface Unit {
  id: number;
  kind: 'department' | 'agency' | 'dong_centre' | 'job_centre';
  code: string;
  name: string;
}

/** The demo organisation's units, one of each kind. */
async function demoUnits(t: TestApp) {
  const units = (await t.client().get('/api/v1/organisation')).json().units as Unit[];
  const first = (kind: Unit['kind']) => units.find((u) => u.kind === kind)!;
  return {
    department: first('department'),
    agency: first('agency'),
    dong: first('dong_centre'),
    jobCentre: first('job_centre'),
  };
}

interface StaffForm {
  email: string;
  name: string;
  role: 'admin' | 'planner' | 'reporter' | 'counsellor';
  unitIds: number[];
  password: string;
}

/** Creates a staff account as the admin; returns it with the password it was given. */
async function createStaff(admin: TestClient, overrides: Partial<StaffForm> = {}) {
  const form: StaffForm = {
    email: freshEmail(),
    name: '직원',
    role: 'planner',
    unitIds: [],
    password: 'staff-pass-2019',
    ...overrides,
  };
  const res = await admin.post('/api/v1/admin/users', form);
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as { id: number; email: string; role: string }), password: form.password };
}

async function signIn(t: TestApp, email: string, password: string) {
  const browser = t.client();
  const res = await browser.post('/api/v1/auth/sign-in', { email, password });
  return { browser, res };
}

function auditRows(t: TestApp, action: string, entityId: number) {
  return t.db.kysely
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', String(entityId))
    .orderBy('id')
    .execute();
}

const fieldsOf = (res: { json(): { errors?: { field: string; code: string }[] } }) =>
  (res.json().errors ?? []).map((e) => [e.field, e.code]);

describe.each(testDatabases())('an admin managing staff accounts on $name', (database) => {
  let t: TestApp;
  let admin: TestClient;
  let adminId: number;
  let units: Awaited<ReturnType<typeof demoUnits>>;
  beforeAll(async () => {
    t = await createTestApp(database, { LOGIN_RATE_PER_MINUTE: '10000' });
    admin = await t.signedIn('admin');
    adminId = (await admin.get('/api/v1/auth/session')).json().user.id;
    units = await demoUnits(t);
  });
  afterAll(() => t.close());

  it('a counsellor created at two desks signs in with the given password and must change it', async () => {
    const email = freshEmail('counsellor');
    const res = await admin.post('/api/v1/admin/users', {
      email: email.toUpperCase(),
      name: '새상담',
      role: 'counsellor',
      unitIds: [units.dong.id, units.jobCentre.id],
      password: 'counsel-pass-7',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      email,
      name: '새상담',
      role: 'counsellor',
      status: 'active',
      lastSignInAt: null,
    });
    expect(
      res
        .json()
        .units.map((u: Unit) => u.id)
        .sort(),
    ).toEqual([units.dong.id, units.jobCentre.id].sort());

    const { res: signedIn } = await signIn(t, email, 'counsel-pass-7');
    expect(signedIn.statusCode, signedIn.body).toBe(200);
    expect(signedIn.json().user).toMatchObject({ role: 'counsellor', mustChangePassword: true });
    expect(
      signedIn
        .json()
        .user.units.map((u: Unit) => u.kind)
        .sort(),
    ).toEqual(['dong_centre', 'job_centre']);

    const [created] = await auditRows(t, 'user.create', res.json().id);
    expect(created).toMatchObject({ actor_user_id: adminId, actor_role: 'admin' });
    expect(JSON.parse(created!.after_json!)).toMatchObject({ email, role: 'counsellor' });
  });

  it('a reporter belongs to a department or a partner agency', async () => {
    const inDepartment = await createStaff(admin, { role: 'reporter', unitIds: [units.department.id] });
    const inAgency = await createStaff(admin, { role: 'reporter', unitIds: [units.agency.id] });
    expect(inDepartment.role).toBe('reporter');
    expect(inAgency.role).toBe('reporter');
  });

  it('a reporter given counsellor desks, or no unit at all, is refused and nothing is written', async () => {
    const before = await Promise.all([
      countRows(t.db, 'users'),
      countRows(t.db, 'user_units'),
      countRows(t.db, 'audit_log'),
    ]);
    const atDesks = await admin.post('/api/v1/admin/users', {
      email: freshEmail(),
      name: '기자',
      role: 'reporter',
      unitIds: [units.jobCentre.id, units.department.id],
      password: 'staff-pass-2019',
    });
    expect(atDesks.statusCode).toBe(400);
    expect(atDesks.json().code).toBe('VALIDATION');
    expect(fieldsOf(atDesks)).toEqual([['unitIds.0', 'invalid_value']]);

    const nowhere = await admin.post('/api/v1/admin/users', {
      email: freshEmail(),
      name: '기자',
      role: 'reporter',
      unitIds: [],
      password: 'staff-pass-2019',
    });
    expect(nowhere.statusCode).toBe(400);
    expect(fieldsOf(nowhere)).toEqual([['unitIds', 'required']]);

    const unknownUnit = await admin.post('/api/v1/admin/users', {
      email: freshEmail(),
      name: '기자',
      role: 'reporter',
      unitIds: [999_999],
      password: 'staff-pass-2019',
    });
    expect(fieldsOf(unknownUnit)).toEqual([['unitIds.0', 'invalid_value']]);

    expect(
      await Promise.all([
        countRows(t.db, 'users'),
        countRows(t.db, 'user_units'),
        countRows(t.db, 'audit_log'),
      ]),
    ).toEqual(before);
  });

  it('admins and planners see the whole organisation, so they cannot be given units', async () => {
    const before = await countRows(t.db, 'users');
    for (const role of ['admin', 'planner'] as const) {
      const res = await admin.post('/api/v1/admin/users', {
        email: freshEmail(),
        name: '전체',
        role,
        unitIds: [units.department.id],
        password: 'staff-pass-2019',
      });
      expect(res.statusCode).toBe(400);
      expect(fieldsOf(res)).toEqual([['unitIds', 'invalid_value']]);
    }
    expect(await countRows(t.db, 'users')).toBe(before);
  });

  it('an admin cannot create a seeker or employer account, or one with a weak password or a taken email', async () => {
    const before = await countRows(t.db, 'users');
    const seeker = await admin.post('/api/v1/admin/users', {
      email: freshEmail(),
      name: '구직',
      role: 'seeker',
      unitIds: [],
      password: 'staff-pass-2019',
    });
    expect(fieldsOf(seeker)).toEqual([['role', 'invalid_value']]);
    const weak = await admin.post('/api/v1/admin/users', {
      email: freshEmail(),
      name: '약함',
      role: 'planner',
      unitIds: [],
      password: 'abcdefghijk',
    });
    expect(fieldsOf(weak)).toEqual([['password', 'weak_password']]);
    const taken = await admin.post('/api/v1/admin/users', {
      email: 'planner@demo.ilteo.kr',
      name: '중복',
      role: 'planner',
      unitIds: [],
      password: 'staff-pass-2019',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('EMAIL_TAKEN');
    expect(fieldsOf(taken)).toEqual([['email', 'email_taken']]);
    expect(await countRows(t.db, 'users')).toBe(before);
  });

  it('the list finds people by part of their email or name, in any case, and by role', async () => {
    const tag = `findme${++seq}`;
    const a = await createStaff(admin, { email: `${tag}-a@example.kr`, name: 'Alder', role: 'planner' });
    const b = await createStaff(admin, {
      email: `b-${seq}@example.kr`,
      name: `Birch ${tag.toUpperCase()}`,
      role: 'reporter',
      unitIds: [units.department.id],
    });
    const c = await createStaff(admin, {
      email: `${tag}-c@example.kr`,
      name: 'Cedar',
      role: 'counsellor',
      unitIds: [units.jobCentre.id],
    });

    const byText = (await admin.get(`/api/v1/admin/users?q=${tag}`)).json();
    expect(byText.total).toBe(3);
    expect(byText.items.map((u: { id: number }) => u.id).sort()).toEqual([a.id, b.id, c.id].sort());

    const byRole = (await admin.get(`/api/v1/admin/users?q=${tag}&role=counsellor`)).json();
    expect(byRole.items.map((u: { id: number }) => u.id)).toEqual([c.id]);
    expect(byRole.items[0].units).toEqual([{ id: units.jobCentre.id, name: units.jobCentre.name }]);
    expect(byRole.total).toBe(1);

    const everyCounsellor = (await admin.get('/api/v1/admin/users?role=counsellor&pageSize=200')).json();
    expect(everyCounsellor.items.every((u: { role: string }) => u.role === 'counsellor')).toBe(true);
    expect(everyCounsellor.items.map((u: { email: string }) => u.email)).toContain(
      'counsellor@demo.ilteo.kr',
    );

    const korean = (await admin.get(`/api/v1/admin/users?q=${encodeURIComponent('최상담')}`)).json();
    expect(korean.items.map((u: { email: string }) => u.email)).toEqual(['counsellor@demo.ilteo.kr']);
  });

  it('a search for % or _ matches those characters, not everything', async () => {
    for (const wildcard of ['%', '_']) {
      const res = await admin.get(`/api/v1/admin/users?q=${encodeURIComponent(wildcard)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total).toBe(0);
    }
  });

  it('the list sorts by email either way and pages with total, page and pageSize', async () => {
    const tag = `sortme${++seq}`;
    const emails = ['c', 'a', 'd', 'b'].map((letter) => `${tag}-${letter}@example.kr`);
    for (const email of emails) await createStaff(admin, { email });
    const sorted = [...emails].sort();

    const asc = (await admin.get(`/api/v1/admin/users?q=${tag}&sort=email&order=asc`)).json();
    expect(asc.items.map((u: { email: string }) => u.email)).toEqual(sorted);
    const desc = (await admin.get(`/api/v1/admin/users?q=${tag}&sort=email&order=desc`)).json();
    expect(desc.items.map((u: { email: string }) => u.email)).toEqual([...sorted].reverse());

    const page1 = (
      await admin.get(`/api/v1/admin/users?q=${tag}&sort=email&order=asc&page=1&pageSize=3`)
    ).json();
    const page2 = (
      await admin.get(`/api/v1/admin/users?q=${tag}&sort=email&order=asc&page=2&pageSize=3`)
    ).json();
    const page3 = (
      await admin.get(`/api/v1/admin/users?q=${tag}&sort=email&order=asc&page=3&pageSize=3`)
    ).json();
    expect([page1.total, page1.page, page1.pageSize]).toEqual([4, 1, 3]);
    expect([page2.total, page2.page, page2.pageSize]).toEqual([4, 2, 3]);
    expect(page1.items.map((u: { email: string }) => u.email)).toEqual(sorted.slice(0, 3));
    expect(page2.items.map((u: { email: string }) => u.email)).toEqual(sorted.slice(3));
    expect(page3.items).toEqual([]);
    expect(page3.total).toBe(4);
  });

  it('the list refuses a page size over 200 and an unknown sort field', async () => {
    const big = await admin.get('/api/v1/admin/users?pageSize=201');
    expect(big.statusCode).toBe(400);
    expect(fieldsOf(big)).toEqual([['pageSize', 'too_big_number']]);
    const sort = await admin.get('/api/v1/admin/users?sort=password_hash');
    expect(sort.statusCode).toBe(400);
    expect(fieldsOf(sort)[0]?.[0]).toBe('sort');
  });

  it("opening a person's full profile is itself audited", async () => {
    const staff = await createStaff(admin);
    const res = await admin.get(`/api/v1/admin/users/${staff.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: staff.id, email: staff.email });
    expect(res.json()).not.toHaveProperty('passwordHash');
    expect(res.json()).not.toHaveProperty('password_hash');

    const reads = await auditRows(t, 'user.read', staff.id);
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      actor_user_id: adminId,
      entity_type: 'user',
      request_id: res.headers['x-request-id'],
    });
  });

  it('a change of role and status is audited with the account before and after', async () => {
    const staff = await createStaff(admin, { role: 'counsellor', unitIds: [units.dong.id] });
    const res = await admin.patch(`/api/v1/admin/users/${staff.id}`, {
      role: 'reporter',
      unitIds: [units.department.id],
      status: 'disabled',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      role: 'reporter',
      status: 'disabled',
      units: [{ id: units.department.id }],
    });

    const [row] = await auditRows(t, 'user.update', staff.id);
    expect(row!.actor_user_id).toBe(adminId);
    expect(JSON.parse(row!.before_json!)).toMatchObject({
      role: 'counsellor',
      status: 'active',
      unitIds: [units.dong.id],
    });
    expect(JSON.parse(row!.after_json!)).toMatchObject({
      role: 'reporter',
      status: 'disabled',
      unitIds: [units.department.id],
    });
  });

  it('a new role must come with units that fit it', async () => {
    const staff = await createStaff(admin, { role: 'planner' });
    const res = await admin.patch(`/api/v1/admin/users/${staff.id}`, { role: 'reporter' });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual([['unitIds', 'required']]);
    expect((await admin.get(`/api/v1/admin/users/${staff.id}`)).json().role).toBe('planner');
  });

  it('an admin cannot demote or disable themself', async () => {
    const before = await countRows(t.db, 'audit_log');
    const demote = await admin.patch(`/api/v1/admin/users/${adminId}`, { role: 'planner' });
    expect(demote.statusCode).toBe(400);
    expect(fieldsOf(demote)).toEqual([['role', 'invalid_value']]);
    const disable = await admin.patch(`/api/v1/admin/users/${adminId}`, { status: 'disabled' });
    expect(disable.statusCode).toBe(400);
    expect(fieldsOf(disable)).toEqual([['status', 'invalid_value']]);
    expect(await countRows(t.db, 'audit_log')).toBe(before);

    const session = (await admin.get('/api/v1/auth/session')).json().user;
    expect(session.role).toBe('admin');
    expect((await admin.get('/api/v1/admin/users')).statusCode).toBe(200);
  });

  it('disabling someone ends their sessions; enabling them lets them sign in again', async () => {
    const staff = await createStaff(admin);
    const { browser } = await signIn(t, staff.email, staff.password);
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);

    expect((await admin.patch(`/api/v1/admin/users/${staff.id}`, { status: 'disabled' })).statusCode).toBe(
      200,
    );
    expect((await browser.get('/api/v1/me')).statusCode).toBe(401);
    expect(await countRows(t.db, 'sessions')).toBeGreaterThan(0);
    const left = await t.db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', staff.id)
      .execute();
    expect(left).toEqual([]);

    expect((await admin.patch(`/api/v1/admin/users/${staff.id}`, { status: 'active' })).statusCode).toBe(200);
    expect((await signIn(t, staff.email, staff.password)).res.statusCode).toBe(200);
  });

  it('a password reset gives a temporary password that works once the old sessions and password have ended', async () => {
    const staff = await createStaff(admin);
    const { browser: oldBrowser } = await signIn(t, staff.email, staff.password);
    const reset = await admin.post(`/api/v1/admin/users/${staff.id}/reset-password`);
    expect(reset.statusCode, reset.body).toBe(200);
    const temporary = reset.json().temporaryPassword as string;
    expect(temporary).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);

    expect((await oldBrowser.get('/api/v1/me')).statusCode).toBe(401);
    expect((await signIn(t, staff.email, staff.password)).res.statusCode).toBe(401);

    const { browser, res } = await signIn(t, staff.email, temporary);
    expect(res.statusCode).toBe(200);
    expect(res.json().user.mustChangePassword).toBe(true);
    const changed = await browser.post('/api/v1/me/password', {
      currentPassword: temporary,
      newPassword: 'my-own-pass-9',
    });
    expect(changed.json().user.mustChangePassword).toBe(false);

    const [row] = await auditRows(t, 'user.password_reset', staff.id);
    expect(row!.actor_user_id).toBe(adminId);
  });

  it('a reset also unlocks an account locked by failed sign-ins', async () => {
    const staff = await createStaff(admin);
    for (let i = 1; i <= 5; i++) await signIn(t, staff.email, `wrong-guess-${i}`);
    expect((await signIn(t, staff.email, staff.password)).res.statusCode).toBe(423);
    const temporary = (await admin.post(`/api/v1/admin/users/${staff.id}/reset-password`)).json()
      .temporaryPassword;
    expect((await signIn(t, staff.email, temporary)).res.statusCode).toBe(200);
  });

  it('an unknown account id is a 404 problem everywhere', async () => {
    for (const res of [
      await admin.get('/api/v1/admin/users/999999'),
      await admin.patch('/api/v1/admin/users/999999', { name: '없음' }),
      await admin.post('/api/v1/admin/users/999999/reset-password'),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        message: { ko: '찾을 수 없습니다.', en: 'Not found.' },
      });
    }
    expect((await admin.get('/api/v1/admin/users/not-a-number')).statusCode).toBe(400);
  });
});

describe.each(testDatabases())('who may manage accounts on $name', (database) => {
  let t: TestApp;
  let targetId: number;
  beforeAll(async () => {
    t = await createTestApp(database, { LOGIN_RATE_PER_MINUTE: '10000' });
    const admin = await t.signedIn('admin');
    const list = (await admin.get('/api/v1/admin/users?q=reporter%40demo')).json();
    targetId = list.items[0].id;
  });
  afterAll(() => t.close());

  const attempts = (client: TestClient) => [
    () => client.get('/api/v1/admin/users'),
    () =>
      client.post('/api/v1/admin/users', {
        email: freshEmail(),
        name: 'x',
        role: 'planner',
        unitIds: [],
        password: 'staff-pass-2019',
      }),
    () => client.get(`/api/v1/admin/users/${targetId}`),
    () => client.patch(`/api/v1/admin/users/${targetId}`, { status: 'disabled' }),
    () => client.post(`/api/v1/admin/users/${targetId}/reset-password`),
  ];

  it.each(['planner', 'seeker', 'counsellor', 'reporter', 'council', 'employer'])(
    'a %s is forbidden and changes nothing',
    async (role) => {
      const client = await t.signedIn(role);
      const before = await Promise.all([countRows(t.db, 'users'), countRows(t.db, 'audit_log')]);
      for (const attempt of attempts(client)) {
        const res = await attempt();
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
      expect(await Promise.all([countRows(t.db, 'users'), countRows(t.db, 'audit_log')])).toEqual(before);
      expect(
        (
          await t
            .client()
            .post('/api/v1/auth/sign-in', { email: 'reporter@demo.ilteo.kr', password: 'ilteo-demo-2019' })
        ).statusCode,
      ).toBe(200);
    },
  );

  it('someone not signed in is asked to sign in', async () => {
    for (const attempt of attempts(t.client())) {
      const res = await attempt();
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });
});
