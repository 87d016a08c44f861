import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp, type TestClient } from '../test/app.js';
import { testDatabases } from '../test/databases.js';

/** A valid body per mutating route; each case below breaks one thing about it. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/v1/auth/sign-in': { email: 'admin@demo.ilteo.kr', password: 'ilteo-demo-2019' },
  'POST /api/v1/auth/sign-up': {
    accountType: 'employer',
    email: 'valid@example.kr',
    password: 'valid-pass-12',
    name: '홍길동',
    companyName: '부평상사',
    agreeTerms: true,
    agreePrivacy: true,
  },
  'PATCH /api/v1/me': { name: '새이름', locale: 'en' },
  'POST /api/v1/me/password': { currentPassword: 'ilteo-demo-2019', newPassword: 'another-pass-9' },
  'POST /api/v1/admin/users': {
    email: 'staff@example.kr',
    name: '직원',
    role: 'planner',
    password: 'staff-pass-12',
  },
  'PATCH /api/v1/admin/users/:id': { name: '이름', role: 'planner', unitIds: [], status: 'active' },
};

const BAD_QUERIES: Record<string, string[]> = {
  '/api/v1/admin/users': [
    'page=abc',
    'page=0',
    'pageSize=1000',
    'sort=password_hash',
    'order=up',
    'role=king',
    'x=1',
    `q=${'가'.repeat(500)}`,
  ],
  '/api/v1/audit': [
    'from=yesterday',
    'to=2026-13-45',
    'actorId=abc',
    'pageSize=-1',
    'sort=id',
    `action=${'a'.repeat(500)}`,
  ],
};

/** Ways to break a valid body: each yields a label and the broken body. */
function breakages(valid: Record<string, unknown>): [string, unknown][] {
  const cases: [string, unknown][] = [
    ['an unknown field', { ...valid, isAdmin: true }],
    ['an array instead of an object', [valid]],
    ['a string instead of an object', 'hello'],
    ['null', null],
  ];
  for (const [field, value] of Object.entries(valid)) {
    cases.push([`${field} as an object`, { ...valid, [field]: { nested: value } }]);
    cases.push([
      `${field} as a number`,
      { ...valid, [field]: typeof value === 'number' ? 'not-a-number' : 12345 },
    ]);
    if (typeof value === 'string')
      cases.push([`${field} oversized`, { ...valid, [field]: 'x'.repeat(10_000) }]);
    const { [field]: _, ...without } = valid;
    cases.push([`${field} missing`, without]);
  }
  return cases;
}

describe.each(testDatabases())('bad input on $name', (database) => {
  let t: TestApp;
  let admin: TestClient;
  let targetId: number;
  const counts = async () =>
    Promise.all(
      (['users', 'audit_log', 'sessions', 'consents', 'employers', 'user_units'] as const).map((table) =>
        countRows(t.db, table),
      ),
    );

  beforeAll(async () => {
    t = await createTestApp(database);
    admin = await t.signedIn('admin');
    targetId = (
      await admin.post('/api/v1/admin/users', {
        ...VALID_BODIES['POST /api/v1/admin/users'],
        email: 'target@example.kr',
      })
    ).json().id;
  });
  afterAll(() => t.close());

  it.each(Object.entries(VALID_BODIES))(
    '%s answers broken bodies with 4xx problem+json and writes nothing',
    async (route) => {
      const [method, path] = route.split(' ') as ['POST' | 'PATCH', string];
      const url = path.replace(':id', String(targetId));
      const valid = VALID_BODIES[route]!;
      const optionalFields = method === 'PATCH';
      const before = await counts();
      const failures: string[] = [];
      for (const [label, body] of breakages(valid)) {
        // Leaving out a field of a PATCH is a valid partial update, not bad input.
        if (optionalFields && label.endsWith('missing')) continue;
        const res = await admin.request(method, url, { rawBody: JSON.stringify(body) });
        const problem = res.headers['content-type']?.toString().startsWith('application/problem+json')
          ? res.json()
          : null;
        const ok =
          res.statusCode >= 400 &&
          res.statusCode < 500 &&
          problem?.code &&
          problem.message?.ko &&
          problem.message?.en &&
          (problem.code !== 'VALIDATION' || problem.errors?.length > 0);
        if (!ok) failures.push(`${label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
      for (const raw of ['{"email": ', 'not json at all', '']) {
        const res = await admin.request(method, url, { rawBody: raw });
        if (res.statusCode < 400 || res.statusCode >= 500)
          failures.push(`raw ${JSON.stringify(raw)}: ${res.statusCode}`);
      }
      const wrongType = await admin.request(method, url, {
        rawBody: 'a=b',
        headers: { 'content-type': 'text/plain' },
      });
      if (wrongType.statusCode !== 415) failures.push(`text/plain: ${wrongType.statusCode}`);
      expect(failures).toEqual([]);
      expect(await counts()).toEqual(before);
    },
  );

  it('field errors name the field and speak both languages', async () => {
    const res = await admin.post('/api/v1/admin/users', {
      ...VALID_BODIES['POST /api/v1/admin/users'],
      email: 'not-an-email',
      name: '',
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as {
      field: string;
      code: string;
      message: { ko: string; en: string };
    }[];
    expect(errors).toEqual(
      expect.arrayContaining([
        {
          field: 'email',
          code: 'invalid_email',
          message: { ko: '올바른 이메일 주소를 입력해 주세요.', en: 'Enter a valid email address.' },
        },
        expect.objectContaining({ field: 'name', code: 'required' }),
      ]),
    );
  });

  it.each(Object.entries(BAD_QUERIES))('GET %s refuses malformed query parameters', async (path, queries) => {
    const failures: string[] = [];
    for (const query of queries) {
      const res = await admin.get(`${path}?${query}`);
      if (res.statusCode !== 400 || res.json().code !== 'VALIDATION')
        failures.push(`${query}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('ids in paths are checked: not a number, zero, negative, huge', async () => {
    for (const id of ['abc', '0', '-1', '99999999999', '1.5']) {
      const res = await admin.get(`/api/v1/admin/users/${id}`);
      expect(res.statusCode, id).toBe(400);
    }
    expect((await admin.get('/api/v1/admin/users/999999')).statusCode).toBe(404);
  });

  it('a body over 1 MiB is refused with 413', async () => {
    const res = await admin.request('POST', '/api/v1/auth/sign-in', {
      rawBody: JSON.stringify({ email: 'x'.repeat(1_100_000) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});
