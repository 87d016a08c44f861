import type { Plan } from '@ilteo/shared';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';

/** Posts a multipart form (text fields and one file) the way a browser's form would. */
async function upload(
  t: TestApp,
  client: TestClient,
  url: string,
  fields: Record<string, string>,
  file: { name: string; bytes: Buffer; type: string },
): Promise<LightMyRequestResponse> {
  if (!client.cookies.has('ilteo_csrf')) await client.get('/api/v1/auth/session');
  const boundary = `----ilteo${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(parts),
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.cookies.get('ilteo_csrf') ?? '',
    },
  });
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A plan tree without what differs between two plans with the same content (ids, year, status, versions). */
function shape(plan: Plan) {
  return {
    title: plan.title,
    vision: plan.vision,
    masterPlan: plan.masterPlan,
    previousYearTarget: plan.previousYearTarget,
    employmentRateTarget: plan.employmentRateTarget,
    employedIncreaseTarget: plan.employedIncreaseTarget,
    paceBehindBelow: plan.paceBehindBelow,
    paceAheadAbove: plan.paceAheadAbove,
    targetTotal: plan.targetTotal,
    targetChangePct: plan.targetChangePct,
    budgetTotal: plan.budgetTotal,
    organisation: plan.organisation,
    strategies: plan.strategies.map(({ id: _id, version: _v, programs, ...s }) => ({
      ...s,
      programs: programs.map(({ id: _pid, planId: _plid, strategyId: _sid, version: _pv, ...p }) => p),
    })),
  };
}

async function count(t: TestApp, table: 'plans' | 'strategies' | 'programs') {
  const row = await t.db.kysely
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe.each(testDatabases())('plan workbook import on $name', (database) => {
  let t: TestApp;
  let planner: TestClient;
  let original: Plan;
  let exported: Buffer;

  beforeAll(async () => {
    t = await createTestApp(database);
    planner = await t.signedIn('planner');
    const id = (await planner.get('/api/v1/plans')).json()[0].id;
    original = (await planner.get(`/api/v1/plans/${id}`)).json();
    exported = (await planner.get(`/api/v1/plans/${id}/export.xlsx`)).rawPayload;
  });
  afterAll(() => t.close());

  it('an exported plan imported into another year is the same plan, field for field', async () => {
    const res = await upload(
      t,
      planner,
      '/api/v1/plans/import',
      { year: '2020' },
      { name: '2019 계획.xlsx', bytes: exported, type: XLSX },
    );
    expect(res.statusCode).toBe(201);
    const created: Plan = res.json();
    expect(created.year).toBe(2020);
    expect(created.status).toBe('draft');
    expect(created.id).not.toBe(original.id);
    expect(shape(created)).toEqual(shape(original));
    expect(created.targetTotal).toBe(10_562);
    expect(created.strategies.flatMap((s) => s.programs)).toHaveLength(26);
    // Seasonal phasings stay custom, even spreads stay even.
    const modes = (p: Plan) => p.strategies.flatMap((s) => s.programs.map((x) => x.phasingMode));
    expect(modes(created)).toEqual(modes(original));
    expect(modes(created)).toContain('custom');

    const again = await upload(
      t,
      planner,
      '/api/v1/plans/import',
      { year: '2020' },
      { name: 'x.xlsx', bytes: exported, type: XLSX },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('PLAN_YEAR_TAKEN');
  });

  it('a workbook with bad rows is refused with every bad cell located, and nothing is written', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet('사업목록')!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    sheet.getRow(2).getCell(col('연간목표')).value = -5;
    sheet.getRow(3).getCell(col('담당부서코드')).value = 'dept-nowhere';
    sheet.getRow(4).getCell(col('3월')).value = Number(sheet.getRow(4).getCell(col('3월')).value) + 7;
    sheet.getRow(5).getCell(col('사업유형')).value = 'magic';
    sheet.getRow(6).getCell(col('사업명')).value = null;
    sheet.getRow(7).getCell(col('국비')).value = '많음';
    sheet.getRow(8).getCell(col('계층별목표')).value = 'youth:99999';
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await Promise.all([count(t, 'plans'), count(t, 'strategies'), count(t, 'programs')]);

    const res = await upload(
      t,
      planner,
      '/api/v1/plans/import',
      { year: '2031' },
      { name: 'bad.xlsx', bytes: bad, type: XLSX },
    );
    expect(res.statusCode).toBe(400);
    const problem = res.json();
    expect(problem.code).toBe('VALIDATION');
    const byField = Object.fromEntries(
      problem.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    );
    expect(byField).toEqual({
      '사업목록!K2': 'too_small_number',
      '사업목록!D3': 'unknown_unit',
      '사업목록!L4:W4': 'phasing_sum',
      '사업목록!E5': 'unknown_key',
      '사업목록!B6': 'required',
      '사업목록!G7': 'not_a_number',
      '사업목록!X8': 'group_sum',
    });
    const unit = problem.errors.find((e: { field: string }) => e.field === '사업목록!D3');
    expect(unit.message.ko).toContain('dept-nowhere');
    expect(unit.message.en).toContain('dept-nowhere');
    const text = problem.errors.find((e: { field: string }) => e.field === '사업목록!G7');
    expect(text.message.ko).toContain('많음');
    expect(await Promise.all([count(t, 'plans'), count(t, 'strategies'), count(t, 'programs')])).toEqual(
      before,
    );
    expect((await planner.get('/api/v1/plans')).json().map((p: Plan) => p.year)).not.toContain(2031);
  });

  it('a file that is not a workbook is refused with a clear error, and so is a request that is not a form', async () => {
    for (const file of [
      { name: 'plan.xlsx', bytes: Buffer.from('사업명,목표\n청년,10\n'), type: XLSX },
      { name: 'plan.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), type: 'application/pdf' },
    ]) {
      const res = await upload(t, planner, '/api/v1/plans/import', { year: '2032' }, file);
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'not_xlsx' })]);
    }
    const json = await planner.post('/api/v1/plans/import', { year: 2032 });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const noYear = await upload(
      t,
      planner,
      '/api/v1/plans/import',
      {},
      { name: 'p.xlsx', bytes: exported, type: XLSX },
    );
    expect(noYear.statusCode).toBe(400);
    expect(noYear.json().errors[0].field).toBe('year');
  });

  it('a workbook without the program sheet says which sheet is missing', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell('A1').value = '안녕하세요';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await upload(
      t,
      planner,
      '/api/v1/plans/import',
      { year: '2033' },
      { name: 'p.xlsx', bytes, type: XLSX },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['계획', 'sheet_missing'],
      ['사업목록', 'sheet_missing'],
    ]);
  });

  it('replaces the structure of a plan without results, and refuses a plan with results', async () => {
    const empty = await planner.post('/api/v1/plans', { year: 2034, title: '2034년 계획(빈 계획)' });
    expect(empty.statusCode).toBe(201);
    const res = await upload(
      t,
      planner,
      `/api/v1/plans/${empty.json().id}/import`,
      {},
      { name: 'p.xlsx', bytes: exported, type: XLSX },
    );
    expect(res.statusCode).toBe(200);
    const replaced: Plan = res.json();
    expect(replaced.year).toBe(2034);
    expect(shape(replaced)).toEqual(shape(original));

    // A second replace swaps the structure again rather than adding to it.
    const twice = await upload(
      t,
      planner,
      `/api/v1/plans/${empty.json().id}/import`,
      {},
      { name: 'p.xlsx', bytes: exported, type: XLSX },
    );
    expect(twice.json().strategies.flatMap((s: Plan['strategies'][number]) => s.programs)).toHaveLength(26);

    const before = await Promise.all([count(t, 'strategies'), count(t, 'programs')]);
    const refused = await upload(
      t,
      planner,
      `/api/v1/plans/${original.id}/import`,
      {},
      { name: 'p.xlsx', bytes: exported, type: XLSX },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('PLAN_HAS_RESULTS');
    expect(await Promise.all([count(t, 'strategies'), count(t, 'programs')])).toEqual(before);
  });

  it('a reporter cannot import a plan', async () => {
    const reporter = await t.signedIn('reporter');
    const res = await upload(
      t,
      reporter,
      '/api/v1/plans/import',
      { year: '2035' },
      { name: 'p.xlsx', bytes: exported, type: XLSX },
    );
    expect(res.statusCode).toBe(403);
  });
});
