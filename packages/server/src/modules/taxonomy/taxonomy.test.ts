import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { ensureDefaultTaxonomies } from './defaults.js';

type Item = {
  id: number;
  scheme: string;
  code: string;
  label: string;
  level: number;
  parentCode: string | null;
};
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

describe.each(testDatabases())('the taxonomy API on $name', (database) => {
  let t: TestApp;
  const get = async <T>(url: string) => {
    const res = await t.client().get(url);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as T;
  };
  const labels = (page: Page<Item>) => page.items.map((i) => `${i.scheme} ${i.code} ${i.label}`);

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
  });
  afterAll(() => t.close());

  it('starts with KECO-2018 in four levels, its KSCO-7 crosswalk, the 24 NCS fields and Bupyeong', async () => {
    expect(await get('/api/v1/taxonomy/schemes')).toEqual([
      // The demo registry brings its own certificate list (modules/demo/registry-demo-data.ts).
      { kind: 'certificate', scheme: 'DEMO-CERT', items: 14, levels: 1 },
      { kind: 'occupation', scheme: 'KECO-2018', items: 10 + 35 + 136 + 450, levels: 4 },
      { kind: 'occupation', scheme: 'KSCO-7', items: 450, levels: 1 },
      { kind: 'skill', scheme: 'NCS', items: 24, levels: 1 },
      { kind: 'region', scheme: 'KOSTAT-2018', items: 24, levels: 3 },
    ]);
  });

  it('finds 간호사 and 간호조무사 by typing 간호, the exact word first', async () => {
    const page = await get<Page<Item>>('/api/v1/taxonomy/occupations?q=간호&scheme=KECO-2018');
    expect(labels(page)).toEqual([
      'KECO-2018 304 간호사',
      'KECO-2018 3040 간호사',
      'KECO-2018 3075 간호조무사',
    ]);
    expect(page.total).toBe(3);
  });

  it('finds them by 초성 too, and by the syllable being typed', async () => {
    const initials = await get<Page<Item>>('/api/v1/taxonomy/occupations?q=ㄱㅎ&scheme=KECO-2018&level=4');
    expect(labels(initials)).toContain('KECO-2018 3040 간호사');
    expect(labels(initials)).toContain('KECO-2018 3075 간호조무사');
    for (const item of initials.items) expect(item.level).toBe(4);
    const typing = await get<Page<Item>>(
      `/api/v1/taxonomy/occupations?q=${encodeURIComponent('간호ㅈ')}&scheme=KECO-2018`,
    );
    expect(labels(typing)).toEqual(['KECO-2018 3075 간호조무사']);
  });

  it('searches every scheme when none is named, and pages the matches', async () => {
    const all = await get<Page<Item>>('/api/v1/taxonomy/occupations?q=간호조무사');
    expect(labels(all)).toEqual(['KECO-2018 3075 간호조무사', 'KSCO-7 2465 간호조무사']);
    const first = await get<Page<Item>>('/api/v1/taxonomy/occupations?q=관리자&pageSize=5');
    const second = await get<Page<Item>>('/api/v1/taxonomy/occupations?q=관리자&pageSize=5&page=2');
    expect(first.total).toBeGreaterThan(10);
    expect(second.total).toBe(first.total);
    expect(first.items).toHaveLength(5);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
  });

  it('lists without a query in scheme and code order, by level or under a parent', async () => {
    const majors = await get<Page<Item>>(
      '/api/v1/taxonomy/occupations?scheme=KECO-2018&level=1&pageSize=100',
    );
    expect(majors.total).toBe(10);
    expect(majors.items.map((i) => i.code)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const nursing = await get<Page<Item>>(
      '/api/v1/taxonomy/occupations?scheme=KECO-2018&parentCode=30&pageSize=100',
    );
    expect(nursing.items.every((i) => i.parentCode === '30' && i.level === 3)).toBe(true);
    expect(nursing.items.map((i) => i.code)).toContain('304');
  });

  it('shows an item with its ancestors, children and crosswalk', async () => {
    const nurse = await get<{
      label: string;
      level: number;
      ancestors: Item[];
      children: Item[];
      mappings: { scheme: string; code: string; label: string | null }[];
    }>('/api/v1/taxonomy/occupations/KECO-2018/3040');
    expect(nurse.label).toBe('간호사');
    expect(nurse.level).toBe(4);
    expect(nurse.ancestors.map((a) => `${a.code} ${a.label}`)).toEqual([
      '3 보건·의료직',
      '30 보건·의료직',
      '304 간호사',
    ]);
    expect(nurse.children).toEqual([]);
    expect(nurse.mappings).toEqual([{ scheme: 'KSCO-7', code: '2430', label: '간호사' }]);

    const ksco = await get<{ mappings: unknown[] }>('/api/v1/taxonomy/occupations/KSCO-7/2430');
    expect(ksco.mappings).toEqual([{ scheme: 'KECO-2018', code: '3040', label: '간호사' }]);

    const middle = await get<{ children: Item[]; ancestors: Item[] }>(
      '/api/v1/taxonomy/occupations/KECO-2018/30',
    );
    expect(middle.ancestors.map((a) => a.code)).toEqual(['3']);
    expect(middle.children.map((c) => c.code)).toContain('304');
  });

  it('answers 404 for an unknown code, and 400 for a malformed scheme or query', async () => {
    const missing = await t.client().get('/api/v1/taxonomy/occupations/KECO-2018/9999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
    const skillAsOccupation = await t.client().get('/api/v1/taxonomy/occupations/NCS/01');
    expect(skillAsOccupation.statusCode).toBe(404);
    const badScheme = await t.client().get('/api/v1/taxonomy/occupations/KECO%202018/3040');
    expect(badScheme.statusCode).toBe(400);
    expect(badScheme.json().errors).toEqual([
      expect.objectContaining({ field: 'scheme', code: 'invalid_format' }),
    ]);
    const unknownParam = await t.client().get('/api/v1/taxonomy/occupations?limit=5');
    expect(unknownParam.statusCode).toBe(400);
    expect(unknownParam.json().errors).toEqual([
      expect.objectContaining({ field: 'limit', code: 'unknown_field' }),
    ]);
  });

  it('searches the NCS skills', async () => {
    const page = await get<Page<Item>>('/api/v1/taxonomy/skills?q=정보');
    expect(labels(page)).toEqual(['NCS 20 정보통신']);
    const item = await get<{ label: string }>('/api/v1/taxonomy/skills/NCS/06');
    expect(item.label).toBe('보건/의료');
    const certificates = await get<Page<Item>>('/api/v1/taxonomy/certificates?q=간호');
    expect(labels(certificates).sort()).toEqual([
      'DEMO-CERT nurse 간호사 면허',
      'DEMO-CERT nurse-aide 간호조무사',
    ]);
  });

  it('lists Bupyeong with centroids inside Incheon, polygons only when asked for', async () => {
    type R = {
      code: string;
      name: string;
      level: string;
      parentCode: string | null;
      adminCode: string | null;
      lon: number | null;
      lat: number | null;
      geometry?: { type: string } | null;
    };
    const dongs = await get<Page<R>>('/api/v1/regions?scheme=KOSTAT-2018&level=dong&pageSize=50');
    expect(dongs.total).toBe(22);
    expect(dongs.items[0]).toMatchObject({ code: '2306051', name: '부평1동', parentCode: '23060' });
    for (const d of dongs.items) {
      expect(d.geometry).toBeUndefined();
      expect(d.lon).toBeGreaterThan(126.67);
      expect(d.lon).toBeLessThan(126.77);
      expect(d.lat).toBeGreaterThan(37.46);
      expect(d.lat).toBeLessThan(37.53);
    }
    const district = await get<Page<R>>('/api/v1/regions?level=sigungu');
    expect(district.items).toEqual([
      expect.objectContaining({ code: '23060', name: '부평구', adminCode: '28237', parentCode: '23' }),
    ]);
    // The district's centre is among its dongs'.
    const lons = dongs.items.map((d) => d.lon!);
    expect(district.items[0]!.lon).toBeGreaterThan(Math.min(...lons));
    expect(district.items[0]!.lon).toBeLessThan(Math.max(...lons));
    const withShapes = await get<Page<R>>('/api/v1/regions?parentCode=23060&geometry=1&pageSize=2');
    expect(withShapes.items.map((d) => d.geometry?.type)).toEqual(['MultiPolygon', 'MultiPolygon']);
    const sido = await get<Page<R>>('/api/v1/regions?level=sido&geometry=1');
    expect(sido.items).toEqual([
      expect.objectContaining({ code: '23', name: '인천광역시', adminCode: '28', geometry: null, lon: null }),
    ]);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.client().get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/taxonomy/occupations',
        '/api/v1/taxonomy/occupations/{scheme}/{code}',
        '/api/v1/regions',
      ]),
    );
  });
});
