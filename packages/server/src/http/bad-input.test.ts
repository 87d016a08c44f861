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
  // Seekers and privacy (#4): required fields only (the seeker's own routes are checked in privacy.test.ts).
  'POST /api/v1/seekers': {
    name: '김구직',
    birthYear: 1990,
    desiredOccupations: [{ scheme: 'KECO-2018', code: '3075' }],
    consents: { employment_services: true },
  },
  'PATCH /api/v1/seekers/:id': { name: '김구직', version: 1 },
  'POST /api/v1/seekers/:id/consents': { purpose: 'recommendation', granted: false },
  'PUT /api/v1/privacy/settings': { ageRules: [{ group: 'youth', min: 15, max: 39 }], retentionMonths: 36 },
  'POST /api/v1/privacy/retention/run': { dryRun: true },
  // Employers and vacancies (#4): only required fields, so that leaving any out is bad input.
  'POST /api/v1/employers': {
    businessNumber: '220-81-62517',
    name: '부평상사',
    representative: '김대표',
    industry: 'C',
    size: 'small',
    place: { dongCode: '2306051' },
  },
  'PATCH /api/v1/employers/:id': { name: '부평상사', size: 'small', version: 1 },
  'POST /api/v1/employers/:id/verify': { verified: true, version: 1 },
  'POST /api/v1/vacancies': {
    employerId: 1,
    title: '생산직 사원 모집',
    occupation: { scheme: 'KECO-2018', code: '8110' },
    wage: { type: 'hourly', amount: 10320 },
    employmentType: 'permanent',
    opensOn: '2026-03-02',
  },
  'POST /api/v1/vacancies/validate': {
    title: '생산직 사원 모집',
    occupation: { scheme: 'KECO-2018', code: '8110' },
    wage: { type: 'hourly', amount: 10320 },
    employmentType: 'permanent',
    opensOn: '2026-03-02',
  },
  'PATCH /api/v1/vacancies/:id': { title: '생산직 사원 모집', openings: 2, version: 1 },
  'POST /api/v1/vacancies/:id/status': { status: 'closed', version: 1 },
  'POST /api/v1/minimum-wages': { year: 2027, hourly: 10700 },
  // Matching (#5).
  'POST /api/v1/matching/feedback': { seekerId: 1, vacancyId: 1, verdict: 'relevant' },
  'PUT /api/v1/matching/weights': {
    weights: {
      occupation: 30,
      skills: 15,
      distance: 15,
      wage: 15,
      conditions: 10,
      education: 10,
      freshness: 5,
    },
  },
  'POST /api/v1/matching/evaluate': {
    weights: {
      occupation: 30,
      skills: 15,
      distance: 15,
      wage: 15,
      conditions: 10,
      education: 10,
      freshness: 5,
    },
  },
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
  '/api/v1/employers': ['verified=maybe', 'flag=big', 'industry=Z', 'sort=business_number', 'pageSize=0'],
  '/api/v1/employers/1/vacancies': ['status=deleted', 'sort=wage', 'page=-3'],
  '/api/v1/seekers/1/recommendations': ['limit=0', 'limit=abc', 'limit=101', 'x=1'],
  '/api/v1/vacancies/1/candidates': ['limit=-1', 'limit=1.5', 'x=1'],
  // Imports and exports (#4, imports); the multipart upload's bad files are in imports.test.ts.
  '/api/v1/imports': ['page=0', 'pageSize=500', 'sort=kind', 'order=up', 'x=1'],
  '/api/v1/exports/seekers.xlsx': ['template=maybe', 'x=1'],
  '/api/v1/exports/vacancies.csv': ['template=1', 'format=pdf'],
  // Search (#4, search): enum lists are checked value by value; `near` must be a known dong.
  '/api/v1/vacancies': [
    'page=0',
    'pageSize=500',
    'sort=salary',
    'order=asc',
    'wageBand=lots',
    'employmentType=permanent,forever',
    'career=senior',
    'education=phd',
    'targetGroup=all',
    'postedWithin=2d',
    'minMonthlyWage=-1',
    'withinKm=0',
    'near=9999999',
    'sort=distance',
    'status=deleted',
    'employerId=abc',
    `q=${'가'.repeat(500)}`,
    'x=1',
  ],
  '/api/v1/seekers': [
    'page=0',
    'sort=birthYear',
    'targetGroup=disabled',
    'status=hired',
    'education=phd',
    'employmentType=gig',
    'order=asc',
    `q=${'가'.repeat(500)}`,
    'x=1',
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
      const [method, path] = route.split(' ') as ['POST' | 'PATCH' | 'PUT', string];
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
