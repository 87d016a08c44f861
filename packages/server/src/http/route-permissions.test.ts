import type { Actor } from '@ilteo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { testDatabases } from '../test/databases.js';

/**
 * Who may call each API route. This table is the specification: the test below fails when a route
 * is added without a row here, and when any actor gets through (or is stopped) against it.
 */
const ALL: Actor[] = [
  'public',
  'admin',
  'planner',
  'reporter',
  'counsellor',
  'council',
  'employer',
  'seeker',
];
const SIGNED_IN: Actor[] = ['admin', 'planner', 'reporter', 'counsellor', 'council', 'employer', 'seeker'];

const PLANNERS: Actor[] = ['admin', 'planner'];
const PLAN_READERS: Actor[] = ['admin', 'planner', 'reporter', 'council'];
const REPORTERS: Actor[] = ['admin', 'planner', 'reporter'];
/** Company profiles and vacancies (#4): staff, and an employer for its own company (policy: 404 else). */
const COMPANY_READERS: Actor[] = ['admin', 'planner', 'counsellor', 'employer'];
/** Post and edit: managing staff and employers; the policy refuses the rest after the body is checked. */
const COMPANY_EDITORS: Actor[] = ['admin', 'counsellor', 'employer'];

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
  'GET /api/v1/plans': PLAN_READERS,
  'POST /api/v1/plans': PLANNERS,
  'GET /api/v1/plans/:id': PLAN_READERS,
  'PATCH /api/v1/plans/:id': PLANNERS,
  'POST /api/v1/plans/:id/publish': PLANNERS,
  'POST /api/v1/plans/:id/unpublish': PLANNERS,
  'POST /api/v1/plans/:id/copy': PLANNERS,
  'GET /api/v1/plans/:id/dashboard': PLAN_READERS,
  'POST /api/v1/plans/:id/strategies': PLANNERS,
  'POST /api/v1/plans/:id/strategies/order': PLANNERS,
  'PATCH /api/v1/strategies/:id': PLANNERS,
  'DELETE /api/v1/strategies/:id': PLANNERS,
  'POST /api/v1/strategies/:id/programs': PLANNERS,
  'POST /api/v1/strategies/:id/programs/order': PLANNERS,
  'GET /api/v1/programs/:id': PLAN_READERS,
  'PATCH /api/v1/programs/:id': PLANNERS,
  'DELETE /api/v1/programs/:id': PLANNERS,
  'GET /api/v1/programs/:id/results': PLAN_READERS,
  'PUT /api/v1/programs/:id/results/:month': REPORTERS,
  'POST /api/v1/programs/:id/results/:month/submit': REPORTERS,
  'POST /api/v1/programs/:id/results/:month/approve': PLANNERS,
  'POST /api/v1/programs/:id/results/:month/return': PLANNERS,
  'GET /api/v1/plans/:id/opinions': PLAN_READERS,
  'POST /api/v1/plans/:id/opinions': ALL,
  'POST /api/v1/opinions/:id/answer': PLANNERS,
  'POST /api/v1/opinions/:id/moderation': PLANNERS,
  'GET /api/v1/public/plans': ALL,
  'GET /api/v1/public/plans/:id': ALL,
  'GET /api/v1/public/rollup': ALL,
  'GET /api/v1/public/plans/:id/opinions': ALL,
  'POST /api/v1/public/plans/:id/opinions': ALL,
  'GET /api/v1/plans/:id/export.xlsx': PLAN_READERS,
  'GET /api/v1/plans/:id/export.pdf': PLAN_READERS,
  'GET /api/v1/plans/:id/export.csv': PLAN_READERS,
  'POST /api/v1/plans/import': PLANNERS,
  'POST /api/v1/plans/:id/import': PLANNERS,
  'GET /api/v1/public/plans/:id/report.xlsx': ALL,
  'GET /api/v1/public/plans/:id/report.pdf': ALL,
  'GET /api/v1/public/plans/:id/report.csv': ALL,
  'POST /api/v1/programs/:id/results/:month/evidence': REPORTERS,
  'GET /api/v1/evidence/:id': PLAN_READERS,
  'DELETE /api/v1/evidence/:id': REPORTERS,
  'GET /api/v1/taxonomy/occupations': ALL,
  'GET /api/v1/taxonomy/occupations/:scheme/:code': ALL,
  'GET /api/v1/taxonomy/skills': ALL,
  'GET /api/v1/taxonomy/skills/:scheme/:code': ALL,
  'GET /api/v1/taxonomy/certificates': ALL,
  'GET /api/v1/taxonomy/certificates/:scheme/:code': ALL,
  'GET /api/v1/taxonomy/schemes': ALL,
  'GET /api/v1/regions': ALL,
  // Seekers and privacy (#4): a seeker's own profile; staff desk intake and audited reads; admins' privacy jobs.
  'GET /api/v1/me/seeker': ['seeker'],
  'POST /api/v1/me/seeker': ['seeker'],
  'PATCH /api/v1/me/seeker': ['seeker'],
  'POST /api/v1/me/seeker/consents': ['seeker'],
  'GET /api/v1/me/seeker/export': ['seeker'],
  'POST /api/v1/me/delete-account': ['seeker'],
  'POST /api/v1/seekers': ['admin', 'counsellor'],
  'GET /api/v1/seekers/:id': ['admin', 'counsellor'],
  'PATCH /api/v1/seekers/:id': ['admin', 'counsellor'],
  'POST /api/v1/seekers/:id/consents': ['admin', 'counsellor'],
  'GET /api/v1/privacy/settings': ['admin'],
  'PUT /api/v1/privacy/settings': ['admin'],
  'POST /api/v1/privacy/retention/run': ['admin'],
  // An employer account uses its own company's page, not the staff list (403 by policy).
  'GET /api/v1/employers': ['admin', 'planner', 'counsellor'],
  'POST /api/v1/employers': COMPANY_EDITORS,
  'GET /api/v1/employers/:id': COMPANY_READERS,
  'PATCH /api/v1/employers/:id': COMPANY_EDITORS,
  'POST /api/v1/employers/:id/verify': COMPANY_EDITORS,
  'GET /api/v1/employers/:id/vacancies': COMPANY_READERS,
  'POST /api/v1/vacancies': COMPANY_EDITORS,
  'POST /api/v1/vacancies/validate': COMPANY_EDITORS,
  'GET /api/v1/vacancies/:id': ALL,
  'PATCH /api/v1/vacancies/:id': COMPANY_EDITORS,
  'POST /api/v1/vacancies/:id/status': COMPANY_EDITORS,
  'GET /api/v1/minimum-wages': ALL,
  'POST /api/v1/minimum-wages': ['admin'],
  // Imports and exports (#4, imports): the registry's staff.
  'POST /api/v1/imports/:kind': ['admin', 'counsellor'],
  'GET /api/v1/imports': ['admin', 'counsellor'],
  'GET /api/v1/exports/seekers.xlsx': ['admin', 'counsellor'],
  'GET /api/v1/exports/seekers.csv': ['admin', 'counsellor'],
  'GET /api/v1/exports/employers.xlsx': ['admin', 'counsellor'],
  'GET /api/v1/exports/employers.csv': ['admin', 'counsellor'],
  'GET /api/v1/exports/vacancies.xlsx': ['admin', 'counsellor'],
  'GET /api/v1/exports/vacancies.csv': ['admin', 'counsellor'],
  // Search (#4, search): the public vacancy search; desk staff's masked seeker list.
  'GET /api/v1/vacancies': ALL,
  'GET /api/v1/seekers': ['admin', 'counsellor'],
  // Mismatch analytics (#5): aggregates for the plan's and the desks' staff and the council.
  'GET /api/v1/analytics/mismatch': ['admin', 'planner', 'counsellor', 'council'],
  'GET /api/v1/analytics/mismatch.xlsx': ['admin', 'planner', 'counsellor', 'council'],
  'GET /api/v1/analytics/dongs.geojson': ['admin', 'planner', 'counsellor', 'council'],
  // Matching (#5): a seeker their own, an employer its vacancies' candidates, desk staff both (policy).
  'GET /api/v1/seekers/:id/recommendations': ['admin', 'counsellor', 'seeker'],
  'GET /api/v1/vacancies/:id/candidates': ['admin', 'counsellor', 'employer'],
  'POST /api/v1/matching/feedback': ['admin', 'counsellor', 'employer', 'seeker'],
  'GET /api/v1/matching/weights': ['admin', 'counsellor'],
  'PUT /api/v1/matching/weights': ['admin'],
  'POST /api/v1/matching/evaluate': ['admin'],
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
    const clients = new Map<Actor, TestClient>();
    const clientFor = async (actor: Actor) => {
      if (!clients.has(actor)) clients.set(actor, actor === 'public' ? t.client() : await t.signedIn(actor));
      return clients.get(actor)!;
    };
    for (const [route, allowed] of Object.entries(EXPECTED)) {
      const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', string];
      for (const actor of ALL) {
        const client = await clientFor(actor);
        const res = await client.request(
          method,
          path.replace(':id', String(target.id)).replace(':month', '1'),
          method === 'GET' ? {} : { body: {} },
        );
        // Signing out ends the session: the next route gets a freshly signed-in client.
        if (route.endsWith('/sign-out')) clients.delete(actor);
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
