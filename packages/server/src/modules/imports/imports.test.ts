import fs from 'node:fs';
import { businessNumberCheckDigit, type ImportReport } from '@ilteo/shared';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceDataPath } from '../../reference-data.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { decodeText, parseCsv } from '../taxonomy/csv.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';

const fixture = (name: string) => fs.readFileSync(referenceDataPath(`work24/${name}`));
const LIST = fixture('work24_list_sample_real_20261001.xml');
const DETAIL = fixture('work24_detail_sample_real_20261001.xml');
/** The error samples: one real response body per line, between comments. */
const ERROR_BODIES = fixture('work24_error_samples.xml')
  .toString('utf8')
  .split('\n')
  .filter((line) => line.startsWith('<?xml'));

/** The real detail with the contact person block 고용24 sends to the posting company's key holders. */
const CONTACT = {
  department: '운영지원팀',
  phone: '053-555-0199',
  mobile: '010-5550-0199',
  fax: '053-555-0198',
  email: 'hr.charger@water-mgmt.example.kr',
};
const DETAIL_WITH_CONTACT = Buffer.from(
  DETAIL.toString('utf8').replace(
    '</wantedDtl>',
    `<empchargeInfo><empChargerDpt>${CONTACT.department}</empChargerDpt><contactTelno>${CONTACT.phone}</contactTelno>` +
      `<empChargerHp>${CONTACT.mobile}</empChargerHp><chargerFaxNo>${CONTACT.fax}</chargerFaxNo>` +
      `<chargerEmail>${CONTACT.email}</chargerEmail></empchargeInfo></wantedDtl>`,
  ),
);

/** A valid business number from nine digits. */
function bizno(nine: string): string {
  return `${nine.slice(0, 3)}-${nine.slice(3, 5)}-${nine.slice(5)}${businessNumberCheckDigit(nine)}`;
}

/** Posts one file as multipart/form-data, as the import page's file input does. */
async function upload(
  t: TestApp,
  client: TestClient,
  url: string,
  file: { name: string; bytes: Buffer },
): Promise<LightMyRequestResponse> {
  if (!client.cookies.has('ilteo_csrf')) await client.get('/api/v1/auth/session');
  const boundary = `----ilteo${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'x-csrf-token': client.cookies.get('ilteo_csrf') ?? '',
    },
  });
}

function csv(lines: string[][]): Buffer {
  const field = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(field).join(',')).join('\r\n')}\r\n`, 'utf8');
}

async function xlsx(lines: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('구인공고');
  for (const line of lines) sheet.addRow(line);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The cells of an exported file, header first. */
async function readBack(bytes: Buffer, format: 'csv' | 'xlsx'): Promise<string[][]> {
  if (format === 'csv') {
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    return parseCsv(decodeText(bytes)).records.map((r) => r.cells);
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    rows.push(
      Array.from({ length: width }, (_, i) => {
        const v = row.getCell(i + 1).value;
        return v === null || v === undefined ? '' : String(v);
      }),
    );
  });
  return rows;
}

describe.each(testDatabases())('imports and exports on $name', (database) => {
  let t: TestApp;
  let counsellor: TestClient;
  const vacancyCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('vacancies')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const employerCount = async () =>
    Number(
      (
        await t.db.kysely
          .selectFrom('employers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const byExternalId = (id: string) =>
    t.db.kysely.selectFrom('vacancies').selectAll().where('external_id', '=', id).execute();

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    counsellor = await t.signedIn('counsellor');
  });
  afterAll(() => t.close());

  it('imports the real 고용24 list as vacancies with normalised dates, wages, codes and places', async () => {
    const before = await vacancyCount();
    const res = await upload(t, counsellor, '/api/v1/imports/work24', { name: 'list.xml', bytes: LIST });
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({
      kind: 'work24',
      format: 'work24',
      written: true,
      inserted: 2,
      invalid: 0,
    });
    expect(report.rows.map((r) => r.key)).toEqual(['K140022610010052', 'K140022609170041']);
    expect(await vacancyCount()).toBe(before + 2);

    const [first] = await byExternalId('K140022610010052');
    expect(first).toMatchObject({
      source: 'work24',
      external_url: 'https://www.work24.go.kr/wk/a/b/1500/empDetailAuthView.do?wantedAuthNo=K140022610010052',
      title: '[운영팀] 환경·안전 및 운영관리 담당자 채용',
      opens_on: '2026-10-01',
      closes_on: '2026-11-30',
      wage_type: 'annual',
      wage_amount: 41_000_000,
      education: 'university',
      career: 'experienced',
      employment_type: 'permanent',
      region_name: '대구 서구',
      dong_code: null,
      occupation_scheme: 'WORK24',
      occupation_code: '155500',
      status: 'open',
    });
    const [second] = await byExternalId('K140022609170041');
    expect(second).toMatchObject({
      opens_on: '2026-09-17',
      closes_on: '2026-10-31',
      wage_type: 'monthly',
      wage_amount: 3_000_000,
      career: 'new',
      education: 'any',
    });
    // One company, created unverified from 고용24's business number, for both postings.
    expect(second!.employer_id).toBe(first!.employer_id);
    const employer = await t.db.kysely
      .selectFrom('employers')
      .selectAll()
      .where('id', '=', first!.employer_id)
      .executeTakeFirstOrThrow();
    expect(employer).toMatchObject({
      name: '워터매니지먼트주식회사',
      business_number: '5038169211',
      industry: 'E',
      verified_at: null,
    });
    // The 고용24 직종 code is a taxonomy item, so the vacancy's occupation has a label.
    const vacancy = (await counsellor.get(`/api/v1/vacancies/${first!.id}`)).json();
    expect(vacancy.occupation).toEqual({ scheme: 'WORK24', code: '155500', label: '고용24 직종 155500' });
    const note = report.rows[0]!.notes.find((n) => n.code === 'work24_occupation');
    expect(note?.message.ko).toBe(
      '고용24 직종 155500에 맞는 KECO-2018 직종이 없어 고용24 직종코드(WORK24)로 기록했습니다.',
    );
  });

  it('imports a posting whose business number 고용24 masked: the company is kept without one, matched by name', async () => {
    const masked = LIST.toString('utf8')
      .replaceAll('<busino>5038169211</busino>', '<busino>503-81-*****</busino>')
      .replaceAll('워터매니지먼트주식회사', '가림번호주식회사')
      .replaceAll('K1400226', 'K9900226');
    const res = await upload(t, counsellor, '/api/v1/imports/work24', {
      name: 'masked.xml',
      bytes: Buffer.from(masked),
    });
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ written: true, inserted: 2, invalid: 0 });
    const rows = await t.db.kysely
      .selectFrom('vacancies')
      .innerJoin('employers', 'employers.id', 'vacancies.employer_id')
      .select(['employers.id as employerId', 'employers.business_number', 'employers.name'])
      .where('vacancies.external_id', 'like', 'K9900226%')
      .execute();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.employerId)).size).toBe(1);
    expect(rows[0]).toMatchObject({ business_number: null, name: '가림번호주식회사' });
  });

  it('enriches a posting with its detail, maps the 직종 to KECO-2018, and never duplicates on re-import', async () => {
    const res = await upload(t, counsellor, '/api/v1/imports/work24', {
      name: 'detail.xml',
      bytes: DETAIL_WITH_CONTACT,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ inserted: 0, updated: 1, invalid: 0 });
    const rows = await byExternalId('K140022610010052');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      occupation_scheme: 'KECO-2018',
      occupation_code: '1553',
      min_career_months: 36,
      openings: 1,
      opens_on: '2026-10-01',
      closes_on: '2026-11-30',
      wage_type: 'annual',
      wage_amount: 41_000_000,
    });
    expect(rows[0]!.description).toContain('폐수처리시설 운영 관련 업무 지원');
    expect(rows[0]!.description).toContain('수질환경산업기사');

    const before = await vacancyCount();
    const again = await upload(t, counsellor, '/api/v1/imports/work24', { name: 'list.xml', bytes: LIST });
    expect(again.json()).toMatchObject({ inserted: 0, updated: 2 });
    expect(await vacancyCount()).toBe(before);
  });

  it('stores nothing of the detail’s contact person (empchargeInfo) in any table', async () => {
    const dump: string[] = [];
    for (const table of await t.db.kysely.introspection.getTables()) {
      const rows = await t.db.kysely
        .selectFrom(table.name as 'vacancies')
        .selectAll()
        .execute();
      dump.push(JSON.stringify(rows));
    }
    const text = dump.join('\n');
    expect(text).toContain('폐수처리시설'); // the detail was imported…
    for (const value of [...Object.values(CONTACT), '5550-0199', '5550199', 'empcharge']) {
      expect(text).not.toContain(value); // …but not its contact person
    }
  });

  it('turns every 고용24 error body into a clear bilingual 400, importing nothing', async () => {
    expect(ERROR_BODIES).toHaveLength(6);
    const before = await vacancyCount();
    for (const body of ERROR_BODIES) {
      const res = await upload(t, counsellor, '/api/v1/imports/work24', {
        name: 'r.xml',
        bytes: Buffer.from(body),
      });
      expect(res.statusCode).toBe(400);
      const problem = res.json();
      expect(problem.code).toBe(body.includes('<messageCd>006') ? 'WORK24_NO_RESULTS' : 'WORK24_ERROR');
      expect(problem.message.ko).toMatch(/고용24/);
      expect(problem.message.en).toMatch(/고용24|No postings/);
    }
    const empty = await upload(t, counsellor, '/api/v1/imports/work24', {
      name: 'r.xml',
      bytes: Buffer.from(ERROR_BODIES[0]!),
    });
    expect(empty.json().message.en).toContain('No postings matched');
    expect(empty.json().message.en).toContain('0 rows imported');
    const key = await upload(t, counsellor, '/api/v1/imports/work24', {
      name: 'r.xml',
      bytes: Buffer.from(ERROR_BODIES[5]!),
    });
    expect(key.json().message.en).toMatch(/authentication key/);
    expect(await vacancyCount()).toBe(before);
  });

  it('refuses files that are not what the kind says, with a field error', async () => {
    const notXml = await upload(t, counsellor, '/api/v1/imports/work24', {
      name: 'a.csv',
      bytes: Buffer.from('a,b\n1,2\n'),
    });
    expect(notXml.statusCode).toBe(400);
    expect(notXml.json().errors).toEqual([
      expect.objectContaining({ field: 'file', code: 'not_work24_xml' }),
    ]);
    const binary = await upload(t, counsellor, '/api/v1/imports/employers', {
      name: 'a.pdf',
      bytes: Buffer.from('%PDF-1.4\n\u0000\u0001binary'),
    });
    expect(binary.statusCode).toBe(400);
    expect(binary.json().errors[0]).toMatchObject({ field: 'file', code: 'not_csv_or_xlsx' });
    const noColumns = await upload(t, counsellor, '/api/v1/imports/employers', {
      name: 'a.csv',
      bytes: csv([['기업명'], ['어딘가']]),
    });
    expect(noColumns.statusCode).toBe(400);
    expect(noColumns.json().errors.map((e: { code: string }) => e.code)).toContain('column_missing');
    const json = await counsellor.post('/api/v1/imports/employers', { rows: [] });
    expect(json.statusCode).toBe(415);
    for (const url of [
      '/api/v1/imports/plans',
      '/api/v1/imports/employers?mode=some',
      '/api/v1/imports/employers?dryRun=perhaps',
      '/api/v1/imports/employers?x=1',
    ]) {
      const res = await upload(t, counsellor, url, { name: 'a.csv', bytes: csv([['기업명'], ['어딘가']]) });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('VALIDATION');
    }
  });

  const EMPLOYER_HEADER = [
    '사업자등록번호',
    '기업명',
    '대표자',
    '업종(KSIC 대분류)',
    '기업규모',
    '행정동코드',
    '기업구분',
  ];
  const employerFile = () =>
    csv([
      EMPLOYER_HEADER,
      [bizno('130812345'), '부평가공', '김대표', 'C', '5~49인', '2306051', '부평산단 입주기업'],
      [
        `123-45-6789${(businessNumberCheckDigit('123456789') + 1) % 10}`,
        '잘못된번호상사',
        '이대표',
        'G',
        '5인 미만',
        '',
        '',
      ],
      [bizno('130812346'), '청천물류', '박대표', 'H', 'medium', '', '강소기업; 사회적경제기업'],
    ]);

  it('mode all: one bad row writes nothing and is reported by row and column', async () => {
    const before = await employerCount();
    const res = await upload(t, counsellor, '/api/v1/imports/employers?mode=all', {
      name: '기업.csv',
      bytes: employerFile(),
    });
    expect(res.statusCode).toBe(200);
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ written: false, totalRows: 3, inserted: 0, invalid: 1, skipped: 3 });
    expect(report.rows.map((r) => r.status)).toEqual(['valid', 'invalid', 'valid']);
    expect(report.rows[1]).toMatchObject({ row: 3 });
    expect(report.rows[1]!.errors).toEqual([
      expect.objectContaining({
        field: 'businessNumber',
        column: '사업자등록번호',
        code: 'invalid_business_number',
      }),
    ]);
    expect(report.rows[1]!.errors[0]!.message.en).toMatch(/business registration number/);
    expect(await employerCount()).toBe(before);
    // The refused run is in the list of past imports.
    const runs = (await counsellor.get('/api/v1/imports')).json();
    expect(runs.items[0]).toMatchObject({
      kind: 'employers',
      format: 'csv',
      source: '기업.csv',
      inserted: 0,
      skipped: 3,
    });
  });

  it('a dry run checks every row and writes nothing', async () => {
    const before = await employerCount();
    const res = await upload(t, counsellor, '/api/v1/imports/employers?mode=valid_only&dryRun=true', {
      name: '기업.csv',
      bytes: employerFile(),
    });
    expect(res.json()).toMatchObject({ id: null, dryRun: true, written: false, invalid: 1 });
    expect(await employerCount()).toBe(before);
  });

  it('mode valid_only writes the valid rows, and a second run updates them by business number', async () => {
    const before = await employerCount();
    const res = await upload(t, counsellor, '/api/v1/imports/employers?mode=valid_only', {
      name: '기업.csv',
      bytes: employerFile(),
    });
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ written: true, inserted: 2, invalid: 1, skipped: 1 });
    expect(await employerCount()).toBe(before + 2);
    const made = await t.db.kysely
      .selectFrom('employers')
      .selectAll()
      .where('name', '=', '청천물류')
      .executeTakeFirstOrThrow();
    expect(made).toMatchObject({ business_number: bizno('130812346').replaceAll('-', ''), size: 'medium' });
    expect(JSON.parse(made.flags).sort()).toEqual(['social_economy', 'strong_small']);
    const changes = await t.db.kysely
      .selectFrom('change_log')
      .select('entity_id')
      .where('entity', '=', 'employer')
      .where('entity_id', '=', made.id)
      .execute();
    expect(changes.length).toBeGreaterThan(0);

    const again = await upload(t, counsellor, '/api/v1/imports/employers?mode=valid_only', {
      name: '기업.csv',
      bytes: employerFile(),
    });
    expect(again.json()).toMatchObject({ inserted: 0, updated: 2 });
    expect(await employerCount()).toBe(before + 2);
  });

  const VACANCY_HEADER = [
    '사업자등록번호',
    '공고제목',
    '직종코드',
    '임금형태',
    '임금액',
    '고용형태',
    '시작일',
    '마감일',
    '행정동코드',
  ];
  const vacancyRows = (): (string | number)[][] => [
    VACANCY_HEADER,
    [
      bizno('130812345'),
      '자동차 부품 가공원',
      '8212',
      '시급',
      10_320,
      '정규직(기간의 정함 없음)',
      '2026-03-02',
      '2026-04-30',
      '2306051',
    ],
    [bizno('130812345'), '저임금 공고', '8212', '월급', 1_500_000, 'permanent', '2026-03-02', '', ''],
    [bizno('130812346'), '물류센터 사무원', '0272', '월급', 2_500_000, 'fixed_term', '2026-03-05', '', ''],
  ];

  it('XLSX vacancies: mode all refuses a wage under the minimum, on its cell; valid_only imports the rest', async () => {
    const before = await vacancyCount();
    const bytes = await xlsx(vacancyRows());
    const refused = (
      await upload(t, counsellor, '/api/v1/imports/vacancies', { name: '공고.xlsx', bytes })
    ).json() as ImportReport;
    expect(refused).toMatchObject({ format: 'xlsx', written: false, invalid: 1 });
    expect(refused.rows[1]).toMatchObject({ row: 3, status: 'invalid' });
    expect(refused.rows[1]!.errors).toEqual([
      expect.objectContaining({ field: 'wage.amount', column: '임금액', code: 'below_minimum_wage' }),
    ]);
    expect(refused.rows[1]!.errors[0]!.message.ko).toContain('2,156,880');
    expect(await vacancyCount()).toBe(before);

    const done = (
      await upload(t, counsellor, '/api/v1/imports/vacancies?mode=valid_only', { name: '공고.xlsx', bytes })
    ).json() as ImportReport;
    expect(done).toMatchObject({ written: true, inserted: 2, invalid: 1 });
    expect(await vacancyCount()).toBe(before + 2);
    const made = await t.db.kysely
      .selectFrom('vacancies')
      .selectAll()
      .where('id', '=', done.rows[0]!.id!)
      .executeTakeFirstOrThrow();
    expect(made).toMatchObject({
      title: '자동차 부품 가공원',
      occupation_scheme: 'KECO-2018',
      occupation_code: '8212',
      wage_type: 'hourly',
      wage_amount: 10_320,
      employment_type: 'permanent',
      dong_code: '2306051',
      source: 'own',
      status: 'open',
    });
  });

  it('imports seekers from CSV with their consents; a row without the required consent is refused', async () => {
    const header = [
      '이름',
      '출생연도',
      '휴대전화',
      '희망직종',
      '학력',
      '경력사항',
      '대상계층',
      '취업지원서비스 동의',
      '민감정보 동의',
    ];
    const res = await upload(t, counsellor, '/api/v1/imports/seekers?mode=valid_only', {
      name: '구직자.csv',
      bytes: csv([
        header,
        [
          '가나다',
          '1990',
          '010-1234-5678',
          '3040; 3075',
          '대졸(2~3년)',
          '3075/24/부평요양원',
          '장애인',
          '예',
          '예',
        ],
        ['라마바', '1985', '', '3040', '고졸', '', '장애인', '예', '아니오'],
        ['사아자', '1970', '', '3040', '', '', '', '아니오', ''],
      ]),
    });
    const report = res.json() as ImportReport;
    expect(report).toMatchObject({ inserted: 1, invalid: 2 });
    expect(report.rows.every((r) => r.key === null)).toBe(true);
    expect(report.rows[1]!.errors[0]).toMatchObject({
      column: '대상계층',
      code: 'sensitive_consent_required',
    });
    expect(report.rows[2]!.errors[0]).toMatchObject({ column: '취업지원서비스 동의', code: 'must_accept' });
    const seeker = await t.db.kysely
      .selectFrom('seekers')
      .selectAll()
      .where('id', '=', report.rows[0]!.id!)
      .executeTakeFirstOrThrow();
    expect(seeker).toMatchObject({
      registered_by: 'import',
      birth_year: 1990,
      education: 'college',
      phone: '01012345678',
    });
    expect(JSON.parse(seeker.groups)).toEqual(['disabled']);
    expect(JSON.parse(seeker.careers)).toEqual([
      { occupation: { scheme: 'KECO-2018', code: '3075' }, months: 24, company: '부평요양원' },
    ]);
  });

  for (const format of ['xlsx', 'csv'] as const) {
    it(`exports every kind as ${format}; the file reads back equal to the database`, async () => {
      const employers = await counsellor.get(`/api/v1/exports/employers.${format}`);
      expect(employers.statusCode).toBe(200);
      expect(employers.headers['content-disposition']).toContain('attachment');
      const cells = await readBack(employers.rawPayload, format);
      const [header, ...rows] = cells;
      const rowsInDb = await t.db.kysely.selectFrom('employers').selectAll().orderBy('id').execute();
      expect(rows).toHaveLength(rowsInDb.length);
      const at = (name: string) => header!.indexOf(name);
      rowsInDb.forEach((db, i) => {
        expect(Number(rows[i]![at('ID')])).toBe(db.id);
        expect(rows[i]![at('기업명')]).toBe(db.name);
        expect(rows[i]![at('사업자등록번호')].replaceAll('-', '')).toBe(db.business_number ?? '');
      });

      const vacancies = await counsellor.get(`/api/v1/exports/vacancies.${format}`);
      const [vHeader, ...vRows] = await readBack(vacancies.rawPayload, format);
      const vacanciesInDb = await t.db.kysely.selectFrom('vacancies').selectAll().orderBy('id').execute();
      expect(vRows).toHaveLength(vacanciesInDb.length);
      const work24 = vRows.find((r) => r[vHeader!.indexOf('구인인증번호')] === 'K140022610010052')!;
      expect(work24[vHeader!.indexOf('직종코드')]).toBe('1553');
      expect(work24[vHeader!.indexOf('직종명(참고)')]).toBe('환경공학 기술자 및 연구원');
      expect(work24[vHeader!.indexOf('임금액')]).toBe('41000000');
      expect(work24[vHeader!.indexOf('출처(참고)')]).toBe('고용24');

      const auditBefore = await t.db.kysely
        .selectFrom('audit_log')
        .select('id')
        .where('action', '=', 'registry.export')
        .execute();
      const seekers = await counsellor.get(`/api/v1/exports/seekers.${format}`);
      expect(seekers.statusCode).toBe(200);
      const [sHeader, ...sRows] = await readBack(seekers.rawPayload, format);
      const imported = sRows.find((r) => r[sHeader!.indexOf('이름')] === '가나다')!;
      expect(imported[sHeader!.indexOf('휴대전화')]).toBe('010-1234-5678');
      expect(imported[sHeader!.indexOf('희망직종명(참고)')]).toBe('간호사; 간호조무사');
      const auditAfter = await t.db.kysely
        .selectFrom('audit_log')
        .select(['id', 'entity_type'])
        .where('action', '=', 'registry.export')
        .execute();
      expect(auditAfter.length).toBe(auditBefore.length + 1);
      expect(auditAfter.map((a) => a.entity_type)).toContain('seekers');
    });
  }

  for (const [kind, format] of [
    ['employers', 'xlsx'],
    ['vacancies', 'csv'],
    ['seekers', 'csv'],
    ['vacancies', 'xlsx'],
  ] as const) {
    it(`re-imports its own ${kind} ${format} export cleanly, changing nothing`, async () => {
      const table = kind;
      const snapshot = async () =>
        (await t.db.kysely.selectFrom(table).selectAll().orderBy('id').execute()).map((row) => {
          const { version: _v, updated_at: _u, last_active_at: _l, ...rest } = row as Record<string, unknown>;
          // Contact phones are stored as digits by every write (the demo seeds some with hyphens).
          if (typeof rest.contacts === 'string') rest.contacts = rest.contacts.replace(/(\d)-(?=\d)/g, '$1');
          return rest;
        });
      const before = await snapshot();
      const file = await counsellor.get(`/api/v1/exports/${kind}.${format}`);
      const res = await upload(t, counsellor, `/api/v1/imports/${kind}?mode=all`, {
        name: `export.${format}`,
        bytes: file.rawPayload,
      });
      const report = res.json() as ImportReport;
      expect(report.rows.filter((r) => r.status === 'invalid')).toEqual([]);
      expect(report).toMatchObject({ written: true, inserted: 0 });
      expect(await snapshot()).toEqual(before);
    });
  }

  it('gives an empty template with the header only, without an audit event', async () => {
    const res = await counsellor.get('/api/v1/exports/vacancies.xlsx?template=true');
    const [header, ...rows] = await readBack(res.rawPayload, 'xlsx');
    expect(header).toContain('공고제목');
    expect(rows).toEqual([]);
  });
});
