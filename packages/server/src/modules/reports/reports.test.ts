import type { Dashboard, Plan, PublicPlan } from '@ilteo/shared';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { PLAN_PROGRAM_COLUMNS, PUBLIC_PROGRAM_COLUMNS } from './report-model.js';

/** Every text item of every page of a PDF, as pdf.js (what browsers use) extracts it. */
async function pdfText(bytes: Buffer): Promise<{ items: string[]; text: string; pages: number }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const items: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim()) items.push(item.str.trim());
  }
  return { items, text: items.join(' '), pages: pdf.numPages };
}

/** RFC 4180 CSV into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

type Cell = string | number | null;
const cellOf = (value: ExcelJS.CellValue): Cell =>
  value === null || value === undefined ? null : (value as Cell);

/** The rows of a table sheet as objects keyed by header (row 1). */
function sheetRows(sheet: ExcelJS.Worksheet, headerRow = 1): Record<string, Cell>[] {
  const headers = (sheet.getRow(headerRow).values as Cell[]).slice(1).map(String);
  const rows: Record<string, Cell>[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    if (!row.hasValues) break;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, cellOf(row.getCell(i + 1).value)])));
  }
  return rows;
}

/** The label → value pairs at the top of the summary sheet. */
function summaryOf(sheet: ExcelJS.Worksheet): Map<string, Cell> {
  const map = new Map<string, Cell>();
  sheet.eachRow((row) => map.set(String(row.getCell(1).value), cellOf(row.getCell(2).value)));
  return map;
}

const n = (v: number) => v.toLocaleString('en-US');
const fraction = (percent: number | null) => (percent === null ? null : percent / 100);

describe.each(testDatabases())('plan reports on $name', (database) => {
  let t: TestApp;
  let planner: TestClient;
  let planId: number;
  let plan: Plan;
  let dashboard: Dashboard;
  const asOf = '2019-12-31';

  beforeAll(async () => {
    t = await createTestApp(database);
    planner = await t.signedIn('planner');
    planId = (await planner.get('/api/v1/plans')).json()[0].id;
    plan = (await planner.get(`/api/v1/plans/${planId}`)).json();
    dashboard = (await planner.get(`/api/v1/plans/${planId}/dashboard?asOf=${asOf}`)).json();
  });
  afterAll(() => t.close());

  it('the workbook carries the dashboard: every summary, strategy and program figure equals the API', async () => {
    const res = await planner.get(`/api/v1/plans/${planId}/export.xlsx?asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(
      new RegExp(
        `^attachment; filename="ilteo-plan-2019-${asOf}\\.xlsx"; filename\\*=UTF-8''[A-Za-z0-9%._~-]+$`,
      ),
    );
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe(`${plan.title} (${asOf} 기준).xlsx`);
    const workbook = await readWorkbook(res.rawPayload);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe('요약');
    expect(names.slice(-3)).toEqual(['계획', '전략목록', '사업목록']);

    const summary = workbook.getWorksheet('요약')!;
    const s = dashboard.summary;
    const figures = summaryOf(summary);
    expect(figures.get('계획명')).toBe('2019년 부평구 일자리대책 세부계획');
    expect(figures.get('연도')).toBe(2019);
    expect(figures.get('비전')).toBe(plan.vision);
    expect(figures.get('종합계획')).toBe(plan.masterPlan);
    expect(figures.get('목표 합계')).toBe(10_562);
    expect(figures.get('목표 합계')).toBe(s.targetTotal);
    expect(figures.get('전년도 목표')).toBe(s.previousYearTarget);
    expect(figures.get('전년 대비 증감률(%)')).toBeCloseTo(fraction(s.targetChangePct)!, 10);
    expect(figures.get('누계 실적(승인)')).toBe(s.achievedTotal);
    expect(figures.get('달성률(%)')).toBeCloseTo(fraction(s.achievementRate)!, 10);
    expect(figures.get('현재까지 기대 실적')).toBe(s.expectedToDate);
    expect(figures.get('진도율(%)')).toBeCloseTo(fraction(s.paceRatio)!, 10);
    expect(figures.get('연말 전망')).toBe(s.forecast);
    expect(figures.get('전망 달성률(%)')).toBeCloseTo(fraction(s.forecastRate)!, 10);
    expect(figures.get('기준일')).toBe(asOf);
    // Number formats: counts with thousands separators, rates as percentages.
    summary.eachRow((row) => {
      if (row.getCell(1).value === '목표 합계') expect(row.getCell(2).numFmt).toBe('#,##0');
      if (row.getCell(1).value === '달성률(%)') expect(row.getCell(2).numFmt).toBe('0.0%');
    });

    let strategyHeader = 0;
    summary.eachRow((row, i) => {
      if (row.getCell(1).value === '전략' && !strategyHeader) strategyHeader = i;
    });
    const strategies = sheetRows(summary, strategyHeader);
    expect(strategies).toHaveLength(5);
    strategies.forEach((row, i) => {
      const b = dashboard.byStrategy[i]!;
      expect(row.전략).toBe(b.label);
      expect(row.목표).toBe(b.target);
      expect(row['실적(승인)']).toBe(b.achieved);
      expect(row['달성률(%)']).toBeCloseTo(fraction(b.rate)!, 10);
      expect(row['현재까지 기대 실적']).toBe(b.expectedToDate);
      expect(row['연말 전망']).toBe(b.forecast);
    });

    const programSheets = workbook.worksheets.slice(1, 6);
    let seen = 0;
    programSheets.forEach((sheet, i) => {
      const strategy = plan.strategies[i]!;
      expect(sheet.name.startsWith(`${i + 1}. `)).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect((sheet.getRow(1).values as Cell[]).slice(1)).toEqual(PLAN_PROGRAM_COLUMNS.map((c) => c.header));
      const rows = sheetRows(sheet);
      expect(rows).toHaveLength(strategy.programs.length);
      rows.forEach((row, j) => {
        const p = strategy.programs[j]!;
        const m = dashboard.programs.find((x) => x.id === p.id)!;
        expect(row.사업명).toBe(p.name);
        expect(row.담당부서).toBe(p.ownerUnit.name);
        expect(row['예산(국비)']).toBe(p.budget.national);
        expect(row['예산(시비)']).toBe(p.budget.city);
        expect(row['예산(구비)']).toBe(p.budget.district);
        expect(row['예산(기타)'] ?? 0).toBe(p.budget.other);
        expect(row['연간 목표']).toBe(m.target);
        for (const month of m.months) {
          expect(row[`${month.month}월 목표`]).toBe(month.target);
          expect(row[`${month.month}월 실적`]).toBe(month.approved);
        }
        expect(row['누계 실적']).toBe(m.achieved);
        expect(row['달성률(%)']).toBeCloseTo(fraction(m.rate)!, 10);
        expect(row['연말 전망']).toBe(m.forecast);
        expect(row['진도 상태']).toBe(
          { ahead: '초과', on_pace: '정상', behind: '부진', not_started: '시작 전' }[m.paceStatus],
        );
        seen++;
      });
    });
    expect(seen).toBe(26);
  });

  it('the CSV has a BOM, the program sheets’ columns and one row per program with the API’s figures', async () => {
    const res = await planner.get(`/api/v1/plans/${planId}/export.csv?asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.rawPayload.toString('utf8').slice(1));
    expect(rows[0]).toEqual(['전략', ...PLAN_PROGRAM_COLUMNS.map((c) => c.header)]);
    const body = rows.slice(1);
    expect(body).toHaveLength(26);
    const header = rows[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)]!;
    for (const row of body) {
      const m = dashboard.programs.find((x) => x.name === col(row, '사업명'))!;
      expect(col(row, '전략')).toBe(plan.strategies.find((s) => s.id === m.strategyId)!.name);
      expect(Number(col(row, '연간 목표'))).toBe(m.target);
      expect(Number(col(row, '누계 실적'))).toBe(m.achieved);
      expect(Number(col(row, '달성률(%)'))).toBe(m.rate);
      expect(Number(col(row, '연말 전망'))).toBe(m.forecast);
      for (const month of m.months) {
        expect(col(row, `${month.month}월 실적`)).toBe(month.approved === null ? '' : String(month.approved));
      }
    }
    const total = body.reduce((s, row) => s + Number(col(row, '연간 목표')), 0);
    expect(total).toBe(10_562);
  });

  it('the PDF has Korean text in an embedded font, the key figures as text, page numbers and the demo note', async () => {
    const res = await planner.get(`/api/v1/plans/${planId}/export.pdf?asOf=${asOf}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The Korean font is embedded (a CFF subset of Noto Sans KR), not referenced.
    const raw = res.rawPayload.toString('latin1');
    expect(raw).toMatch(/NotoSansKR-Regular/);
    expect(raw).toMatch(/\/FontFile3/);

    const { items, text, pages } = await pdfText(res.rawPayload);
    expect(text).toContain('2019년 부평구 일자리대책 세부계획');
    expect(text).toContain('인천광역시 부평구');
    const s = dashboard.summary;
    for (const figure of [
      s.targetTotal,
      s.previousYearTarget!,
      s.achievedTotal,
      s.expectedToDate,
      s.forecast,
    ]) {
      expect(items).toContain(n(figure));
    }
    expect(items).toContain('10,562');
    expect(items).toContain(`${s.achievementRate!.toFixed(1)}%`);
    for (const b of dashboard.byStrategy) {
      expect(text).toContain(b.label);
      expect(items).toContain(n(b.target));
      expect(items).toContain(n(b.achieved));
    }
    for (const p of dashboard.programs) expect(text).toContain(p.name);
    expect(text).toContain('월별 누계 실적');
    expect(text).toContain('누계 실적(승인)');
    for (let page = 1; page <= pages; page++) expect(items).toContain(`${page} / ${pages}`);
    expect(items.filter((i) => i.includes('사업별 예산·목표·실적은 예시입니다')).length).toBe(pages);
  });

  it('a reporter’s exports hold only their own unit’s programs, with their own dashboard’s figures', async () => {
    const reporter = await t.signedIn('reporter');
    const own: Dashboard = (await reporter.get(`/api/v1/plans/${planId}/dashboard?asOf=${asOf}`)).json();
    expect(own.programs.length).toBeGreaterThan(0);
    expect(own.programs.length).toBeLessThan(26);

    const workbook = await readWorkbook(
      (await reporter.get(`/api/v1/plans/${planId}/export.xlsx?asOf=${asOf}`)).rawPayload,
    );
    const figures = summaryOf(workbook.getWorksheet('요약')!);
    expect(figures.get('목표 합계')).toBe(own.summary.targetTotal);
    expect(figures.get('누계 실적(승인)')).toBe(own.summary.achievedTotal);
    // The previous year's target is the whole plan's; a unit's share of it is not known, so it is left out.
    expect(figures.has('전년도 목표')).toBe(false);
    expect(figures.has('전년 대비 증감률(%)')).toBe(false);
    const names = workbook.worksheets
      .filter((w) => /^\d+\. /.test(w.name))
      .flatMap((w) => sheetRows(w).map((r) => r.사업명));
    expect(names.sort()).toEqual(own.programs.map((p) => p.name).sort());
    expect(sheetRows(workbook.getWorksheet('사업목록')!)).toHaveLength(own.programs.length);

    const csv = parseCsv(
      (await reporter.get(`/api/v1/plans/${planId}/export.csv?asOf=${asOf}`)).rawPayload
        .toString('utf8')
        .slice(1),
    );
    expect(
      csv
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(own.programs.map((p) => p.name).sort());

    const { text, items } = await pdfText(
      (await reporter.get(`/api/v1/plans/${planId}/export.pdf?asOf=${asOf}`)).rawPayload,
    );
    expect(text).toContain('담당 부서의 사업만 포함: 일자리경제과');
    expect(items).toContain(n(own.summary.targetTotal));
    const hidden = dashboard.programs.find((p) => !own.programs.some((o) => o.id === p.id))!;
    expect(text).not.toContain(hidden.name);
  });

  it('the date asked for is the dashboard’s date: a mid-year export has the mid-year figures', async () => {
    const midYear: Dashboard = (
      await planner.get(`/api/v1/plans/${planId}/dashboard?asOf=2019-07-15`)
    ).json();
    const midYearFile = await readWorkbook(
      (await planner.get(`/api/v1/plans/${planId}/export.xlsx?asOf=2019-07-15`)).rawPayload,
    );
    const figures = summaryOf(midYearFile.getWorksheet('요약')!);
    expect(figures.get('기준일')).toBe('2019-07-15');
    expect(figures.get('현재까지 기대 실적')).toBe(midYear.summary.expectedToDate);
    expect(figures.get('연말 전망')).toBe(midYear.summary.forecast);
    expect(figures.get('현재까지 기대 실적')).not.toBe(dashboard.summary.expectedToDate);

    const bad = await planner.get(`/api/v1/plans/${planId}/export.pdf?asOf=2019-13-45`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION');
  });

  it('a plan of no one’s organisation, or that does not exist, is not found in any format', async () => {
    for (const format of ['xlsx', 'pdf', 'csv']) {
      const res = await planner.get(`/api/v1/plans/99999/export.${format}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  describe('the public report', () => {
    let published: PublicPlan;
    beforeAll(async () => {
      published = (await t.client().get(`/api/v1/public/plans/${planId}`)).json();
    });

    it('has exactly the public plan’s figures, approved results only, and no budgets', async () => {
      const res = await t.client().get(`/api/v1/public/plans/${planId}/report.xlsx`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="ilteo-public-plan-2019\.xlsx"; filename\*=UTF-8''/,
      );
      const wb = await readWorkbook(res.rawPayload);
      expect(wb.worksheets.map((w) => w.name)).not.toContain('사업목록');
      const figures = summaryOf(wb.getWorksheet('요약')!);
      expect(figures.get('목표 합계')).toBe(published.summary.targetTotal);
      expect(figures.get('누계 실적(승인)')).toBe(published.summary.achievedTotal);
      expect(figures.get('달성률(%)')).toBeCloseTo(fraction(published.summary.achievementRate)!, 10);
      expect(figures.get('마지막 보고월')).toBe(published.summary.lastReportedMonth);

      const sheets = wb.worksheets.filter((w) => /^\d+\. /.test(w.name));
      expect(sheets).toHaveLength(published.strategies.length);
      sheets.forEach((sheet, i) => {
        expect((sheet.getRow(1).values as Cell[]).slice(1)).toEqual(
          PUBLIC_PROGRAM_COLUMNS.map((c) => c.header),
        );
        const rows = sheetRows(sheet);
        published.strategies[i]!.programs.forEach((p, j) => {
          const row = rows[j]!;
          expect(row.사업명).toBe(p.name);
          expect(row['연간 목표']).toBe(p.annualTarget);
          expect(row['누계 실적']).toBe(p.achieved);
          for (let month = 1; month <= 12; month++) {
            expect(row[`${month}월 실적`]).toBe(
              p.approvedMonths.find((m) => m.month === month)?.jobs ?? null,
            );
          }
        });
      });
      // November of a program still in draft, and of one under review, is not public.
      const draft = sheets.flatMap((s) => sheetRows(s)).find((r) => r.사업명 === '해외시장 판로 개척')!;
      const underReview = sheets.flatMap((s) => sheetRows(s)).find((r) => r.사업명 === '소규모 채용행사')!;
      expect(draft['11월 실적']).toBeNull();
      expect(underReview['11월 실적']).toBeNull();
      expect(draft['10월 실적']).not.toBeNull();
    });

    it('as CSV and PDF, with the same figures', async () => {
      const csv = parseCsv(
        (await t.client().get(`/api/v1/public/plans/${planId}/report.csv`)).rawPayload
          .toString('utf8')
          .slice(1),
      );
      expect(csv[0]).toEqual(['전략', ...PUBLIC_PROGRAM_COLUMNS.map((c) => c.header)]);
      const achieved = csv[0]!.indexOf('누계 실적');
      expect(csv.slice(1).reduce((s, r) => s + Number(r[achieved]), 0)).toBe(published.summary.achievedTotal);

      const pdf = await t.client().get(`/api/v1/public/plans/${planId}/report.pdf`);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const { items, text } = await pdfText(pdf.rawPayload);
      expect(items).toContain(n(published.summary.targetTotal));
      expect(items).toContain(n(published.summary.achievedTotal));
      for (const s of published.strategies) {
        expect(text).toContain(s.name);
        expect(items).toContain(n(s.achieved));
      }
      expect(text).not.toContain('연말 전망');
    });

    it('is not found once the plan is taken back from the public, while the back office still exports it', async () => {
      expect((await planner.post(`/api/v1/plans/${planId}/unpublish`)).statusCode).toBe(200);
      try {
        for (const format of ['xlsx', 'pdf', 'csv']) {
          const res = await t.client().get(`/api/v1/public/plans/${planId}/report.${format}`);
          expect(res.statusCode).toBe(404);
          expect(res.json().code).toBe('NOT_FOUND');
        }
        expect((await planner.get(`/api/v1/plans/${planId}/export.pdf`)).statusCode).toBe(200);
      } finally {
        await planner.post(`/api/v1/plans/${planId}/publish`);
      }
    });

    it('follows a newly approved month at once, though unchanged figures are not drawn again', async () => {
      const first = await t.client().get(`/api/v1/public/plans/${planId}/report.pdf`);
      const again = await t.client().get(`/api/v1/public/plans/${planId}/report.pdf`);
      expect(Buffer.compare(first.rawPayload, again.rawPayload)).toBe(0);

      const program = plan.strategies.flatMap((s) => s.programs).find((p) => p.name === '소규모 채용행사')!;
      expect((await planner.post(`/api/v1/programs/${program.id}/results/11/approve`)).statusCode).toBe(200);
      const after: PublicPlan = (await t.client().get(`/api/v1/public/plans/${planId}`)).json();
      expect(after.summary.achievedTotal).toBeGreaterThan(published.summary.achievedTotal);
      const { items } = await pdfText(
        (await t.client().get(`/api/v1/public/plans/${planId}/report.pdf`)).rawPayload,
      );
      expect(items).toContain(n(after.summary.achievedTotal));
      expect(items).not.toContain(n(published.summary.achievedTotal));
      const csv = parseCsv(
        (await t.client().get(`/api/v1/public/plans/${planId}/report.csv`)).rawPayload
          .toString('utf8')
          .slice(1),
      );
      const row = csv.find((r) => r[1] === '소규모 채용행사')!;
      expect(row[csv[0]!.indexOf('11월 실적')]).not.toBe('');
    });
  });
});
