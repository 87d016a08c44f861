import type { MismatchReport } from '@ilteo/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { demoOrganisationId, insertVacancy } from '../search/search.fixtures.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';

describe.each(testDatabases())('mismatch analytics on $name', (database) => {
  let t: TestApp;
  let certified: number;

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    const organisationId = await demoOrganisationId(t.db);
    // A welding job in the demo's busiest dong that asks for a licence no demo seeker holds.
    const employer = await t.db.kysely
      .selectFrom('employers')
      .select('id')
      .where('organisation_id', '=', organisationId)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    certified = await insertVacancy(
      t.db,
      { organisationId, employerId: employer.id },
      {
        title: '지게차 운전원',
        occupation_code: '6230',
        opens_on: '2019-06-03',
        status: 'open',
        required_certificates: JSON.stringify([{ scheme: 'Q-NET', code: '7875' }]),
      },
    );
  }, 120_000);
  afterAll(() => t?.close());

  async function report(query: string): Promise<MismatchReport> {
    const client = await t.signedIn('counsellor');
    const res = await client.get(`/api/v1/analytics/mismatch?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as MismatchReport;
  }

  it('gives a counsellor the demo year by occupation group, dong and month with real figures', async () => {
    const r = await report('');
    expect(r.year).toBe(2019);
    expect(r.years).toEqual([2019]);
    expect(r.asOf).toBe('2019-12-31');
    expect(r.totals.openVacancies).toBeGreaterThan(20);
    expect(r.totals.seekers).toBeGreaterThan(10);
    expect(r.totals.ratio).toBeGreaterThan(0);
    expect(r.totals.fillRate).toBeGreaterThan(0);
    expect(r.totals.fillRate).toBeLessThan(1);
    expect(r.totals.medianDaysToFill).toBeGreaterThanOrEqual(14);
    expect(r.totals.offeredWage).toBeGreaterThan(1_500_000);
    expect(r.totals.desiredWage).toBeGreaterThan(1_500_000);
    // Level 1 of KECO is its major groups: a one-digit code with a Korean label.
    expect(r.groups.length).toBeGreaterThan(2);
    for (const g of r.groups) expect(g.code).toMatch(/^\d$/);
    expect(r.groups.some((g) => /[가-힣]/.test(g.label))).toBe(true);
    expect(r.dongs.length).toBeGreaterThan(5);
    expect(r.dongs.every((d) => d.label.endsWith('동'))).toBe(true);
    expect(r.months.map((m) => m.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.months[11]!.openVacancies).toBeGreaterThan(r.months[0]!.openVacancies);
    expect(r.cells.reduce((s, c) => s + c.openings, 0)).toBe(r.dongs.reduce((s, d) => s + d.openings, 0));
  });

  it('finds the vacancy whose licence nobody holds hard to fill, and says why', async () => {
    const r = await report('year=2019&occupationLevel=2');
    expect(r.groups.every((g) => /^\d\d$/.test(g.code))).toBe(true);
    const hard = r.hardToFill.find((h) => h.vacancyId === certified);
    expect(hard).toMatchObject({ title: '지게차 운전원', group: '62', opensOn: '2019-06-03', openDays: 211 });
    expect(hard!.reasons).toContain(
      hard!.groupSeekers === 0 ? 'no_seeker_in_group' : 'no_certificate_holder',
    );
    expect(r.missingCertificates).toContainEqual(
      expect.objectContaining({ code: 'Q-NET:7875', vacancies: 1 }),
    );
    expect(r.hardToFill.length).toBeGreaterThan(1);
    expect(r.missingSkills.length).toBeGreaterThan(0);
  });

  it('narrows to one group and one month', async () => {
    const all = await report('year=2019&occupationLevel=2');
    const busiest = [...all.groups].sort((a, b) => b.openings - a.openings)[0]!;
    const one = await report(`year=2019&occupationLevel=2&group=${busiest.code}&month=11`);
    expect(one.groups.map((g) => g.code)).toEqual([busiest.code]);
    expect(one.groupOptions.map((g) => g.code)).toEqual(all.groupOptions.map((g) => g.code));
    expect(one.months.map((m) => m.month)).toEqual([11]);
    expect(one.totals.openVacancies).toBe(one.groups[0]!.openVacancies);
    expect(one.hardToFill.every((h) => h.group === busiest.code)).toBe(true);
  });

  it('exports the same tables as XLSX', async () => {
    const r = await report('year=2019');
    const client = await t.signedIn('counsellor');
    const res = await client.get('/api/v1/analytics/mismatch.xlsx?year=2019');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('mismatch-2019.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      '요약',
      '직종별',
      '행정동별',
      '월별',
      '직종×행정동',
      '부족 자격·기술',
      '구인난 공고',
    ]);
    const summary = workbook.getWorksheet('요약')!;
    expect(summary.getRow(1).getCell(4).value).toBe('구인공고');
    expect(summary.getRow(2).getCell(4).value).toBe(r.totals.openVacancies);
    const groups = workbook.getWorksheet('직종별')!;
    expect(groups.rowCount).toBe(r.groups.length + 1);
    expect(groups.getRow(2).getCell(2).value).toBe(r.groups[0]!.label);
    const hard = workbook.getWorksheet('구인난 공고')!;
    const row = hard.getRows(2, hard.rowCount - 1)!.find((x) => x.getCell(1).value === certified)!;
    expect(String(row.getCell(9).value)).toMatch(/필수 자격 보유자 없음|해당 직종 구직자 없음/);
  });

  it('serves the 22 dongs of Bupyeong as GeoJSON for the map', async () => {
    const client = await t.signedIn('council');
    const res = await client.get('/api/v1/analytics/dongs.geojson');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { features: { properties: { name: string }; geometry: { type: string } }[] };
    expect(body.features).toHaveLength(22);
    expect(body.features.every((f) => /Polygon/.test(f.geometry.type))).toBe(true);
  });

  it('keeps seekers and employers out', async () => {
    for (const role of ['seeker', 'employer']) {
      const client = await t.signedIn(role);
      expect((await client.get('/api/v1/analytics/mismatch')).statusCode).toBe(403);
    }
    expect((await t.client().get('/api/v1/analytics/mismatch.xlsx')).statusCode).toBe(401);
  });

  it("counts only the staff's own organisation", async () => {
    const before = await report('year=2019');
    const now = new Date().toISOString();
    const other = await t.db.kysely
      .insertInto('organisations')
      .values({ code: 'other-gu', name: '다른구', name_en: 'Other-gu', is_demo: 0, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const employer = await t.db.kysely
      .selectFrom('employers')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await insertVacancy(
      t.db,
      { organisationId: other.id, employerId: employer.id },
      { title: '다른 구의 공고', occupation_code: '6230', opens_on: '2019-05-01', openings: 50 },
    );
    const after = await report('year=2019');
    expect(after.totals).toEqual(before.totals);
    expect(after.hardToFill.some((h) => h.title === '다른 구의 공고')).toBe(false);
  });
});
