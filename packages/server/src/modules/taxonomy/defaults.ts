import fs from 'node:fs';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Db } from '../../db/kysely.js';
import { type Ctx, SYSTEM } from '../../http/context.js';
import { referenceDataPath } from '../../reference-data.js';
import { parseCsv } from './csv.js';
import { readRegionsGeoJson } from './geo.js';
import { applyRegions, applyTaxonomyRows, type ImportReport, recordImport } from './import.service.js';
import * as repo from './taxonomy.repository.js';
import type { ImportRow } from './taxonomy-import.js';

/**
 * The reference data every deployment starts with (reference-data/, see PROVENANCE.md):
 * - occupations, KECO-2018: its 10 대분류, 35 중분류, 136 소분류 and 450 세분류, as four levels
 *   of one parent chain (parents taken from the table's own columns, never from code lengths);
 * - occupations, KSCO-7: the 450 한국표준직업분류 세분류 the KECO table maps to, flat (the table
 *   does not give their hierarchy: importing the official KSCO table over them adds it), and
 *   the KECO-2018 → KSCO-7 crosswalk (one-to-one in this table);
 * - skills, NCS: the 24 NCS 대분류;
 * - regions, KOSTAT-2018: 인천광역시, 부평구 and its 22 행정동 with polygons and centroids.
 *   KOSTAT codes (23, 23060, 2306051…) are the statistics codes of the boundary file; the
 *   행정안전부 codes other systems use (28, 28237) are kept as `adminCode`.
 */
export const DEFAULT_SOURCE = 'reference-data';

const KECO = 'KECO-2018';
const KSCO = 'KSCO-7';
const NCS = 'NCS';
const REGIONS = 'KOSTAT-2018';

const INCHEON = { code: '23', name: '인천광역시', nameEn: 'Incheon', adminCode: '28' };
const BUPYEONG = { code: '23060', name: '부평구', nameEn: 'Bupyeong-gu', adminCode: '28237' };

/**
 * Loads each default scheme that was never imported into this database — on a new database,
 * all of them. A scheme an operator imported, replaced or emptied is left alone, so starting the
 * server never overwrites anyone's data. Safe when several processes start at once.
 */
export async function ensureDefaultTaxonomies(db: Db): Promise<ImportReport[]> {
  const ctx: Ctx = { db, actor: SYSTEM, requestId: `start-${Date.now()}` };
  const k = db.kysely;
  const reports: ImportReport[] = [];
  const load = async (work: () => Promise<ImportReport[]>) => {
    try {
      reports.push(...(await work()));
    } catch (error) {
      // Another process loaded the same defaults a moment earlier.
      if (!isUniqueViolation(error)) throw error;
    }
  };
  if (!(await repo.wasImported(k, 'occupation', KECO))) {
    await load(() =>
      k.transaction().execute(async (trx) => {
        const keco = kecoTable();
        const done = await applyTaxonomyRows(ctx, trx, 'occupation', keco.rows, 'default', DEFAULT_SOURCE);
        await repo.insertMappings(trx, 'occupation', KECO, KSCO, keco.crosswalk);
        return done;
      }),
    );
  }
  if (!(await repo.wasImported(k, 'occupation', KSCO))) {
    await load(() =>
      k
        .transaction()
        .execute((trx) => applyTaxonomyRows(ctx, trx, 'occupation', kscoRows(), 'default', DEFAULT_SOURCE)),
    );
  }
  if (!(await repo.wasImported(k, 'skill', NCS))) {
    await load(() =>
      k
        .transaction()
        .execute((trx) => applyTaxonomyRows(ctx, trx, 'skill', ncsRows(), 'default', DEFAULT_SOURCE)),
    );
  }
  if (!(await repo.wasImported(k, 'region', REGIONS))) {
    await load(() => k.transaction().execute(async (trx) => [await loadBupyeong(ctx, trx)]));
  }
  return reports;
}

interface KecoDetail {
  major: string;
  middle: string;
  minor: string;
  detail: string;
  detailName: string;
  ksco: string;
  kscoName: string;
}

function kecoDetails(): KecoDetail[] {
  const text = fs.readFileSync(referenceDataPath('keco-2018/keco2018_detail_450_with_ksco7.csv'), 'utf8');
  const [header, ...records] = parseCsv(text).records;
  const column = (name: string) => header!.cells.indexOf(name);
  const at = (cells: string[], name: string) => cells[column(name)]!.trim();
  return records.map(({ cells }) => ({
    major: at(cells, 'keco_major'),
    middle: at(cells, 'keco_middle'),
    minor: at(cells, 'keco_minor'),
    detail: at(cells, 'keco_detail'),
    detailName: at(cells, 'keco_detail_name'),
    ksco: at(cells, 'ksco7_detail'),
    kscoName: at(cells, 'ksco7_detail_name'),
  }));
}

/** KECO-2018's four levels as one parent chain, and its crosswalk to KSCO-7. */
function kecoTable(): { rows: ImportRow[]; crosswalk: { from: string; to: string }[] } {
  const names = JSON.parse(
    fs.readFileSync(referenceDataPath('keco-2018/keco2018_major_middle_minor.json'), 'utf8'),
  ) as Record<'major' | 'middle' | 'minor', Record<string, string>>;
  const details = kecoDetails();
  // Each group's parent, as the detail table states it.
  const parents = new Map<string, string | null>();
  for (const d of details) {
    parents.set(d.major, null);
    parents.set(d.middle, d.major);
    parents.set(d.minor, d.middle);
  }
  const rows: ImportRow[] = [];
  const add = (code: string, label: string, parentCode: string | null) =>
    rows.push({ line: rows.length + 1, scheme: KECO, code, label, labelEn: null, parentCode, aliases: [] });
  for (const level of ['major', 'middle', 'minor'] as const) {
    for (const [code, label] of Object.entries(names[level])) {
      if (!parents.has(code)) throw new Error(`KECO-2018 ${level} group ${code} has no detail code under it`);
      add(code, label, parents.get(code)!);
    }
  }
  for (const d of details) add(d.detail, d.detailName, d.minor);
  return { rows, crosswalk: details.map((d) => ({ from: d.detail, to: d.ksco })) };
}

/** The KSCO-7 detail codes the KECO table maps to. */
function kscoRows(): ImportRow[] {
  return kecoDetails().map((d, i) => ({
    line: i + 1,
    scheme: KSCO,
    code: d.ksco,
    label: d.kscoName,
    labelEn: null,
    parentCode: null,
    aliases: [],
  }));
}

/** The 24 NCS fields (대분류). */
function ncsRows(): ImportRow[] {
  const { codes } = JSON.parse(
    fs.readFileSync(referenceDataPath('keco-2018/ncs_level1_24.json'), 'utf8'),
  ) as {
    codes: Record<string, string>;
  };
  return Object.entries(codes).map(([code, label], i) => ({
    line: i + 1,
    scheme: NCS,
    code,
    label,
    labelEn: null,
    parentCode: null,
    aliases: [],
  }));
}

/** 인천광역시, 부평구 and the 22 dongs with their polygons; 부평구 is centred on its dongs. */
async function loadBupyeong(ctx: Ctx, trx: Parameters<typeof applyRegions>[0]): Promise<ImportReport> {
  const { features, errors } = readRegionsGeoJson(
    fs.readFileSync(referenceDataPath('geo/bupyeong_dong.geojson')),
  );
  if (errors.length) throw new Error(`reference-data/geo/bupyeong_dong.geojson: ${JSON.stringify(errors)}`);
  const now = new Date().toISOString();
  const unmapped = { lon: null, lat: null, geometry: null, created_at: now, updated_at: now };
  await repo.upsertRegions(trx, [
    { scheme: REGIONS, ...region(INCHEON), level: 'sido', parent_code: null, ...unmapped },
    { scheme: REGIONS, ...region(BUPYEONG), level: 'sigungu', parent_code: INCHEON.code, ...unmapped },
  ]);
  const report = await applyRegions(
    trx,
    { scheme: REGIONS, parentCode: BUPYEONG.code, level: 'dong', mode: 'default' },
    features,
  );
  const total = { ...report, inserted: report.inserted + 2 };
  await recordImport(ctx, trx, total, DEFAULT_SOURCE, now);
  return total;
}

function region(r: { code: string; name: string; nameEn: string; adminCode: string }) {
  return { code: r.code, name: r.name, name_en: r.nameEn, admin_code: r.adminCode };
}
