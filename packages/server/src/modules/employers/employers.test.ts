import { businessNumberCheckDigit } from '@ilteo/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../db/dialect.js';
import { SYSTEM } from '../../http/context.js';
import { countRows, createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';
import { checkEmployer, findEmployerByBusinessNumber, writeEmployer } from './employers.commands.js';

/** A valid business number from nine digits (its check digit appended), typed with hyphens. */
function businessNumber(nine: string): string {
  const d = `${nine}${businessNumberCheckDigit(nine)}`;
  return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
}

/** The same number with a wrong check digit. */
function wrongCheckDigit(nine: string): string {
  return `${nine}${(businessNumberCheckDigit(nine) + 1) % 10}`;
}

const profile = (nine: string, extra: Record<string, unknown> = {}) => ({
  businessNumber: businessNumber(nine),
  name: `부평기업 ${nine}`,
  representative: '김대표',
  industry: 'C',
  size: 'small',
  place: { address: '인천 부평구 부평대로 1', dongCode: '2306051' },
  ...extra,
});

describe.each(testDatabases())('company profiles on $name', (database) => {
  let t: TestApp;
  let admin: TestClient;
  let counsellor: TestClient;
  let planner: TestClient;
  let employer: TestClient;
  let other: TestClient;
  let demoEmployerId: number;
  let otherEmployerId: number;

  const employers = () => countRows(t.db, 'employers');
  const changesOf = async (id: number) =>
    (
      await t.db.kysely
        .selectFrom('change_log')
        .selectAll()
        .where('entity', '=', 'employer')
        .where('entity_id', '=', id)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    [admin, counsellor, planner, employer] = await Promise.all(
      ['admin', 'counsellor', 'planner', 'employer'].map((r) => t.signedIn(r)),
    );
    demoEmployerId = (await employer.get('/api/v1/me')).json().user.employerId;
    other = t.client();
    const signUp = await other.post('/api/v1/auth/sign-up', {
      accountType: 'employer',
      email: 'other-company@example.kr',
      password: 'other-pass-123',
      name: '이사장',
      companyName: '다른회사',
      agreeTerms: true,
      agreePrivacy: true,
    });
    expect(signUp.statusCode).toBe(201);
    otherEmployerId = (await other.get('/api/v1/me')).json().user.employerId;
  });
  afterAll(() => t.close());

  it('a company that signed up has only its name, and completes its profile with its first edit', async () => {
    const start = await other.get(`/api/v1/employers/${otherEmployerId}`);
    expect(start.statusCode).toBe(200);
    expect(start.json()).toMatchObject({
      name: '다른회사',
      businessNumber: null,
      representative: null,
      industry: null,
      verified: false,
      openVacancies: 0,
      place: { dongCode: null, dongName: null },
    });
    const version = start.json().version;

    const partial = await other.patch(`/api/v1/employers/${otherEmployerId}`, {
      name: '다른회사(주)',
      version,
    });
    expect(partial.statusCode).toBe(400);
    expect(
      partial
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['businessNumber', 'industry', 'representative', 'size']);

    const full = await other.patch(`/api/v1/employers/${otherEmployerId}`, {
      ...profile('220812345', { name: '다른회사(주)' }),
      flags: ['industrial_complex'],
      contacts: [
        { name: '홍길동', position: '인사팀장', phone: '01012345678', email: 'hr@other.example.kr' },
      ],
      version,
    });
    expect(full.statusCode).toBe(200);
    const dong = await t.db.kysely
      .selectFrom('regions')
      .selectAll()
      .where('code', '=', '2306051')
      .executeTakeFirstOrThrow();
    expect(full.json()).toMatchObject({
      businessNumber: businessNumber('220812345'),
      name: '다른회사(주)',
      representative: '김대표',
      industry: 'C',
      size: 'small',
      flags: ['industrial_complex'],
      contacts: [
        { name: '홍길동', position: '인사팀장', phone: '010-1234-5678', email: 'hr@other.example.kr' },
      ],
      place: {
        address: '인천 부평구 부평대로 1',
        regionScheme: 'KOSTAT-2018',
        dongCode: '2306051',
        dongName: '부평1동',
        lat: dong.lat,
        lon: dong.lon,
      },
      version: version + 1,
    });
    expect(dong.lat).not.toBeNull();
    expect(await changesOf(otherEmployerId)).toBe(1);
  });

  it('an edit keeps the fields it does not give, and a stale version is refused with 409', async () => {
    const current = (await other.get(`/api/v1/employers/${otherEmployerId}`)).json();
    const edited = await other.patch(`/api/v1/employers/${otherEmployerId}`, {
      description: '자동차 부품을 만듭니다.',
      version: current.version,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      description: '자동차 부품을 만듭니다.',
      flags: current.flags,
      contacts: current.contacts,
      place: current.place,
      businessNumber: current.businessNumber,
    });
    const stale = await other.patch(`/api/v1/employers/${otherEmployerId}`, {
      description: '덮어쓰기',
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('CONFLICT');
    expect((await other.get(`/api/v1/employers/${otherEmployerId}`)).json().description).toBe(
      '자동차 부품을 만듭니다.',
    );
    // Managing staff edit any company of their organisation; planners only read.
    const byStaff = await counsellor.patch(`/api/v1/employers/${otherEmployerId}`, {
      size: 'medium',
      version: current.version + 1,
    });
    expect(byStaff.statusCode).toBe(200);
    expect(byStaff.json()).toMatchObject({ size: 'medium', description: '자동차 부품을 만듭니다.' });
    const byPlanner = await planner.patch(`/api/v1/employers/${otherEmployerId}`, {
      size: 'large',
      version: current.version + 2,
    });
    expect(byPlanner.statusCode).toBe(403);
  });

  it('a business number with a wrong check digit is refused on its field, and nothing is written', async () => {
    const before = await employers();
    const res = await admin.post('/api/v1/employers', {
      ...profile('110812345'),
      businessNumber: wrongCheckDigit('110812345'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'businessNumber', code: 'invalid_business_number' }),
    ]);
    expect(await employers()).toBe(before);
  });

  it('staff register a company; the same business number again, typed differently, is refused', async () => {
    const created = await counsellor.post('/api/v1/employers', profile('301812345'));
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ businessNumber: businessNumber('301812345'), verified: false });
    const before = await employers();
    const digits = businessNumber('301812345').replaceAll('-', '');
    const again = await admin.post('/api/v1/employers', {
      ...profile('301812345', { name: '같은 번호' }),
      businessNumber: `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([
      expect.objectContaining({ field: 'businessNumber', code: 'business_number_taken' }),
    ]);
    // An employer completing its profile cannot take another company's number either.
    const version = (await employer.get(`/api/v1/employers/${demoEmployerId}`)).json().version;
    const taken = await employer.patch(`/api/v1/employers/${demoEmployerId}`, {
      ...profile('301812345'),
      version,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().errors[0].code).toBe('business_number_taken');
    expect(await employers()).toBe(before);
  });

  it('two registrations of one number at the same moment: one company, the other gets the field error', async () => {
    const before = await employers();
    const results = await Promise.all([
      admin.post('/api/v1/employers', profile('401812345', { name: '동시 A' })),
      counsellor.post('/api/v1/employers', profile('401812345', { name: '동시 B' })),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const refused = results.find((r) => r.statusCode === 400)!;
    expect(refused.json().errors[0]).toMatchObject({
      field: 'businessNumber',
      code: 'business_number_taken',
    });
    expect(await employers()).toBe(before + 1);
  });

  it('the database itself refuses a second company with a number, even past the checks', async () => {
    const organisationId = (
      await t.db.kysely.selectFrom('organisations').select('id').executeTakeFirstOrThrow()
    ).id;
    const ctx = { db: t.db, actor: SYSTEM, requestId: 'test' };
    const input = {
      ...profile('501812345'),
      businessNumber: businessNumber('501812345').replaceAll('-', ''),
      industry: 'C' as const,
      size: 'small' as const,
      flags: [],
      contacts: [],
    };
    expect(await checkEmployer(t.db.kysely, organisationId, input)).toEqual([]);
    const id = await t.db.kysely
      .transaction()
      .execute((trx) => writeEmployer(ctx, trx, { organisationId, input }));
    expect(
      await findEmployerByBusinessNumber(t.db.kysely, organisationId, businessNumber('501812345')),
    ).toEqual({
      id,
      name: input.name,
    });
    expect((await checkEmployer(t.db.kysely, organisationId, input))[0]?.code).toBe('business_number_taken');
    expect(await checkEmployer(t.db.kysely, organisationId, input, id)).toEqual([]);
    const error = await t.db.kysely
      .transaction()
      .execute((trx) => writeEmployer(ctx, trx, { organisationId, input }))
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('a dong that is not a dong of the region scheme is refused', async () => {
    const before = await employers();
    const res = await admin.post('/api/v1/employers', {
      ...profile('601812345'),
      place: { dongCode: '9999999' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'place.dongCode', code: 'unknown_region' }),
    ]);
    // 부평구 itself is a region, but not a dong.
    const district = await admin.post('/api/v1/employers', {
      ...profile('601812345'),
      place: { dongCode: '23060' },
    });
    expect(district.statusCode).toBe(400);
    expect(await employers()).toBe(before);
  });

  it('typed coordinates win over the dong centroid', async () => {
    const res = await admin.post('/api/v1/employers', {
      ...profile('701812345'),
      place: { dongCode: '2306051', lat: 37.5, lon: 126.7 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().place).toMatchObject({ lat: 37.5, lon: 126.7, dongName: '부평1동' });
  });

  it('an employer sees and edits only its own company, and does not list or register companies', async () => {
    const before = await employers();
    expect((await other.get(`/api/v1/employers/${demoEmployerId}`)).statusCode).toBe(404);
    const version = (await employer.get(`/api/v1/employers/${demoEmployerId}`)).json().version;
    const edit = await other.patch(`/api/v1/employers/${demoEmployerId}`, {
      ...profile('801812345'),
      version,
    });
    expect(edit.statusCode).toBe(404);
    expect((await other.get('/api/v1/employers')).statusCode).toBe(403);
    expect((await other.post('/api/v1/employers', profile('801812345'))).statusCode).toBe(403);
    const verify = await other.post(`/api/v1/employers/${otherEmployerId}/verify`, {
      verified: true,
      version: 1,
    });
    expect(verify.statusCode).toBe(403);
    expect((await employer.get(`/api/v1/employers/${demoEmployerId}`)).json().version).toBe(version);
    expect(await employers()).toBe(before);
  });

  it('an employer cannot make itself verified through an edit', async () => {
    const current = (await other.get(`/api/v1/employers/${otherEmployerId}`)).json();
    const res = await other.patch(`/api/v1/employers/${otherEmployerId}`, {
      verified: true,
      version: current.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'verified', code: 'unknown_field' });
    expect((await other.get(`/api/v1/employers/${otherEmployerId}`)).json().verified).toBe(false);
  });

  it('staff verify a company; a company without a business number cannot be verified', async () => {
    const current = (await admin.get(`/api/v1/employers/${otherEmployerId}`)).json();
    const verified = await counsellor.post(`/api/v1/employers/${otherEmployerId}/verify`, {
      verified: true,
      version: current.version,
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json()).toMatchObject({ verified: true, version: current.version + 1 });
    expect(verified.json().verifiedAt).toEqual(expect.any(String));
    const stale = await counsellor.post(`/api/v1/employers/${otherEmployerId}/verify`, {
      verified: false,
      version: current.version,
    });
    expect(stale.statusCode).toBe(409);
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'employer.verify')
      .where('entity_id', '=', String(otherEmployerId))
      .execute();
    expect(audit.map((a) => [JSON.parse(a.before_json!), JSON.parse(a.after_json!)])).toEqual([
      [{ verified: false }, { verified: true }],
    ]);

    // A company that signed up a moment ago has no business number yet: nothing to verify.
    const fresh = t.client();
    await fresh.post('/api/v1/auth/sign-up', {
      accountType: 'employer',
      email: 'fresh-company@example.kr',
      password: 'fresh-pass-123',
      name: '박신규',
      companyName: '신규회사',
      agreeTerms: true,
      agreePrivacy: true,
    });
    const freshId = (await fresh.get('/api/v1/me')).json().user.employerId;
    const refused = await admin.post(`/api/v1/employers/${freshId}/verify`, { verified: true, version: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'businessNumber', code: 'required' });
    expect((await admin.get(`/api/v1/employers/${freshId}`)).json()).toMatchObject({
      verified: false,
      version: 1,
    });
  });

  it('staff reads of a full profile are audited; the company reading itself is not', async () => {
    const reads = () =>
      t.db.kysely
        .selectFrom('audit_log')
        .select(['actor_role', 'entity_id'])
        .where('action', '=', 'employer.read')
        .execute();
    const before = (await reads()).length;
    await other.get(`/api/v1/employers/${otherEmployerId}`);
    expect((await reads()).length).toBe(before);
    expect((await planner.get(`/api/v1/employers/${otherEmployerId}`)).statusCode).toBe(200);
    const after = await reads();
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toEqual({ actor_role: 'planner', entity_id: String(otherEmployerId) });
  });

  it('the staff list filters, sorts and pages, with contact data masked', async () => {
    const page = await planner.get('/api/v1/employers?q=다른회사');
    expect(page.statusCode).toBe(200);
    expect(page.json()).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(page.json().items[0]).toMatchObject({
      id: otherEmployerId,
      name: '다른회사(주)',
      verified: true,
      dongName: '부평1동',
      flags: ['industrial_complex'],
      contact: { name: '홍*동', position: '인사팀장', phone: '010-****-5678', email: 'h*@other.example.kr' },
    });
    expect(JSON.stringify(page.json())).not.toContain('1234-5678');

    const byNumber = await admin.get(`/api/v1/employers?q=${businessNumber('220812345').slice(0, 6)}`);
    expect(byNumber.json().items.map((e: { id: number }) => e.id)).toEqual([otherEmployerId]);
    type Item = {
      id: number;
      verified: boolean;
      flags: string[];
      industry: string | null;
      dongName: string | null;
    };
    const items = async (query: string): Promise<Item[]> =>
      (await admin.get(`/api/v1/employers?pageSize=200&${query}`)).json().items;
    const ids = async (query: string) => (await items(query)).map((e) => e.id);
    const verified = await items('verified=true');
    expect(verified.every((e) => e.verified)).toBe(true);
    expect(verified.map((e) => e.id)).toContain(otherEmployerId);
    const unverified = await items('verified=false');
    expect(unverified.every((e) => !e.verified)).toBe(true);
    expect(unverified.length + verified.length).toBe(await employers());
    const flagged = await items('flag=industrial_complex');
    expect(flagged.every((e) => e.flags.includes('industrial_complex'))).toBe(true);
    expect(flagged.map((e) => e.id)).toContain(otherEmployerId);
    expect(await ids('flag=social_economy')).not.toContain(otherEmployerId);
    const manufacturing = await items('industry=C');
    expect(manufacturing.every((e) => e.industry === 'C')).toBe(true);
    expect(manufacturing.length).toBeGreaterThanOrEqual(3);
    expect(await ids('industry=Q')).not.toContain(otherEmployerId);
    expect((await items('dongCode=2306051')).every((e) => e.dongName === '부평1동')).toBe(true);
    expect(await ids('dongCode=2306052')).not.toContain(otherEmployerId);
    expect(await ids('q=다른회사&verified=false')).toEqual([]);

    const all = (await admin.get('/api/v1/employers?sort=name&order=asc&pageSize=100')).json();
    const descending = (await admin.get('/api/v1/employers?sort=name&order=desc&pageSize=100')).json();
    expect(descending.items.map((e: { id: number }) => e.id)).toEqual(
      all.items.map((e: { id: number }) => e.id).reverse(),
    );
    expect(all.total).toBe(await employers());
    const second = (await admin.get('/api/v1/employers?sort=name&order=asc&pageSize=2&page=2')).json();
    expect(second.items.map((e: { id: number }) => e.id)).toEqual(
      all.items.slice(2, 4).map((e: { id: number }) => e.id),
    );
    const byVacancies = await admin.get('/api/v1/employers?sort=openVacancies');
    expect(byVacancies.statusCode).toBe(200);
    expect((await admin.get('/api/v1/employers?verified=maybe')).statusCode).toBe(400);
  });
});
