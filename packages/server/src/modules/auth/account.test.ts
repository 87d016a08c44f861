import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

let seq = 0;
/** An email no other test uses. */
const freshEmail = () => `account-${++seq}@example.kr`;

/** A seeker who signed up through the API; `browser` holds their session. */
async function signedUpSeeker(t: TestApp) {
  const email = freshEmail();
  const password = 'original-pass-1';
  const browser = t.client();
  const res = await browser.post('/api/v1/auth/sign-up', {
    accountType: 'seeker',
    email,
    password,
    name: '계정주인',
    agreeTerms: true,
    agreePrivacy: true,
    locale: 'ko',
  });
  expect(res.statusCode, res.body).toBe(201);
  return { browser, email, password, userId: res.json().user.id as number };
}

/** Another browser of the same person, signed in separately. */
async function anotherBrowser(t: TestApp, email: string, password: string) {
  const browser = t.client();
  const res = await browser.post('/api/v1/auth/sign-in', { email, password });
  expect(res.statusCode, res.body).toBe(200);
  return browser;
}

function auditRows(t: TestApp, action: string, entityId: number) {
  return t.db.kysely
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('entity_id', '=', String(entityId))
    .execute();
}

describe.each(testDatabases())('a person managing their own account on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { LOGIN_RATE_PER_MINUTE: '10000' });
  });
  afterAll(() => t.close());

  it('changing the password needs the current one, and a wrong one changes nothing', async () => {
    const me = await signedUpSeeker(t);
    const res = await me.browser.post('/api/v1/me/password', {
      currentPassword: 'not-my-password-1',
      newPassword: 'brand-new-pass-2',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'WRONG_PASSWORD',
      message: { ko: '현재 비밀번호가 올바르지 않습니다.', en: 'The current password is incorrect.' },
    });
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'currentPassword', code: 'wrong_password' }),
    ]);

    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email: me.email, password: me.password })).statusCode,
    ).toBe(200);
    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email: me.email, password: 'brand-new-pass-2' }))
        .statusCode,
    ).toBe(401);
    expect(await auditRows(t, 'user.password_changed', me.userId)).toHaveLength(0);
  });

  it('a new password must follow the rule: ten characters with letters and digits', async () => {
    const me = await signedUpSeeker(t);
    for (const weak of ['abcdefghijk', '1234567890', 'short1']) {
      const res = await me.browser.post('/api/v1/me/password', {
        currentPassword: me.password,
        newPassword: weak,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION');
      expect(res.json().errors[0].field).toBe('newPassword');
    }
    const lettersOnly = await me.browser.post('/api/v1/me/password', {
      currentPassword: me.password,
      newPassword: 'abcdefghijk',
    });
    expect(lettersOnly.json().errors).toEqual([
      {
        field: 'newPassword',
        code: 'weak_password',
        message: {
          ko: '비밀번호는 10자 이상이며 영문자와 숫자를 모두 포함해야 합니다.',
          en: 'Passwords need at least 10 characters, with letters and digits.',
        },
      },
    ]);
    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email: me.email, password: me.password })).statusCode,
    ).toBe(200);
  });

  it("after a password change the person's other browsers are signed out but this one carries on", async () => {
    const me = await signedUpSeeker(t);
    const laptop = await anotherBrowser(t, me.email, me.password);
    const phone = await anotherBrowser(t, me.email, me.password);

    const res = await me.browser.post('/api/v1/me/password', {
      currentPassword: me.password,
      newPassword: 'brand-new-pass-2',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ id: me.userId, mustChangePassword: false });

    expect((await me.browser.get('/api/v1/me')).statusCode).toBe(200);
    expect((await laptop.get('/api/v1/me')).statusCode).toBe(401);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    const sessions = await t.db.kysely
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', me.userId)
      .execute();
    expect(sessions).toHaveLength(1);

    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email: me.email, password: me.password })).statusCode,
    ).toBe(401);
    expect(
      (await t.client().post('/api/v1/auth/sign-in', { email: me.email, password: 'brand-new-pass-2' }))
        .statusCode,
    ).toBe(200);
    const [changed] = await auditRows(t, 'user.password_changed', me.userId);
    expect(changed).toMatchObject({ actor_user_id: me.userId, before_json: null, after_json: null });
  });

  it('a person changes their name and language, and the change is audited with before and after', async () => {
    const me = await signedUpSeeker(t);
    const res = await me.browser.patch('/api/v1/me', { name: '  새 이름 ', locale: 'en' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().user).toMatchObject({ name: '새 이름', locale: 'en' });
    expect((await me.browser.get('/api/v1/me')).json().user).toMatchObject({ name: '새 이름', locale: 'en' });

    const rows = await auditRows(t, 'user.update_self', me.userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_user_id).toBe(me.userId);
    expect(JSON.parse(rows[0]!.before_json!)).toEqual({ name: '계정주인', locale: 'ko' });
    expect(JSON.parse(rows[0]!.after_json!)).toEqual({ name: '새 이름', locale: 'en' });
  });

  it('changing only the language keeps the name', async () => {
    const me = await signedUpSeeker(t);
    const res = await me.browser.patch('/api/v1/me', { locale: 'en' });
    expect(res.json().user).toMatchObject({ name: '계정주인', locale: 'en' });
    const [row] = await auditRows(t, 'user.update_self', me.userId);
    expect(JSON.parse(row!.after_json!)).toEqual({ name: '계정주인', locale: 'en' });
  });

  it('a person cannot change their role or email through their own account, and nothing is written', async () => {
    const me = await signedUpSeeker(t);
    const before = await countRows(t.db, 'audit_log');
    const res = await me.browser.patch('/api/v1/me', { role: 'admin', email: 'boss@example.kr' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['role', 'unknown_field'],
      ['email', 'unknown_field'],
    ]);
    expect((await me.browser.get('/api/v1/me')).json().user).toMatchObject({
      role: 'seeker',
      email: me.email,
    });
    expect(await countRows(t.db, 'audit_log')).toBe(before);
  });

  it('someone not signed in cannot read or change an account', async () => {
    const stranger = t.client();
    for (const res of [
      await stranger.get('/api/v1/me'),
      await stranger.patch('/api/v1/me', { name: '누구' }),
      await stranger.post('/api/v1/me/password', { currentPassword: 'x', newPassword: 'brand-new-pass-2' }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });
});
