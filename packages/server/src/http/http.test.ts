import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDown } from '../db/migrate.js';
import { createTestApp, type TestApp } from '../test/app.js';
import { testDatabases } from '../test/databases.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every route the app serves, as path → methods, read from Fastify's route tree (a child's path
 * continues its parent's; each level is indented by four characters).
 */
function routesOf(app: FastifyInstance): Map<string, Set<string>> {
  const routes = new Map<string, Set<string>>();
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    if (match[3]) {
      const path = stack.join('');
      const methods = routes.get(path) ?? new Set<string>();
      for (const method of match[3].split(', ')) methods.add(method);
      routes.set(path, methods);
    }
  }
  return routes;
}

describe.each(testDatabases())('the HTTP surface on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t.close());

  it('every response carries a request id, whatever its status or type', async () => {
    const client = t.client();
    const responses = await Promise.all([
      client.get('/healthz'),
      client.get('/readyz'),
      client.get('/api/v1/auth/session'),
      client.get('/api/v1/me'),
      client.get('/api/v1/no-such-thing'),
      client.get('/api/openapi.json'),
      client.get('/api/docs'),
      client.post('/api/v1/auth/sign-in', { email: 'not-an-email' }),
    ]);
    const ids = responses.map((r) => r.headers['x-request-id']);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('a problem document names the request id its response carries', async () => {
    const res = await t.client().get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('a short token sent as X-Request-Id is kept, in the header, the problem and the audit log', async () => {
    const incoming = 'lb-7f3a.Trace_42';
    const res = await t.client().get('/api/v1/no-such-thing', { 'x-request-id': incoming });
    expect(res.headers['x-request-id']).toBe(incoming);
    expect(res.json().requestId).toBe(incoming);

    const sixtyFour = 'a'.repeat(64);
    expect((await t.client().get('/healthz', { 'x-request-id': sixtyFour })).headers['x-request-id']).toBe(
      sixtyFour,
    );

    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      headers: { 'x-request-id': 'signin-trace-1', cookie: 'ilteo_csrf=c1', 'x-csrf-token': 'c1' },
      payload: { email: 'planner@demo.ilteo.kr', password: 'ilteo-demo-2019' },
    });
    expect(signIn.statusCode, signIn.body).toBe(200);
    const row = await t.db.kysely
      .selectFrom('audit_log')
      .select('action')
      .where('request_id', '=', 'signin-trace-1')
      .executeTakeFirst();
    expect(row?.action).toBe('auth.sign_in');
  });

  it.each([
    ['too long', 'x'.repeat(65)],
    ['far too long', 'x'.repeat(200)],
    ['with spaces', 'trace id 1'],
    ['with a colon', 'trace:1'],
    ['with punctuation', 'id;drop'],
  ])('an X-Request-Id %s is replaced by a fresh one', async (_, incoming) => {
    const res = await t.client().get('/healthz', { 'x-request-id': incoming });
    expect(res.headers['x-request-id']).toMatch(UUID);
    expect(res.headers['x-request-id']).not.toBe(incoming);
  });

  it('/healthz says the process is alive', async () => {
    const res = await t.client().get('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz says the database is reachable and names it', async () => {
    const res = await t.client().get('/readyz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ready', database: database.name });
  });

  it('the OpenAPI document is 3.1 and lists every /api/v1 route the app serves, with its methods', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as {
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toBeTruthy();

    const served = [...routesOf(t.app)].filter(([path]) => path.startsWith('/api/v1/'));
    // The known foundation routes are among them: the route tree was read correctly.
    const servedPaths = served.map(([path]) => path);
    expect(servedPaths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/session',
        '/api/v1/auth/sign-in',
        '/api/v1/auth/sign-up',
        '/api/v1/auth/sign-out',
        '/api/v1/me',
        '/api/v1/me/password',
        '/api/v1/organisation',
        '/api/v1/admin/users',
        '/api/v1/admin/users/:id',
        '/api/v1/admin/users/:id/reset-password',
        '/api/v1/audit',
      ]),
    );

    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const expected = new Set<string>();
    for (const [path, methods] of served) {
      const openApiPath = path.replace(/:(\w+)/g, '{$1}');
      for (const method of methods) if (method !== 'HEAD') expected.add(`${method} ${openApiPath}`);
    }
    expect([...expected].filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !expected.has(route))).toEqual([]);
  });

  it('every documented operation that takes a body shows its schema, and every one shows a success response', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json();
    const signUp = doc.paths['/api/v1/auth/sign-up'].post;
    expect(signUp.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    for (const [path, operations] of Object.entries(
      doc.paths as Record<string, Record<string, { responses: object }>>,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(
          Object.keys(operation.responses).some((s) => s.startsWith('2')),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
  });

  it('/api/docs serves the browsable documentation page', async () => {
    const res = await t.client().get('/api/docs');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
  });

  it('an unknown /api path is a 404 problem document in both languages', async () => {
    for (const res of [
      await t.client().get('/api/v1/no-such-thing'),
      await t.client().get('/api/nothing/here?x=1'),
      await t.client().post('/api/v1/no-such-thing', {}),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({
        status: 404,
        code: 'NOT_FOUND',
        title: 'Not found.',
        message: { ko: '찾을 수 없습니다.', en: 'Not found.' },
        requestId: res.headers['x-request-id'],
      });
    }
  });

  it('malformed JSON and unknown fields are refused as problems, not crashes', async () => {
    const malformed = await t.client().request('POST', '/api/v1/auth/sign-in', { rawBody: '{"email":' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().code).toBe('BAD_REQUEST');

    const unknown = await t
      .client()
      .post('/api/v1/auth/sign-in', { email: 'a@b.kr', password: 'x', remember: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      expect.objectContaining({ field: 'remember', code: 'unknown_field' }),
    ]);
  });
});

describe.each(testDatabases())('readiness with pending migrations on $name', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t.close());

  it('/readyz answers 503 while a migration is pending, so no traffic is sent to it', async () => {
    await migrateDown(t.db);
    const res = await t.client().get('/readyz');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ detail: 'migrations pending' });
    expect((await t.client().get('/healthz')).statusCode).toBe(200);
  });
});
