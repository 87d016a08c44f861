import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { type Db, openDb } from '../../db/kysely.js';
import { createTestApp, type TestApp, TestClient } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { ensureDefaultTaxonomies } from '../taxonomy/defaults.js';
import {
  deleteVacancy,
  demoOrganisationId,
  insertEmployer,
  insertSeeker,
  insertVacancy,
  renameEmployer,
  updateVacancy,
} from './search.fixtures.js';
import { searchIndexes, seoulToday } from './search-index.js';

/** A second connection to the same database, as another server process would hold. */
function secondConnection(db: Db): Db {
  if (db.dialect === 'sqlite') return openDb({ sqliteFile: db.describe.replace(/^sqlite:/, '') });
  const schema = /\(schema (\w+)\)/.exec(db.describe)?.[1];
  return openDb({ databaseUrl: process.env.TEST_DATABASE_URL!, ...(schema ? { schema } : {}), poolSize: 2 });
}

/** Another app (another server process, in effect) over its own connection to the same database. */
async function secondApp(db: Db): Promise<{ app: FastifyInstance; db: Db; close(): Promise<void> }> {
  const other = secondConnection(db);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-data-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', WEB_DIR: '/nonexistent' });
  const app = await buildApp({ config, db: other, logger: false });
  await app.ready();
  return {
    app,
    db: other,
    close: async () => {
      await app.close();
      await other.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

interface Page {
  items: { id: number; title: string; employerName: string; occupation: { label: string | null } }[];
  total: number;
  facets: Record<string, { value: string; label: string; count: number }[]>;
}

const addDays = (days: number) => {
  const d = new Date(`${seoulToday()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe.each(testDatabases())('search on $name', (database) => {
  let t: TestApp;
  let orgId: number;
  let employerId: number;
  let dongs: { code: string; name: string }[];
  const search = async (query: string, client: TestClient = t.client()) => {
    const res = await client.get(`/api/v1/vacancies?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Page;
  };
  const ids = (page: Page) => page.items.map((i) => i.id);

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    orgId = await demoOrganisationId(t.db);
    employerId = await insertEmployer(t.db, orgId, '청천요양병원 Cheongcheon Care');
    dongs = await t.db.kysely
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('level', '=', 'dong')
      .orderBy('code')
      .execute();
  });
  afterAll(() => t.close());

  it('finds a vacancy written to the database by the next search: 간호, ㄱㅎ, an English word', async () => {
    // The index is built by this first search; the vacancy comes after, through the change log.
    await search('q=간호');
    const id = await insertVacancy(
      t.db,
      { organisationId: orgId, employerId },
      { title: '야간 간호조무사 채용' },
    );
    const byWord = await search('q=간호&pageSize=200');
    expect(ids(byWord)).toContain(id);
    const item = byWord.items.find((i) => i.id === id)!;
    expect(item.employerName).toBe('청천요양병원 Cheongcheon Care');
    expect(item.occupation.label).toBe('간호조무사');
    expect(ids(await search(`q=${encodeURIComponent('ㄱㅎ')}&pageSize=200`))).toContain(id);
    expect(ids(await search(`q=${encodeURIComponent('ㄱㅎㅈㅁㅅ')}`))).toContain(id);
    expect(ids(await search('q=cheongcheon'))).toContain(id);
    expect(ids(await search('q=야간 간호'))).toContain(id);
    // Each word is marked where it is found: in the title, and in the company's name.
    const marked = (await search(`q=${encodeURIComponent('간호조무사 요양')}`)).items.find(
      (i) => i.id === id,
    )!;
    expect(marked.highlights).toEqual([[3, 8]]);
    expect(marked.employerHighlights).toEqual([[2, 4]]);
  });

  it('follows edits, employer renames and deletions', async () => {
    const id = await insertVacancy(
      t.db,
      { organisationId: orgId, employerId },
      { title: '물류센터 상하차 보조' },
    );
    expect(ids(await search('q=상하차'))).toContain(id);
    await updateVacancy(t.db, id, { title: '물류센터 지게차 운전' });
    expect(ids(await search('q=상하차'))).not.toContain(id);
    expect(ids(await search('q=지게차'))).toContain(id);
    const renamed = await insertEmployer(t.db, orgId, '갈산물산');
    const other = await insertVacancy(
      t.db,
      { organisationId: orgId, employerId: renamed },
      { title: '포장 작업원' },
    );
    await renameEmployer(t.db, renamed, '십정푸드텍');
    expect(ids(await search('q=십정푸드텍'))).toContain(other);
    expect(ids(await search('q=갈산물산'))).not.toContain(other);
    await deleteVacancy(t.db, id);
    expect(ids(await search('q=지게차'))).not.toContain(id);
  });

  it('shows a write through one server process in a search through another at once', async () => {
    const b = await secondApp(t.db);
    try {
      const client = new TestClient(b.app);
      // B builds its index now, before the write.
      expect((await search('q=타일시공', client)).total).toBe(0);
      const id = await insertVacancy(
        t.db,
        { organisationId: orgId, employerId },
        { title: '타일시공 기능공' },
      );
      expect(ids(await search('q=타일시공', client))).toEqual([id]);
      // And the other way round: written through B's connection, found through A.
      const back = await insertVacancy(
        b.db,
        { organisationId: orgId, employerId },
        { title: '타일시공 보조' },
      );
      expect(ids(await search('q=타일시공&sort=newest'))).toEqual([back, id]);
    } finally {
      await b.close();
    }
  });

  it('follows the change log in the background too, within a second, without a search', async () => {
    const indexes = await searchIndexes(t.db);
    const id = await insertVacancy(t.db, { organisationId: orgId, employerId }, { title: '배경 갱신 확인' });
    const seeker = await insertSeeker(t.db, orgId, { name: '배경확인' });
    const deadline = Date.now() + 3000;
    while (!(indexes.vacancies.has(id) && indexes.seekers.has(seeker)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(indexes.vacancies.has(id)).toBe(true);
    expect(indexes.seekers.has(seeker)).toBe(true);
  });

  it('hides drafts, closed and expired vacancies from the public, and shows them to staff who ask', async () => {
    const company = await insertEmployer(t.db, orgId, '부개정밀');
    const base = { organisationId: orgId, employerId: company };
    const open = await insertVacancy(t.db, base, { title: '선반 가공원', closes_on: addDays(0) });
    const draft = await insertVacancy(t.db, base, { title: '선반 가공원', status: 'draft' });
    const expired = await insertVacancy(t.db, base, { title: '선반 가공원', closes_on: addDays(-1) });
    const closed = await insertVacancy(t.db, base, { title: '선반 가공원', status: 'closed' });
    const query = `q=선반&employerId=${company}`;
    expect(ids(await search(query))).toEqual([open]);
    // The public's status parameter is ignored: nothing but open vacancies, ever.
    expect(ids(await search(`${query}&status=draft`))).toEqual([open]);
    expect(ids(await search(`${query}&status=draft`, await t.signedIn('employer')))).toEqual([open]);
    const counsellor = await t.signedIn('counsellor');
    expect(ids(await search(`${query}&status=draft,closed&sort=newest`, counsellor))).toEqual([
      closed,
      draft,
    ]);
    expect(ids(await search(`${query}&status=open&sort=newest`, counsellor))).toEqual([expired, open]);
    const bad = await counsellor.get(`/api/v1/vacancies?status=archived`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'status', code: 'invalid_value' });
  });

  it('counts facets that add up and say what each filter would give', async () => {
    const company = await insertEmployer(t.db, orgId, '산곡테크');
    const base = { organisationId: orgId, employerId: company };
    const [d1, d2] = [dongs[0]!, dongs[1]!];
    await insertVacancy(t.db, base, { title: '용접공', dong_code: d1.code, employment_type: 'permanent' });
    await insertVacancy(t.db, base, {
      title: '용접공',
      dong_code: d1.code,
      employment_type: 'daily',
      wage_type: 'hourly',
      wage_amount: 10_320,
      preferred_groups: '["new_middle_aged"]',
    });
    await insertVacancy(t.db, base, {
      title: '용접공',
      dong_code: d2.code,
      employment_type: 'permanent',
      wage_amount: 4_100_000,
      occupation_code: '8111',
    });
    const all = await search(`employerId=${company}`);
    expect(all.total).toBe(3);
    for (const facet of ['employmentType', 'wageBand', 'dong', 'occupationGroup', 'education']) {
      expect(
        all.facets[facet]!.reduce((sum, v) => sum + v.count, 0),
        facet,
      ).toBe(3);
    }
    expect(all.facets.dong).toEqual([
      { value: d1.code, label: d1.name, count: 2 },
      { value: d2.code, label: d2.name, count: 1 },
    ]);
    expect(all.facets.occupationGroup).toEqual([
      { value: '3', label: '보건·의료직', count: 2 },
      { value: '8', label: '설치·정비·생산직', count: 1 },
    ]);
    expect(all.facets.employmentType).toContainEqual({ value: 'daily', label: '일용직', count: 1 });
    expect(all.facets.targetGroup).toEqual([{ value: 'new_middle_aged', label: '신중년', count: 1 }]);
    // Disjunctive: with a dong chosen, the dong facet still counts every dong.
    const oneDong = await search(`employerId=${company}&dong=${d1.code}`);
    expect(oneDong.total).toBe(2);
    expect(oneDong.facets.dong!.map((v) => v.count)).toEqual([2, 1]);
    expect(oneDong.facets.employmentType!.reduce((sum, v) => sum + v.count, 0)).toBe(2);
    // A filter on a middle level of the occupation chain, and a wage band.
    expect((await search(`employerId=${company}&occupationGroup=30`)).total).toBe(2);
    expect((await search(`employerId=${company}&wageBand=4m_plus,2m_2_5m`)).total).toBe(2);
    expect((await search(`employerId=${company}&minMonthlyWage=3000000`)).total).toBe(1);
    expect((await search(`employerId=${company}&postedWithin=1d`)).total).toBe(3);
  });

  it('relabels after a taxonomy import: the occupation label is searchable under its new name', async () => {
    const id = await insertVacancy(
      t.db,
      { organisationId: orgId, employerId },
      { title: '아파트 단지 정비 기사', occupation_code: '8112' },
    );
    expect(ids(await search('q=승강기'))).toContain(id);
    expect(ids(await search('q=엘리베이터'))).not.toContain(id);
    const now = new Date().toISOString();
    await t.db.kysely
      .updateTable('taxonomy_items')
      .set({ label: '엘리베이터 정비원', updated_at: now })
      .where('kind', '=', 'occupation')
      .where('scheme', '=', 'KECO-2018')
      .where('code', '=', '8112')
      .execute();
    await t.db.kysely
      .insertInto('taxonomy_imports')
      .values({
        kind: 'occupation',
        scheme: 'KECO-2018',
        mode: 'merge',
        source: 'test',
        inserted: 0,
        updated: 1,
        deleted: 0,
        created_at: now,
      })
      .execute();
    const page = await search('q=엘리베이터');
    expect(ids(page)).toContain(id);
    expect(page.items.find((i) => i.id === id)!.occupation.label).toBe('엘리베이터 정비원');
  });

  it('sorts by distance from a dong and refuses an unknown one', async () => {
    const company = await insertEmployer(t.db, orgId, '일신전자');
    const base = { organisationId: orgId, employerId: company };
    const here = await insertVacancy(t.db, base, { title: '검사원', dong_code: dongs[5]!.code });
    const there = await insertVacancy(t.db, base, { title: '검사원', dong_code: dongs[15]!.code });
    const page = await search(`employerId=${company}&sort=distance&near=${dongs[15]!.code}`);
    expect(ids(page)).toEqual([there, here]);
    const res = await t.client().get('/api/v1/vacancies?near=9999999');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'near', code: 'unknown_region' });
    expect((await t.client().get('/api/v1/vacancies?sort=distance')).statusCode).toBe(400);
  });

  it('lists seekers to desk staff masked, without the sensitive group, and to no one else', async () => {
    const id = await insertSeeker(t.db, orgId, {
      name: '김간호',
      phone: '01098765432',
      groups: '["disabled","career_break_women"]',
      home_dong_code: dongs[2]!.code,
      birth_year: 1995,
    });
    const counsellor = await t.signedIn('counsellor');
    const res = await counsellor.get('/api/v1/seekers?q=간호조무사&pageSize=200');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as {
      items: {
        id: number;
        maskedName: string;
        maskedPhone: string;
        groups: string[];
        homeDongName: string;
      }[];
      facets: Record<string, { value: string }[]>;
    };
    const item = page.items.find((i) => i.id === id)!;
    expect(item).toMatchObject({
      maskedName: '김*호',
      maskedPhone: '010-****-5432',
      homeDongName: dongs[2]!.name,
    });
    expect(item.groups).toContain('career_break_women');
    expect(item.groups).toContain('youth');
    expect(item.groups).not.toContain('disabled');
    expect(res.body).not.toContain('김간호');
    expect(res.body).not.toContain('98765432');
    expect(page.facets.targetGroup!.map((v) => v.value)).not.toContain('disabled');
    // Staff find a person by name; the list still shows it masked.
    const byName = (await counsellor.get('/api/v1/seekers?q=김간호')).json() as { items: { id: number }[] };
    expect(byName.items.map((i) => i.id)).toEqual([id]);
    expect((await counsellor.get('/api/v1/seekers?targetGroup=disabled')).statusCode).toBe(400);
    for (const role of ['employer', 'seeker', 'planner']) {
      expect((await (await t.signedIn(role)).get('/api/v1/seekers')).statusCode, role).toBe(403);
    }
    expect((await t.client().get('/api/v1/seekers')).statusCode).toBe(401);
  });

  it('keeps seekers of another organisation out of the list', async () => {
    const now = new Date().toISOString();
    const other = await t.db.kysely
      .insertInto('organisations')
      .values({ code: 'other-gu', name: '다른구', name_en: 'Other-gu', is_demo: 0, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const stranger = await insertSeeker(t.db, other.id, { name: '이방인' });
    const admin = await t.signedIn('admin');
    const page = (await admin.get('/api/v1/seekers?q=이방인')).json() as { total: number };
    expect(page.total).toBe(0);
    const all = (await admin.get('/api/v1/seekers?pageSize=200&sort=newest')).json() as {
      items: { id: number }[];
    };
    expect(all.items.map((i) => i.id)).not.toContain(stranger);
  });
});
