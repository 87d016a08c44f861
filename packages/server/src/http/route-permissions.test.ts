import type { Actor } from '@ilteo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.js';
import { testDatabases } from '../test/databases.js';

/**
 * Who may call each API route. This table is the specification: the test below fails when a route
 * is added without a row here, and when any actor gets through (or is stopped) against it.
 */
const ALL: Actor[] = ['public', 'admin', 'planner', 'reporter', 'counsellor', 'council', 'employer', 'seeker'];
const SIGNED_IN: Actor[] = ['admin', 'planner', 'reporter', 'counsellor', 'council', 'employer', 'seeker'];

const EXPECTED: Record<string, Actor[]> = {
  'GET /api/v1/auth/session': ALL,
  'POST /api/v1/auth/sign-in': ALL,
  'POST /api/v1/auth/sign-up': ALL,
  'POST /api/v1/auth/sign-out': ALL,
  'GET /api/v1/organisation': ALL,
  'GET /api/v1/me': SIGNED_IN,
  'PATCH /api/v1/me': SIGNED_IN,
  'POST /api/v1/me/password': SIGNED_IN,
  'GET /api/v1/admin/users': ['admin'],
  'POST /api/v1/admin/users': ['admin'],
  'GET /api/v1/admin/users/:id': ['admin'],
  'PATCH /api/v1/admin/users/:id': ['admin'],
  'POST /api/v1/admin/users/:id/reset-password': ['admin'],
  'GET /api/v1/audit': ['admin'],
};

describe.each(testDatabases())('role × route table on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t.close());

  it('every API route has a row in the table, and every row is a route', () => {
    const actual = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(actual).toEqual(Object.keys(EXPECTED).sort());
  });

  it('each actor is let through exactly where the table says', async () => {
    // A throwaway target for routes that address a user, so no actor's own session is disturbed.
    const admin = await t.signedIn('admin');
    const created = await admin.post('/api/v1/admin/users', {
      email: 'target@example.kr',
      name: '대상',
      role: 'planner',
      password: 'target-pass-1',
    });
    const target = created.json() as { id: number };
    const mismatches: string[] = [];
    for (const [route, allowed] of Object.entries(EXPECTED)) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH', string];
      for (const actor of ALL) {
        const client = actor === 'public' ? t.client() : await t.signedIn(actor);
        const res = await client.request(method, path.replace(':id', String(target.id)), method === 'GET' ? {} : { body: {} });
        const deniedAs = actor === 'public' ? 401 : 403;
        const let_through = res.statusCode !== 401 && res.statusCode !== 403;
        if (allowed.includes(actor) !== let_through || (!let_through && res.statusCode !== deniedAs)) {
          mismatches.push(`${route} as ${actor}: ${res.statusCode} ${res.json().code ?? ''}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
