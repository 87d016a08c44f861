import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli } from '../../cli/program.js';
import { openDb } from '../../db/kysely.js';
import { type Ctx, SYSTEM } from '../../http/context.js';
import { AppError } from '../../http/errors.js';
import { createTestApp, type TestApp } from '../../test/app.js';
import { testDatabases } from '../../test/databases.js';
import { ensureDefaultTaxonomies } from './defaults.js';
import { importRegionsFile, importTaxonomyFile } from './import.service.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const csv = (text: string) => new TextEncoder().encode(text);

/** The field errors an import refused with, as `field code`. */
async function refusal(work: Promise<unknown>): Promise<string[]> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe('VALIDATION');
  return (error as AppError).fieldErrors.map((e) => `${e.field} ${e.code}`);
}

describe.each(testDatabases())('taxonomy and region imports on $name', (database) => {
  let t: TestApp;
  let ctx: Ctx;
  const count = async (table: 'taxonomy_items' | 'regions' | 'taxonomy_imports' | 'taxonomy_mappings') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const search = async (q: string, kind = 'occupations') =>
    (await t.client().get(`/api/v1/taxonomy/${kind}?q=${encodeURIComponent(q)}`)).json() as {
      items: { scheme: string; code: string; level: number }[];
      total: number;
    };

  beforeAll(async () => {
    t = await createTestApp(database);
    await ensureDefaultTaxonomies(t.db);
    ctx = { db: t.db, actor: SYSTEM, requestId: 'test-import' };
  });
  afterAll(() => t.close());

  it('loads the defaults once: starting again changes nothing', async () => {
    const before = await Promise.all([count('taxonomy_items'), count('regions'), count('taxonomy_imports')]);
    expect(await ensureDefaultTaxonomies(t.db)).toEqual([]);
    expect(await Promise.all([count('taxonomy_items'), count('regions'), count('taxonomy_imports')])).toEqual(
      before,
    );
    expect(await count('taxonomy_mappings')).toBe(450);
  });

  it('imports an ISCO-08 excerpt beside KECO, with levels from the chain, and the typeahead finds it at once', async () => {
    const before = await search('간호 전문가');
    expect(before.total).toBe(0);
    const reports = await importTaxonomyFile(ctx, {
      kind: 'occupation',
      scheme: 'ISCO-08',
      mode: 'merge',
      bytes: fixture('isco08-excerpt.csv'),
      source: 'isco08-excerpt.csv',
    });
    expect(reports).toEqual([
      {
        kind: 'occupation',
        scheme: 'ISCO-08',
        mode: 'merge',
        inserted: 9,
        updated: 0,
        unchanged: 0,
        deleted: 0,
      },
    ]);
    const item = (await t.client().get('/api/v1/taxonomy/occupations/ISCO-08/2221')).json();
    expect(item).toMatchObject({ label: '간호 전문가', labelEn: 'Nursing professionals', level: 4 });
    expect(item.ancestors.map((a: { code: string }) => a.code)).toEqual(['2', '22', '222']);
    expect(item.aliases).toEqual(['간호사', 'RN', 'Registered nurse']);
    // The alias and the English label are searchable, and KECO is still there.
    // Both words, anywhere: the item that is exactly them comes first.
    const both = await search('간호 전문가');
    expect(both.items.map((i) => i.code)).toEqual(['2221', '222', '3221', '322']);
    expect((await search('registered')).items.map((i) => `${i.scheme} ${i.code}`)).toEqual(['ISCO-08 2221']);
    expect((await search('간호사')).items.map((i) => i.scheme)).toEqual(
      expect.arrayContaining(['KECO-2018', 'ISCO-08']),
    );
    const audit = await t.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'actor_role'])
      .where('entity_id', '=', 'occupation:ISCO-08')
      .execute();
    expect(audit).toEqual([
      { action: 'taxonomy.import', entity_id: 'occupation:ISCO-08', actor_role: 'system' },
    ]);
  });

  it('merges a second file: unchanged rows stay, changed ones update, a moved subtree gets new levels', async () => {
    const again = await importTaxonomyFile(ctx, {
      kind: 'occupation',
      scheme: 'ISCO-08',
      mode: 'merge',
      bytes: fixture('isco08-excerpt.csv'),
      source: 'again',
    });
    expect(again[0]).toMatchObject({ inserted: 0, updated: 0, unchanged: 9 });
    // 222 moves to the top: it and its children rise two levels.
    const moved = await importTaxonomyFile(ctx, {
      kind: 'occupation',
      scheme: 'ISCO-08',
      mode: 'merge',
      bytes: csv('code,name,parent_code\n222,간호 및 조산 전문가,\n'),
      source: 'move',
    });
    expect(moved[0]).toMatchObject({ inserted: 0, updated: 1 + 2, unchanged: 0 });
    const nurse = (await t.client().get('/api/v1/taxonomy/occupations/ISCO-08/2221')).json();
    expect(nurse.level).toBe(2);
    expect(nurse.ancestors.map((a: { code: string }) => a.code)).toEqual(['222']);
  });

  it('refuses a bad file row by row and writes nothing', async () => {
    const before = await Promise.all([
      count('taxonomy_items'),
      count('taxonomy_imports'),
      count('taxonomy_mappings'),
    ]);
    expect(
      await refusal(
        importTaxonomyFile(ctx, {
          kind: 'occupation',
          scheme: 'ISCO-08',
          mode: 'merge',
          bytes: fixture('isco08-bad.csv'),
          source: 'bad',
        }),
      ),
    ).toEqual([
      // Line 4's parent 222 is in the database: in a merge, that is allowed.
      'rows.5.code duplicate_code',
      'rows.6.name required',
      'rows.7.parent_code parent_cycle',
      'rows.8.parent_code parent_cycle',
    ]);
    expect(
      await Promise.all([count('taxonomy_items'), count('taxonomy_imports'), count('taxonomy_mappings')]),
    ).toEqual(before);
  });

  it('replaces a scheme: codes the file lacks go, with their crosswalk rows, and the search forgets them', async () => {
    const reports = await importTaxonomyFile(ctx, {
      kind: 'occupation',
      scheme: 'KSCO-7',
      mode: 'replace',
      bytes: csv('code,name,name_en\n2430,간호사,Nurses\n'),
      source: 'ksco-small.csv',
    });
    expect(reports[0]).toMatchObject({ inserted: 0, updated: 1, deleted: 449 });
    expect((await search('간호조무사')).items.map((i) => i.scheme)).not.toContain('KSCO-7');
    expect(await count('taxonomy_mappings')).toBe(1);
    const keco = (await t.client().get('/api/v1/taxonomy/occupations/KECO-2018/3040')).json();
    expect(keco.mappings).toEqual([{ scheme: 'KSCO-7', code: '2430', label: '간호사' }]);
    // A replaced default is not loaded again at the next start.
    expect(await ensureDefaultTaxonomies(t.db)).toEqual([]);
  });

  it('imports several schemes from one file with a scheme column, as skills', async () => {
    const reports = await importTaxonomyFile(ctx, {
      kind: 'skill',
      mode: 'merge',
      bytes: csv(
        'scheme,code,name,parent_code,aliases\nESCO,S1,의사소통,,communication\nESCO,S1.1,발표,S1,\nNCS,2001,정보기술,,\n',
      ),
      source: 'skills.csv',
    });
    expect(reports.map((r) => [r.scheme, r.inserted])).toEqual([
      ['ESCO', 2],
      ['NCS', 1],
    ]);
    expect((await search('communic', 'skills')).items.map((i) => i.code)).toEqual(['S1']);
    // NCS kept its 24 fields: merge adds.
    const ncs = (await t.client().get('/api/v1/taxonomy/skills?scheme=NCS&pageSize=100')).json();
    expect(ncs.total).toBe(25);
  });

  it('follows imports made by another process (another connection to the same database)', async () => {
    // A second Db object is, to the in-memory registry, another process: it shares only the tables.
    const other: Ctx = { db: { ...t.db }, actor: SYSTEM, requestId: 'other-process' };
    await importTaxonomyFile(other, {
      kind: 'certificate',
      scheme: 'Q-NET',
      mode: 'merge',
      bytes: csv('code,name\n1320,정보처리기사\n7910,한식조리기능사\n'),
      source: 'qnet.csv',
    });
    expect((await search('정보처리', 'certificates')).items.map((i) => i.code)).toEqual(['1320']);
  });

  it('refuses imports by anyone but an operator or an admin', async () => {
    const planner: Ctx = {
      db: t.db,
      actor: { kind: 'planner', userId: 1, organisationId: 1, unitIds: [], employerId: null },
      requestId: 'x',
    };
    const error = await importTaxonomyFile(planner, {
      kind: 'skill',
      scheme: 'X',
      mode: 'merge',
      bytes: csv('code,name\na,b\n'),
      source: 'x',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FORBIDDEN' });
  });

  it("imports another district's dongs under a new parent, with centroids, and centres the parent on them", async () => {
    const report = await importRegionsFile(ctx, {
      scheme: 'KOSTAT-2018',
      parentCode: '23999',
      mode: 'merge',
      bytes: fixture('two-areas.geojson'),
      source: 'two-areas.geojson',
      newParent: {
        name: '가상구',
        nameEn: 'Gasang-gu',
        level: 'sigungu',
        parentCode: '23',
        adminCode: '28999',
      },
    });
    expect(report).toMatchObject({ kind: 'region', inserted: 2, updated: 0, deleted: 0 });
    const page = (await t.client().get('/api/v1/regions?parentCode=23999')).json();
    expect(page.items.map((r: { code: string; level: string }) => `${r.code} ${r.level}`)).toEqual([
      '9990001 dong',
      '9990002 dong',
    ]);
    const [first, second] = page.items;
    expect(first.lon).toBeCloseTo(126.71, 9);
    expect(first.lat).toBeCloseTo(37.405, 9);
    // A 0.01° square and a 0.03° square less a 0.01° hole (centre 126.76/37.41).
    const parts = [
      { area: 1, lon: 126.735, lat: 37.405 },
      { area: 9, lon: 126.765, lat: 37.415 },
      { area: -1, lon: 126.76, lat: 37.41 },
    ];
    const weigh = (key: 'lon' | 'lat') => parts.reduce((s, p) => s + p.area * p[key], 0) / 9;
    expect(second.lon).toBeCloseTo(weigh('lon'), 9);
    expect(second.lat).toBeCloseTo(weigh('lat'), 9);
    const parent = (await t.client().get('/api/v1/regions?level=sigungu'))
      .json()
      .items.find((r: { code: string }) => r.code === '23999');
    expect(parent).toMatchObject({ name: '가상구', parentCode: '23', adminCode: '28999' });
    expect(parent.lon).toBeCloseTo((2 * first.lon + 9 * second.lon) / 11, 9);
  });

  it("replaces a district's dongs: one the file lacks is deleted, Bupyeong is untouched", async () => {
    const one = JSON.parse(fixture('two-areas.geojson').toString('utf8'));
    one.features = one.features.slice(0, 1);
    const report = await importRegionsFile(ctx, {
      scheme: 'KOSTAT-2018',
      parentCode: '23999',
      mode: 'replace',
      bytes: Buffer.from(JSON.stringify(one)),
      source: 'one.geojson',
    });
    expect(report).toMatchObject({ inserted: 0, updated: 1, deleted: 1 });
    expect((await t.client().get('/api/v1/regions?parentCode=23999')).json().total).toBe(1);
    expect((await t.client().get('/api/v1/regions?parentCode=23060')).json().total).toBe(22);
  });

  it('refuses bad regions, an unknown parent or a level above the parent, and writes nothing', async () => {
    const before = await count('regions');
    expect(
      await refusal(
        importRegionsFile(ctx, {
          scheme: 'KOSTAT-2018',
          parentCode: '23060',
          mode: 'merge',
          bytes: fixture('bad-areas.geojson'),
          source: 'bad',
        }),
      ),
    ).toEqual([
      'features.0.code required',
      'features.1.geometry invalid_geometry',
      'features.2.geometry invalid_geometry',
      'features.3.geometry invalid_geometry',
    ]);
    const good = fixture('two-areas.geojson');
    expect(
      await refusal(
        importRegionsFile(ctx, {
          scheme: 'KOSTAT-2018',
          parentCode: '99999',
          mode: 'merge',
          bytes: good,
          source: 'x',
        }),
      ),
    ).toEqual(['parentCode unknown_parent']);
    expect(
      await refusal(
        importRegionsFile(ctx, {
          scheme: 'KOSTAT-2018',
          parentCode: '2306051',
          level: 'sigungu',
          mode: 'merge',
          bytes: good,
          source: 'x',
        }),
      ),
    ).toEqual(['level invalid_value']);
    // 인천 cannot become a dong of 부평구: it is 부평구's own parent.
    const loop = JSON.parse(good.toString('utf8'));
    loop.features[1].properties = { code: '23', name: '인천광역시' };
    expect(
      await refusal(
        importRegionsFile(ctx, {
          scheme: 'KOSTAT-2018',
          parentCode: '23060',
          mode: 'merge',
          bytes: Buffer.from(JSON.stringify(loop)),
          source: 'x',
        }),
      ),
    ).toEqual(['features.1.code parent_cycle']);
    expect(await count('regions')).toBe(before);
  });
});

describe('ilteo taxonomy (command line, SQLite)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  /** Runs `ilteo <args>` in this process on a database in dataDir: what it prints, or its error. */
  async function ilteo(dataDir: string, ...args: string[]) {
    const saved = { DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL };
    process.env.DATA_DIR = dataDir;
    delete process.env.DATABASE_URL;
    const lines: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
      lines.push(parts.join(' '));
    });
    try {
      await buildCli().parseAsync(['node', 'ilteo', ...args]);
      return { stdout: lines.join('\n'), error: null };
    } catch (error) {
      return { stdout: lines.join('\n'), error: error instanceof Error ? error.message : String(error) };
    } finally {
      log.mockRestore();
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  }

  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ilteo-taxonomy-cli-'));
    dirs.push(dir);
  });
  const fixturePath = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;

  it('imports a CSV file on a new database, after the defaults', async () => {
    const run = await ilteo(
      dir,
      'taxonomy',
      'import',
      '--kind',
      'occupation',
      '--scheme',
      'ISCO-08',
      '--file',
      fixturePath('isco08-excerpt.csv'),
    );
    expect(run.error).toBeNull();
    expect(run.stdout).toBe('ISCO-08 (occupation, merge): 9 added, 0 updated, 0 unchanged, 0 deleted');
    const schemes = await ilteo(dir, 'taxonomy', 'schemes');
    expect(schemes.stdout.split('\n')).toEqual([
      'occupation  ISCO-08             9 items, 4 levels',
      'occupation  KECO-2018         631 items, 4 levels',
      'occupation  KSCO-7            450 items, 1 levels',
      'skill       NCS                24 items, 1 levels',
      'region      KOSTAT-2018        24 items, 3 levels',
    ]);
  });

  it('prints every problem of a bad file by line, and writes nothing (replace: parents must be in the file)', async () => {
    const run = await ilteo(
      dir,
      'taxonomy',
      'import',
      '--kind',
      'occupation',
      '--scheme',
      'ISCO-08',
      '--mode',
      'replace',
      '--file',
      fixturePath('isco08-bad.csv'),
    );
    expect(run.error).toContain('VALIDATION');
    expect(run.error).toContain("rows.4.parent_code: 상위 코드 '222'가 이 분류체계에 없습니다.");
    expect(run.error).toContain('rows.6.name: 필수 항목입니다.');
    expect(run.error).toContain('rows.7.parent_code');
    const db = openDb({ sqliteFile: path.join(dir, 'ilteo.sqlite') });
    try {
      const rows = await db.kysely
        .selectFrom('taxonomy_items')
        .select('code')
        .where('scheme', '=', 'ISCO-08')
        .execute();
      expect(rows).toHaveLength(9);
    } finally {
      await db.close();
    }
  });

  it('imports regions under a parent it creates, and says what is missing', async () => {
    const run = await ilteo(
      dir,
      'taxonomy',
      'import-regions',
      '--file',
      fixturePath('two-areas.geojson'),
      '--scheme',
      'KOSTAT-2018',
      '--parent-code',
      '23999',
      '--parent-name',
      '가상구',
      '--parent-parent-code',
      '23',
    );
    expect(run.error).toBeNull();
    expect(run.stdout).toBe('KOSTAT-2018 (region, merge): 2 added, 0 updated, 0 unchanged, 0 deleted');
    const missing = await ilteo(
      dir,
      'taxonomy',
      'import-regions',
      '--file',
      fixturePath('two-areas.geojson'),
      '--scheme',
      'KOSTAT-2018',
      '--parent-code',
      '11111',
    );
    expect(missing.error).toContain("parentCode: 상위 코드 '11111'가 이 분류체계에 없습니다.");
    const noFile = await ilteo(
      dir,
      'taxonomy',
      'import',
      '--kind',
      'skill',
      '--scheme',
      'X',
      '--file',
      '/nonexistent.csv',
    );
    expect(noFile.error).toBe('cannot read /nonexistent.csv: ENOENT');
  });
});
