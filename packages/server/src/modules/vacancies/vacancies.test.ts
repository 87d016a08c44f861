import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';

/** A vacancy as the form sends it; each test changes what it is about. */
const vacancy = (extra: Record<string, unknown> = {}) => ({
  title: '요양병원 간호사 모집',
  description: '3교대, 기숙사 제공',
  occupation: { scheme: 'KECO-2018', code: '3040' },
  requiredSkills: [{ scheme: 'NCS', code: '06' }],
  requiredCertificates: [{ scheme: 'TEST-CERT', code: 'nurse-licence' }],
  wage: { type: 'hourly', amount: 10320 },
  employmentType: 'permanent',
  shifts: ['rotating'],
  place: { dongCode: '2306051' },
  opensOn: '2026-03-02',
  closesOn: '2026-04-30',
  preferredGroups: ['career_break_women'],
  ...extra,
});

type Problem = {
  code: string;
  errors: { field: string; code: string; message: { ko: string; en: string } }[];
};

describe.each(testDatabases())('vacancies on $name', (database) => {
  let t: TestApp;
  let admin: TestClient;
  let counsellor: TestClient;
  let planner: TestClient;
  let employer: TestClient;
  let other: TestClient;
  let visitor: TestClient;
  let employerId: number;
  let otherEmployerId: number;

  const count = async (table: 'vacancies' | 'audit_log' | 'change_log') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** What a refused request must leave untouched. */
  const snapshot = () => Promise.all([count('vacancies'), count('audit_log'), count('change_log')]);
  const fieldsOf = (body: Problem) => body.errors.map((e) => `${e.field}:${e.code}`);

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('taxonomy_items')
      .values({
        kind: 'certificate',
        scheme: 'TEST-CERT',
        code: 'nurse-licence',
        label: '간호사 면허',
        label_en: 'Nursing licence',
        parent_code: null,
        level: 1,
        aliases: '[]',
        created_at: now,
        updated_at: now,
      })
      .execute();
    [admin, counsellor, planner, employer] = await Promise.all(
      ['admin', 'counsellor', 'planner', 'employer'].map((r) => t.signedIn(r)),
    );
    employerId = (await employer.get('/api/v1/me')).json().user.employerId;
    other = t.client();
    await other.post('/api/v1/auth/sign-up', {
      accountType: 'employer',
      email: 'rival@example.kr',
      password: 'rival-pass-123',
      name: '최경쟁',
      companyName: '경쟁회사',
      agreeTerms: true,
      agreePrivacy: true,
    });
    otherEmployerId = (await other.get('/api/v1/me')).json().user.employerId;
    visitor = t.client();
  });
  afterAll(() => t.close());

  it('an employer posts for its own company: labels, dong, monthly wage, a change for the search, an audit entry', async () => {
    const before = await snapshot();
    const res = await employer.post('/api/v1/vacancies', vacancy());
    expect(res.statusCode).toBe(201);
    const v = res.json();
    expect(v).toMatchObject({
      employer: { id: employerId, name: '(데모) 부평정밀 주식회사' },
      title: '요양병원 간호사 모집',
      occupation: { scheme: 'KECO-2018', code: '3040', label: '간호사' },
      requiredSkills: [{ scheme: 'NCS', code: '06', label: '보건/의료' }],
      preferredSkills: [],
      requiredCertificates: [{ scheme: 'TEST-CERT', code: 'nurse-licence', label: '간호사 면허' }],
      wage: { type: 'hourly', amount: 10320, monthly: 10320 * 209 },
      weeklyHours: 40,
      shifts: ['rotating'],
      education: 'any',
      career: 'any',
      openings: 1,
      place: { regionScheme: 'KOSTAT-2018', dongCode: '2306051', dongName: '부평1동' },
      opensOn: '2026-03-02',
      closesOn: '2026-04-30',
      preferredGroups: ['career_break_women'],
      eligibleGroups: [],
      status: 'open',
      source: 'own',
      externalId: null,
      isDemo: false,
      version: 1,
    });
    expect(v.place.lat).toEqual(expect.any(Number));
    expect(await snapshot()).toEqual([before[0] + 1, before[1] + 1, before[2] + 1]);
    const change = await t.db.kysely
      .selectFrom('change_log')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(change).toMatchObject({ entity: 'vacancy', entity_id: v.id, op: 'upsert' });
    // Open vacancies are public.
    expect((await visitor.get(`/api/v1/vacancies/${v.id}`)).json().title).toBe('요양병원 간호사 모집');
  });

  it('a wage under the minimum is refused with a message naming the minimum, and nothing is written', async () => {
    const before = await snapshot();
    const hourly = await employer.post(
      '/api/v1/vacancies',
      vacancy({ wage: { type: 'hourly', amount: 10000 } }),
    );
    expect(hourly.statusCode).toBe(400);
    const error = (hourly.json() as Problem).errors[0]!;
    expect(error).toMatchObject({ field: 'wage.amount', code: 'below_minimum_wage' });
    expect(error.message.ko).toBe('2026년 최저임금(10,320원/시간, 시급 10,320원) 이상이어야 합니다.');
    expect(error.message.en).toBe(
      'Must be at least the 2026 minimum wage (10,320 won an hour, 10,320 won an hour).',
    );

    const monthly = await employer.post(
      '/api/v1/vacancies',
      vacancy({ wage: { type: 'monthly', amount: 2_000_000 } }),
    );
    expect((monthly.json() as Problem).errors[0]!.message.ko).toContain('월급 2,156,880원');
    expect((monthly.json() as Problem).errors[0]!.message.en).toContain('2,156,880 won a month');
    const annual = await employer.post(
      '/api/v1/vacancies',
      vacancy({ wage: { type: 'annual', amount: 25_000_000 } }),
    );
    expect((annual.json() as Problem).errors[0]!.message.ko).toContain('연봉 25,882,560원');
    const daily = await employer.post(
      '/api/v1/vacancies',
      vacancy({ wage: { type: 'daily', amount: 82_000 } }),
    );
    expect((daily.json() as Problem).errors[0]!.message.en).toContain('82,560 won a day');
    expect(await snapshot()).toEqual(before);

    // Exactly the minimum, in each type, is allowed.
    for (const wage of [
      { type: 'monthly', amount: 2_156_880 },
      { type: 'daily', amount: 82_560 },
      { type: 'annual', amount: 25_882_560 },
    ]) {
      expect((await employer.post('/api/v1/vacancies', vacancy({ wage }))).statusCode, wage.type).toBe(201);
    }
  });

  it("a vacancy is checked against its own year's minimum: 8,350 won in 2019", async () => {
    const ok = await counsellor.post('/api/v1/vacancies', {
      ...vacancy({ opensOn: '2019-03-04', closesOn: null, wage: { type: 'hourly', amount: 8350 } }),
      employerId,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ wage: { amount: 8350, monthly: 1_745_150 }, closesOn: null });
    const low = await counsellor.post('/api/v1/vacancies', {
      ...vacancy({ opensOn: '2019-03-04', closesOn: null, wage: { type: 'hourly', amount: 8349 } }),
      employerId,
    });
    expect(low.statusCode).toBe(400);
    expect((low.json() as Problem).errors[0]!.message.ko).toContain('2019년 최저임금(8,350원/시간');
    // A year with no rate of its own yet: the latest earlier rate is in force.
    const later = await employer.post(
      '/api/v1/vacancies/validate',
      vacancy({ opensOn: '2031-01-05', closesOn: null, wage: { type: 'hourly', amount: 10_000 } }),
    );
    expect(later.json().errors[0].message.ko).toContain('10,320원/시간');
    // Before the table begins there is nothing to check against: said so, not guessed.
    const ancient = await employer.post(
      '/api/v1/vacancies/validate',
      vacancy({ opensOn: '1990-01-05', closesOn: null }),
    );
    expect(fieldsOf(ancient.json())).toEqual(['wage.amount:no_minimum_wage']);
  });

  it('unknown codes, an unknown dong and a closing date before the opening are refused field by field', async () => {
    const before = await snapshot();
    const res = await employer.post(
      '/api/v1/vacancies',
      vacancy({
        occupation: { scheme: 'KECO-2018', code: '9999' },
        requiredSkills: [
          { scheme: 'NCS', code: '06' },
          { scheme: 'NCS', code: '99' },
        ],
        // An occupation code is not a skill.
        preferredSkills: [{ scheme: 'KECO-2018', code: '3040' }],
        preferredCertificates: [{ scheme: 'TEST-CERT', code: 'pilot-licence' }],
        place: { dongCode: '2306099' },
        opensOn: '2026-05-01',
        closesOn: '2026-04-30',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res.json())).toEqual([
      'occupation.code:unknown_item',
      'requiredSkills.1.code:unknown_item',
      'preferredSkills.0.code:unknown_item',
      'preferredCertificates.0.code:unknown_item',
      'place.dongCode:unknown_region',
      'closesOn:closes_before_opens',
    ]);
    expect((res.json() as Problem).errors[0]!.message.ko).toContain('9999');
    const impossible = await employer.post('/api/v1/vacancies', vacancy({ opensOn: '2026-02-30' }));
    expect(fieldsOf(impossible.json())).toEqual(['opensOn:invalid_format']);
    expect(await snapshot()).toEqual(before);
  });

  it('live validation answers the same checks and writes nothing', async () => {
    const before = await snapshot();
    const fine = await employer.post('/api/v1/vacancies/validate', vacancy());
    expect(fine.statusCode).toBe(200);
    expect(fine.json()).toEqual({ errors: [] });
    const low = await employer.post(
      '/api/v1/vacancies/validate',
      vacancy({ wage: { type: 'hourly', amount: 9000 } }),
    );
    expect(low.statusCode).toBe(200);
    expect(fieldsOf(low.json())).toEqual(['wage.amount:below_minimum_wage']);
    expect(low.json().errors[0].message.ko).toContain('10,320');
    const staff = await admin.post('/api/v1/vacancies/validate', vacancy());
    expect(fieldsOf(staff.json())).toEqual(['employerId:required']);
    // What the schema refuses is a 400 problem with the same field errors.
    const malformed = await employer.post('/api/v1/vacancies/validate', vacancy({ title: 'x' }));
    expect(malformed.statusCode).toBe(400);
    expect(fieldsOf(malformed.json())).toEqual(['title:too_small']);
    expect(await snapshot()).toEqual(before);
  });

  it('staff post for a company they name; an employer cannot post for another company', async () => {
    const before = await snapshot();
    const unnamed = await admin.post('/api/v1/vacancies', vacancy());
    expect(unnamed.statusCode).toBe(400);
    expect(fieldsOf(unnamed.json())).toEqual(['employerId:required']);
    const unknown = await admin.post('/api/v1/vacancies', { ...vacancy(), employerId: 999_999 });
    expect(fieldsOf(unknown.json())).toEqual(['employerId:employer_not_in_organisation']);
    const forOther = await employer.post('/api/v1/vacancies', { ...vacancy(), employerId: otherEmployerId });
    expect(forOther.statusCode).toBe(403);
    expect(await snapshot()).toEqual(before);

    const own = await employer.post('/api/v1/vacancies', { ...vacancy(), employerId });
    expect(own.statusCode).toBe(201);
    const staff = await admin.post('/api/v1/vacancies', { ...vacancy(), employerId: otherEmployerId });
    expect(staff.statusCode).toBe(201);
    expect(staff.json().employer).toEqual({ id: otherEmployerId, name: '경쟁회사', verified: false });
  });

  it('a draft exists only for its company and staff', async () => {
    const draft = (await employer.post('/api/v1/vacancies', vacancy({ status: 'draft' }))).json();
    expect(draft.status).toBe('draft');
    const url = `/api/v1/vacancies/${draft.id}`;
    expect((await visitor.get(url)).statusCode).toBe(404);
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await employer.get(url)).statusCode).toBe(200);
    expect((await planner.get(url)).statusCode).toBe(200);
    expect((await counsellor.get(url)).statusCode).toBe(200);
    expect((await visitor.get('/api/v1/vacancies/999999')).statusCode).toBe(404);
  });

  it("an employer cannot edit another company's vacancy: 403 when it is public, 404 for a draft", async () => {
    const open = (await employer.post('/api/v1/vacancies', vacancy())).json();
    const draft = (await employer.post('/api/v1/vacancies', vacancy({ status: 'draft' }))).json();
    const before = await snapshot();
    const edit = await other.patch(`/api/v1/vacancies/${open.id}`, { title: '가로채기', version: 1 });
    expect(edit.statusCode).toBe(403);
    const hidden = await other.patch(`/api/v1/vacancies/${draft.id}`, { title: '가로채기', version: 1 });
    expect(hidden.statusCode).toBe(404);
    const close = await other.post(`/api/v1/vacancies/${open.id}/status`, { status: 'closed', version: 1 });
    expect(close.statusCode).toBe(403);
    // Planners read vacancies but do not post or edit them.
    expect(
      (await planner.patch(`/api/v1/vacancies/${open.id}`, { title: '기획', version: 1 })).statusCode,
    ).toBe(403);
    expect(await snapshot()).toEqual(before);
    expect((await employer.get(`/api/v1/vacancies/${open.id}`)).json()).toMatchObject({
      title: '요양병원 간호사 모집',
      status: 'open',
      version: 1,
    });
  });

  it('an edit keeps what it does not give, is checked like a new vacancy, and a stale version is refused', async () => {
    const v = (await employer.post('/api/v1/vacancies', vacancy())).json();
    const url = `/api/v1/vacancies/${v.id}`;
    const edited = await employer.patch(url, { title: '간호사(야간 전담) 모집', openings: 3, version: 1 });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      title: '간호사(야간 전담) 모집',
      openings: 3,
      requiredSkills: v.requiredSkills,
      requiredCertificates: v.requiredCertificates,
      shifts: ['rotating'],
      preferredGroups: ['career_break_women'],
      place: v.place,
      description: v.description,
      status: 'open',
      version: 2,
    });
    const before = await snapshot();
    const low = await employer.patch(url, { wage: { type: 'monthly', amount: 2_000_000 }, version: 2 });
    expect(low.statusCode).toBe(400);
    expect(fieldsOf(low.json())).toEqual(['wage.amount:below_minimum_wage']);
    const backwards = await employer.patch(url, { closesOn: '2026-01-01', version: 2 });
    expect(fieldsOf(backwards.json())).toEqual(['closesOn:closes_before_opens']);
    const stale = await employer.patch(url, { title: '오래된 화면에서', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    const notStatus = await employer.patch(url, { status: 'draft', version: 2 });
    expect(notStatus.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);

    const raised = await counsellor.patch(url, { wage: { type: 'monthly', amount: 2_500_000 }, version: 2 });
    expect(raised.statusCode).toBe(200);
    expect(raised.json().wage).toEqual({ type: 'monthly', amount: 2_500_000, monthly: 2_500_000 });
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'vacancy.update')
      .where('entity_id', '=', String(v.id))
      .orderBy('id')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[1]!.before_json!).wage_amount).toBe(10320);
    expect(JSON.parse(audit[1]!.after_json!).wage).toEqual({ type: 'monthly', amount: 2_500_000 });
  });

  it('status changes: publish, close, reopen, fill — and nothing else', async () => {
    const v = (await employer.post('/api/v1/vacancies', vacancy({ status: 'draft' }))).json();
    const url = `/api/v1/vacancies/${v.id}/status`;
    let version = 1;
    const move = async (status: string) => {
      const res = await employer.post(url, { status, version });
      if (res.statusCode === 200) version = res.json().version;
      return res;
    };
    expect((await move('filled')).statusCode).toBe(400);
    expect((await move('open')).json().status).toBe('open');
    const back = await move('draft');
    expect(back.statusCode).toBe(400);
    expect((back.json() as Problem).errors[0]).toEqual({
      field: 'status',
      code: 'invalid_status_change',
      message: {
        ko: '모집 중 상태에서 작성 중(으)로 바꿀 수 없습니다.',
        en: 'The status cannot change from open to draft.',
      },
    });
    expect((await move('closed')).json().status).toBe('closed');
    expect((await visitor.get(`/api/v1/vacancies/${v.id}`)).statusCode).toBe(404);
    expect((await move('open')).json().status).toBe('open');
    expect((await move('filled')).json().status).toBe('filled');
    const before = await snapshot();
    for (const status of ['open', 'closed', 'draft', 'filled']) {
      expect((await move(status)).statusCode, status).toBe(400);
    }
    const stale = await employer.post(url, { status: 'closed', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(await snapshot()).toEqual(before);

    const changes = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'vacancy.status')
      .where('entity_id', '=', String(v.id))
      .orderBy('id')
      .execute();
    expect(changes.map((c) => JSON.parse(c.after_json!).status)).toEqual([
      'open',
      'closed',
      'open',
      'filled',
    ]);
    const closedAt = await t.db.kysely
      .selectFrom('vacancies')
      .select('closed_at')
      .where('id', '=', v.id)
      .executeTakeFirstOrThrow();
    expect(closedAt.closed_at).toEqual(expect.any(String));

    const draft = (
      await counsellor.post('/api/v1/vacancies', { ...vacancy({ status: 'draft' }), employerId })
    ).json();
    const dropped = await counsellor.post(`/api/v1/vacancies/${draft.id}/status`, {
      status: 'closed',
      version: 1,
    });
    expect(dropped.json().status).toBe('closed');
  });

  it("a company's own list has every status; other employers do not see it", async () => {
    const draft = (
      await other.post('/api/v1/vacancies', vacancy({ status: 'draft', title: '경쟁회사 초안' }))
    ).json();
    const url = `/api/v1/employers/${otherEmployerId}/vacancies`;
    const own = await other.get(url);
    expect(own.statusCode).toBe(200);
    const titles = own.json().items.map((v: { title: string }) => v.title);
    expect(titles).toContain('경쟁회사 초안');
    expect(own.json().total).toBe(own.json().items.length);
    expect(
      own.json().items.every((v: { employer: { id: number } }) => v.employer.id === otherEmployerId),
    ).toBe(true);
    const drafts = (await counsellor.get(`${url}?status=draft`)).json();
    expect(drafts.items.map((v: { id: number }) => v.id)).toEqual([draft.id]);
    const byTitle = (await planner.get(`${url}?sort=title&order=asc`)).json();
    expect(byTitle.total).toBe(own.json().total);
    expect((await employer.get(url)).statusCode).toBe(404);
    expect((await visitor.get(url)).statusCode).toBe(401);
    expect((await other.get(`${url}?status=maybe`)).statusCode).toBe(400);
    const profile = (await other.get(`/api/v1/employers/${otherEmployerId}`)).json();
    const open = own.json().items.filter((v: { status: string }) => v.status === 'open').length;
    expect(profile.openVacancies).toBe(open);
  });

  it('the minimum wage table is public; an admin adds a year, audited, and new vacancies follow it', async () => {
    const table = await visitor.get('/api/v1/minimum-wages');
    expect(table.statusCode).toBe(200);
    expect(table.json().items).toContainEqual({ year: 2019, hourly: 8350, monthly: 1_745_150 });
    expect(table.json().items).toContainEqual({ year: 2026, hourly: 10320, monthly: 2_156_880 });
    expect((await counsellor.post('/api/v1/minimum-wages', { year: 2027, hourly: 10_700 })).statusCode).toBe(
      403,
    );

    const set = await admin.post('/api/v1/minimum-wages', { year: 2027, hourly: 10_700 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toEqual({ year: 2027, hourly: 10_700, monthly: 10_700 * 209 });
    const corrected = await admin.post('/api/v1/minimum-wages', { year: 2027, hourly: 10_750 });
    expect(corrected.json().hourly).toBe(10_750);
    const items = (await visitor.get('/api/v1/minimum-wages')).json().items;
    expect(items.filter((i: { year: number }) => i.year === 2027)).toEqual([
      { year: 2027, hourly: 10_750, monthly: 10_750 * 209 },
    ]);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'minimum_wage.set')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.before_json && JSON.parse(a.before_json), JSON.parse(a.after_json!)])).toEqual(
      [
        [null, { hourly: 10_700 }],
        [{ hourly: 10_700 }, { hourly: 10_750 }],
      ],
    );

    const low = await employer.post(
      '/api/v1/vacancies',
      vacancy({ opensOn: '2027-01-04', closesOn: null, wage: { type: 'hourly', amount: 10_320 } }),
    );
    expect(low.statusCode).toBe(400);
    expect((low.json() as Problem).errors[0]!.message.ko).toContain('2027년 최저임금(10,750원/시간');
  });
});
