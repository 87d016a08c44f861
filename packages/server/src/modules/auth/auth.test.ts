import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, countRows, type TestApp } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

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
    expect(me.json().consents.map((c: { purpose: string }) => c.purpose)).toEqual(['terms', 'privacy.required']);

    expect((await browser.post('/api/v1/auth/sign-out')).statusCode).toBe(200);
    expect((await browser.get('/api/v1/auth/session')).json().user).toBeNull();
    expect((await browser.get('/api/v1/me')).statusCode).toBe(401);

    const signIn = await browser.post('/api/v1/auth/sign-in', { email: 'new.seeker@example.kr', password: 'correct-horse-7' });
    expect(signIn.statusCode).toBe(200);
    expect((await browser.get('/api/v1/auth/session')).json().user.email).toBe('new.seeker@example.kr');
  });

  it('a request without the CSRF token is refused and writes nothing', async () => {
    const before = await countRows(t.db, 'users');
    const res = await t.client().request('POST', '/api/v1/auth/sign-up', {
      csrf: false,
      body: { accountType: 'seeker', email: 'csrf@example.kr', password: 'correct-horse-7', name: 'x', agreeTerms: true, agreePrivacy: true },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF');
    expect(await countRows(t.db, 'users')).toBe(before);
  });
});
