import { maskEmail } from '@ilteo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, DEMO_PASSWORD, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

let seq = 0;
/** An email no other test uses, so tests never trip over each other's accounts. */
const freshEmail = (label: string) => `${label}-${++seq}@example.kr`;

/** A valid sign-up form; tests override what they are about. */
function signUpForm(overrides: Record<string, unknown> = {}) {
  return {
    accountType: 'seeker',
    email: freshEmail('seeker'),
    password: 'correct-horse-7',
    name: '새구직',
    agreeTerms: true,
    agreePrivacy: true,
    locale: 'ko',
    ...overrides,
  } as { email: string; password: string } & Record<string, unknown>;
}

/** A person who signed up through the API, with their (signed-in) browser. */
async function signedUpSeeker(t: TestApp, overrides: Record<string, unknown> = {}) {
  const form = signUpForm(overrides);
  const browser = t.client();
  const res = await browser.post('/api/v1/auth/sign-up', form);
  expect(res.statusCode, res.body).toBe(201);
  return { browser, email: form.email, password: form.password, userId: res.json().user.id as number };
}

function signIn(browser: TestClient, email: string, password: string) {
  return browser.post('/api/v1/auth/sign-in', { email, password });
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

describe.each(testDatabases())('sign-up, sign-in and sign-out on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t.close());

  it('a seeker signs up with consents recorded, signs out, and signs in again', async () => {
    const browser = t.client();
    const signUp = await browser.post('/api/v1/auth/sign-up', {
      accountType: 'seeker',
      email: 'New.Seeker@example.kr',
      password: 'correct-horse-7',
      name: '새구직',
      agreeTerms: true,
      agreePrivacy: true,
      locale: 'ko',
    });
    expect(signUp.statusCode).toBe(201);
    expect(signUp.json().user).toMatchObject({ email: 'new.seeker@example.kr', role: 'seeker' });

    const me = await browser.get('/api/v1/me');
    expect(me.json().consents.map((c: { purpose: string }) => c.purpose)).toEqual([
      'terms',
      'privacy.required',
    ]);

    expect((await browser.post('/api/v1/auth/sign-out')).statusCode).toBe(200);
    expect((await browser.get('/api/v1/auth/session')).json().user).toBeNull();
    expect((await browser.get('/api/v1/me')).statusCode).toBe(401);

    const signIn = await browser.post('/api/v1/auth/sign-in', {
      email: 'new.seeker@example.kr',
      password: 'correct-horse-7',
    });
    expect(signIn.statusCode).toBe(200);
    expect((await browser.get('/api/v1/auth/session')).json().user.email).toBe('new.seeker@example.kr');
  });

  it('a request without the CSRF token is refused and writes nothing', async () => {
    const before = await countRows(t.db, 'users');
    const res = await t.client().request('POST', '/api/v1/auth/sign-up', {
      csrf: false,
      body: {
        accountType: 'seeker',
        email: 'csrf@example.kr',
        password: 'correct-horse-7',
        name: 'x',
        agreeTerms: true,
        agreePrivacy: true,
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    expect(await countRows(t.db, 'users')).toBe(before);
  });
});

describe.each(testDatabases())('signing in on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    // These tests sign in often; the per-address limit has its own suite below.
    t = await createTestApp(database, { LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  it('a wrong password is refused in Korean and English without saying which part was wrong', async () => {
    const seeker = await signedUpSeeker(t);
    const res = await signIn(t.client(), seeker.email, 'not-the-password-1');
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      status: 401,
      code: 'INVALID_CREDENTIALS',
      message: { ko: '이메일 또는 비밀번호가 올바르지 않습니다.', en: 'The email or password is incorrect.' },
    });
    expect(res.cookies.find((c) => c.name === 'ilteo_session')).toBeUndefined();
  });

  it('an unknown email gets exactly the answer a wrong password gets', async () => {
    const seeker = await signedUpSeeker(t);
    const wrongPassword = await signIn(t.client(), seeker.email, 'not-the-password-1');
    const unknownEmail = await signIn(t.client(), freshEmail('nobody'), 'not-the-password-1');
    const { requestId: _a, ...wrong } = wrongPassword.json();
    const { requestId: _b, ...unknown } = unknownEmail.json();
    expect(unknownEmail.statusCode).toBe(wrongPassword.statusCode);
    expect(unknown).toEqual(wrong);
  });

  it('the email is matched whatever its case and surrounding spaces', async () => {
    const seeker = await signedUpSeeker(t);
    const res = await signIn(t.client(), `  ${seeker.email.toUpperCase()} `, seeker.password);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user.id).toBe(seeker.userId);
  });

  it('after five wrong passwords the account is locked for the set minutes, even against the right password', async () => {
    const seeker = await signedUpSeeker(t);
    const attacker = t.client();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await signIn(attacker, seeker.email, `guess-number-${attempt}`)).json().code).toBe(
        'INVALID_CREDENTIALS',
      );
    }
    const fifth = await signIn(attacker, seeker.email, 'guess-number-5');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().code).toBe('ACCOUNT_LOCKED');
    expect(fifth.json().message.ko).toContain('15분 후');
    expect(fifth.json().message.en).toContain('in 15 minutes');

    const owner = await signIn(t.client(), seeker.email, seeker.password);
    expect(owner.statusCode).toBe(423);
    expect(owner.json().code).toBe('ACCOUNT_LOCKED');
    expect(owner.json().message.ko).toMatch(/1[45]분 후/);
    expect(owner.json().message.en).toMatch(/in 1[45] minutes/);
    expect(owner.json().message.en).not.toContain('{minutes}');
    expect(owner.cookies.find((c) => c.name === 'ilteo_session')).toBeUndefined();

    const locks = await auditRows(t, 'auth.locked', seeker.userId);
    expect(locks).toHaveLength(1);
    expect(locks[0]!.actor_user_id).toBe(seeker.userId);
    expect(await auditRows(t, 'auth.sign_in_failed', seeker.userId)).toHaveLength(4);
  });

  it('a lock lifts once its time has passed, and the count of failures starts again', async () => {
    const seeker = await signedUpSeeker(t);
    for (let attempt = 1; attempt <= 5; attempt++)
      await signIn(t.client(), seeker.email, `guess-number-${attempt}`);
    expect((await signIn(t.client(), seeker.email, seeker.password)).statusCode).toBe(423);

    // Time passing, written where the server keeps it.
    await t.db.kysely
      .updateTable('users')
      .set({ locked_until: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', seeker.userId)
      .execute();
    expect((await signIn(t.client(), seeker.email, seeker.password)).statusCode).toBe(200);
    expect((await signIn(t.client(), seeker.email, 'guess-again-1')).json().code).toBe('INVALID_CREDENTIALS');
  });

  it('a disabled user cannot sign in, and the session they had stops working', async () => {
    const seeker = await signedUpSeeker(t);
    expect((await seeker.browser.get('/api/v1/me')).statusCode).toBe(200);

    const admin = await t.signedIn('admin');
    const disable = await admin.patch(`/api/v1/admin/users/${seeker.userId}`, { status: 'disabled' });
    expect(disable.statusCode, disable.body).toBe(200);

    expect((await seeker.browser.get('/api/v1/me')).statusCode).toBe(401);
    expect((await seeker.browser.get('/api/v1/auth/session')).json().user).toBeNull();
    const again = await signIn(t.client(), seeker.email, seeker.password);
    expect(again.statusCode).toBe(403);
    expect(again.json().code).toBe('ACCOUNT_DISABLED');
    expect(again.cookies.find((c) => c.name === 'ilteo_session')).toBeUndefined();
  });

  it('the session cookie is HttpOnly and SameSite=Lax; the CSRF cookie is readable by the page', async () => {
    const seeker = await signedUpSeeker(t);
    const res = await signIn(t.client(), seeker.email, seeker.password);
    const session = res.cookies.find((c) => c.name === 'ilteo_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 3600 });
    const header = [res.headers['set-cookie']].flat().find((h) => h?.startsWith('ilteo_session='));
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    const csrf = res.cookies.find((c) => c.name === 'ilteo_csrf');
    expect(csrf?.httpOnly).toBeFalsy();
  });

  it('signing in issues a new CSRF token, and the old one no longer passes', async () => {
    const seeker = await signedUpSeeker(t);
    const browser = t.client();
    const before = (await browser.get('/api/v1/auth/session')).json().csrfToken as string;
    expect(browser.cookies.get('ilteo_csrf')).toBe(before);

    expect((await signIn(browser, seeker.email, seeker.password)).statusCode).toBe(200);
    const after = browser.cookies.get('ilteo_csrf');
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
    expect((await browser.get('/api/v1/auth/session')).json().csrfToken).toBe(after);

    const stale = await browser.request('PATCH', '/api/v1/me', {
      csrf: false,
      body: { name: '바뀜' },
      headers: { 'x-csrf-token': before },
    });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('CSRF');
  });

  it('a session cookie copied before sign-out is useless afterwards', async () => {
    const seeker = await signedUpSeeker(t);
    const token = seeker.browser.cookies.get('ilteo_session')!;
    expect((await seeker.browser.post('/api/v1/auth/sign-out')).statusCode).toBe(200);

    const thief = t.client();
    thief.cookies.set('ilteo_session', token);
    expect((await thief.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('sign-up and sign-in are audited, with the consents given and the request that did it', async () => {
    const form = signUpForm();
    const browser = t.client();
    const signUp = await browser.post('/api/v1/auth/sign-up', form);
    const userId = signUp.json().user.id as number;

    const [signUpRow] = await auditRows(t, 'auth.sign_up', userId);
    expect(signUpRow).toMatchObject({ actor_user_id: userId, actor_role: 'seeker', entity_type: 'user' });
    expect(signUpRow!.request_id).toBe(signUp.headers['x-request-id']);
    const after = JSON.parse(signUpRow!.after_json!);
    expect(after).toMatchObject({ email: maskEmail(form.email), role: 'seeker' });
    expect(signUpRow!.after_json).not.toContain(form.email);
    expect(signUpRow!.after_json).not.toContain(form.name);
    expect(after.consents).toEqual([
      expect.stringMatching(/^terms@/),
      expect.stringMatching(/^privacy\.required@/),
    ]);

    await browser.post('/api/v1/auth/sign-out');
    const signInRes = await signIn(browser, form.email, form.password);
    const signInRows = await auditRows(t, 'auth.sign_in', userId);
    expect(signInRows).toHaveLength(1);
    expect(signInRows[0]).toMatchObject({ actor_user_id: userId, actor_role: 'seeker' });
    expect(signInRows[0]!.request_id).toBe(signInRes.headers['x-request-id']);
  });

  it('no password, temporary password or password hash ever reaches the audit log', async () => {
    const passwords = ['first-secret-42', 'wrong-secret-43', 'second-secret-44', 'staff-secret-45'];
    const seeker = await signedUpSeeker(t, { password: passwords[0] });
    await signIn(t.client(), seeker.email, passwords[1]!);
    await seeker.browser.post('/api/v1/me/password', {
      currentPassword: passwords[0],
      newPassword: passwords[2],
    });

    const admin = await t.signedIn('admin');
    const staff = await admin.post('/api/v1/admin/users', {
      email: freshEmail('planner'),
      name: '계획',
      role: 'planner',
      unitIds: [],
      password: passwords[3],
    });
    expect(staff.statusCode, staff.body).toBe(201);
    const reset = await admin.post(`/api/v1/admin/users/${staff.json().id}/reset-password`);
    passwords.push(reset.json().temporaryPassword);

    const hashes = await t.db.kysely.selectFrom('users').select('password_hash').execute();
    const rows = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'before_json', 'after_json'])
      .execute();
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'auth.sign_up',
        'auth.sign_in_failed',
        'user.password_changed',
        'user.create',
        'user.password_reset',
      ]),
    );
    for (const row of rows) {
      const text = `${row.before_json ?? ''} ${row.after_json ?? ''}`;
      expect(text).not.toMatch(/password|\$argon2/i);
      for (const secret of [...passwords, ...hashes.map((h) => h.password_hash)])
        expect(text).not.toContain(secret);
    }
  });
});

describe.each(testDatabases())('signing up on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  const tables = ['users', 'consents', 'employers', 'sessions', 'audit_log'] as const;
  const counts = () => Promise.all(tables.map((table) => countRows(t.db, table)));

  it('an email already registered is refused on the email field, in any case, and nothing is written', async () => {
    const seeker = await signedUpSeeker(t);
    const before = await counts();
    const res = await t
      .client()
      .post('/api/v1/auth/sign-up', signUpForm({ email: seeker.email.toUpperCase() }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('EMAIL_TAKEN');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'email', code: 'email_taken' })]);
    expect(res.json().errors[0].message.ko).toBeTruthy();
    expect(res.cookies.find((c) => c.name === 'ilteo_session')).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it('an employer must name their company, and nothing is written until they do', async () => {
    const before = await counts();
    const res = await t.client().post('/api/v1/auth/sign-up', signUpForm({ accountType: 'employer' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION');
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'companyName', code: 'required' })]);
    expect(await counts()).toEqual(before);
  });

  it('an employer who signs up gets their company created and is linked to it', async () => {
    const employersBefore = await countRows(t.db, 'employers');
    const browser = t.client();
    const res = await browser.post(
      '/api/v1/auth/sign-up',
      signUpForm({
        accountType: 'employer',
        email: freshEmail('employer'),
        companyName: '  부평테스트 주식회사 ',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const user = res.json().user;
    expect(user.role).toBe('employer');
    expect(user.employerId).toEqual(expect.any(Number));
    expect(await countRows(t.db, 'employers')).toBe(employersBefore + 1);

    const employer = await t.db.kysely
      .selectFrom('employers')
      .selectAll()
      .where('id', '=', user.employerId)
      .executeTakeFirstOrThrow();
    expect(employer).toMatchObject({
      name: '부평테스트 주식회사',
      organisation_id: user.organisation.id,
      is_demo: 0,
    });
    expect((await browser.get('/api/v1/me')).json().user.employerId).toBe(user.employerId);
  });

  it('sign-up without agreeing to the terms and privacy notice is refused on both fields', async () => {
    const before = await counts();
    const res = await t
      .client()
      .post('/api/v1/auth/sign-up', signUpForm({ agreeTerms: false, agreePrivacy: false }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['agreeTerms', 'must_accept'],
      ['agreePrivacy', 'must_accept'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('five people signing up with one email at the same moment get one account between them', async () => {
    const email = freshEmail('race');
    const employersBefore = await countRows(t.db, 'employers');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        t
          .client()
          .post(
            '/api/v1/auth/sign-up',
            signUpForm({ accountType: 'employer', email, companyName: `경쟁 ${i}` }),
          ),
      ),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.statusCode === 409)) expect(r.json().code).toBe('EMAIL_TAKEN');

    const users = await t.db.kysely.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(users).toHaveLength(1);
    // The losers' companies were rolled back with their accounts.
    expect(await countRows(t.db, 'employers')).toBe(employersBefore + 1);
  });
});

describe.each(testDatabases())('the sign-in rate limit on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { LOGIN_RATE_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('an address that tries too often is told to wait, even with the right password, while others go on', async () => {
    const attacker = t.client();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await signIn(attacker, 'planner@demo.ilteo.kr', `guess-${attempt}-x`)).statusCode).toBe(401);
    }
    const limited = await signIn(attacker, 'planner@demo.ilteo.kr', DEMO_PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: { ko: expect.stringContaining('잠시 후'), en: expect.stringContaining('try again') },
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.cookies.find((c) => c.name === 'ilteo_session')).toBeUndefined();

    const elsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '203.0.113.9',
      headers: { cookie: 'ilteo_csrf=token-1', 'x-csrf-token': 'token-1' },
      payload: { email: 'planner@demo.ilteo.kr', password: DEMO_PASSWORD },
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
  });
});

describe.each(testDatabases())('cookies behind HTTPS on $name', (database) => {
  let plain: TestApp;
  let secure: TestApp;
  beforeAll(async () => {
    plain = await createTestApp(database);
    secure = await createTestApp(database, { COOKIE_SECURE: 'on' });
  });
  afterAll(async () => {
    await plain.close();
    await secure.close();
  });

  it('with COOKIE_SECURE on the session and CSRF cookies are Secure; a server without it is not affected', async () => {
    const credentials = { email: 'planner@demo.ilteo.kr', password: DEMO_PASSWORD };
    const overHttps = await secure.client().post('/api/v1/auth/sign-in', credentials);
    expect(overHttps.cookies.find((c) => c.name === 'ilteo_session')?.secure).toBe(true);
    expect(overHttps.cookies.find((c) => c.name === 'ilteo_csrf')?.secure).toBe(true);

    const overHttp = await plain.client().post('/api/v1/auth/sign-in', credentials);
    expect(overHttp.cookies.find((c) => c.name === 'ilteo_session')?.secure).toBeFalsy();
    expect(overHttp.cookies.find((c) => c.name === 'ilteo_csrf')?.secure).toBeFalsy();
  });
});
