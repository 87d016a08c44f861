import {
  type FieldError,
  type ImportMode,
  REGION_LEVELS,
  type RegionLevel,
  SchemeName,
  TaxonomyCode,
  type TaxonomyKind,
} from '@ilteo/shared';
import type { Insertable, Kysely } from 'kysely';
import type { Database, RegionTable, TaxonomyImportTable } from '../../db/tables.js';
import type { Ctx } from '../../http/context.js';
import { fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import {
  centroidOf,
  combinedCentroid,
  type Geometry,
  type RegionFeature,
  readRegionsGeoJson,
} from './geo.js';
import { checkCanImport } from './taxonomy.policy.js';
import { aliasesOf } from './taxonomy.presenter.js';
import * as repo from './taxonomy.repository.js';
import { type ImportRow, MAX_IMPORT_BYTES, planScheme, readTaxonomyCsv } from './taxonomy-import.js';

/** What an import did to one scheme. */
export interface ImportReport {
  kind: TaxonomyKind | 'region';
  scheme: string;
  mode: ImportMode | 'default';
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

type Trx = Kysely<Database>;

const byLine = (e: FieldError) => Number(/^(?:rows|features)\.(\d+)/.exec(e.field)?.[1] ?? 0);

function refuse(errors: FieldError[]): never {
  throw validationError([...errors].sort((a, b) => byLine(a) - byLine(b)));
}

function checkSize(bytes: Uint8Array): void {
  if (bytes.length > MAX_IMPORT_BYTES) refuse([fieldError('file', 'file_too_large', { max: '50 MB' })]);
}

/**
 * Imports taxonomy items from a CSV file (see readTaxonomyCsv for the columns). Several schemes
 * may be in one file. Every row is checked against the file and the database first; on any
 * problem nothing is written and every problem is reported by line and column. Otherwise, in one
 * transaction: `merge` adds new codes and updates changed ones, leaving the others (whose parents
 * may then come from the database); `replace` makes each scheme exactly the file, deleting the
 * codes it lacks and their crosswalk rows. Levels are recomputed from the parent chain.
 */
export async function importTaxonomyFile(
  ctx: Ctx,
  input: {
    kind: TaxonomyKind;
    scheme?: string | undefined;
    mode: ImportMode;
    bytes: Uint8Array;
    source: string;
  },
): Promise<ImportReport[]> {
  checkCanImport(ctx.actor);
  checkSize(input.bytes);
  if (input.scheme !== undefined && !SchemeName.safeParse(input.scheme).success) {
    refuse([fieldError('scheme', 'invalid_format')]);
  }
  const { rows, errors } = readTaxonomyCsv(input.bytes, input.scheme);
  if (rows.length === 0) refuse(errors);
  return ctx.db.kysely
    .transaction()
    .execute((trx) => applyTaxonomyRows(ctx, trx, input.kind, rows, input.mode, input.source, errors));
}

/** Plans every scheme of the rows against the database, then writes them all, or refuses. */
export async function applyTaxonomyRows(
  ctx: Ctx,
  trx: Trx,
  kind: TaxonomyKind,
  rows: ImportRow[],
  mode: ImportMode | 'default',
  source: string,
  /** Problems found while reading the rows: reported together with the structural ones. */
  readErrors: FieldError[] = [],
): Promise<ImportReport[]> {
  const schemes = new Map<string, ImportRow[]>();
  for (const row of rows) schemes.set(row.scheme, [...(schemes.get(row.scheme) ?? []), row]);
  const errors: FieldError[] = [...readErrors];
  const plans = [];
  for (const [scheme, schemeRows] of schemes) {
    const existing = (await repo.itemsOfScheme(trx, kind, scheme)).map((item) => ({
      code: item.code,
      label: item.label,
      labelEn: item.label_en,
      parentCode: item.parent_code,
      level: item.level,
      aliases: aliasesOf(item.aliases),
    }));
    const planned = planScheme(scheme, schemeRows, existing, mode === 'replace' ? 'replace' : 'merge');
    errors.push(...planned.errors);
    plans.push(planned.plan);
  }
  if (errors.length) refuse(errors);

  const now = new Date().toISOString();
  const reports: ImportReport[] = [];
  for (const plan of plans) {
    await repo.upsertItems(
      trx,
      [...plan.inserts, ...plan.updates].map((row) => ({
        kind,
        scheme: plan.scheme,
        code: row.code,
        label: row.label,
        label_en: row.labelEn,
        parent_code: row.parentCode,
        level: row.level,
        aliases: JSON.stringify(row.aliases),
        created_at: now,
        updated_at: now,
      })),
    );
    await repo.setLevels(trx, kind, plan.scheme, plan.levelChanges, now);
    await repo.deleteItems(trx, kind, plan.scheme, plan.deletions);
    const report: ImportReport = {
      kind,
      scheme: plan.scheme,
      mode,
      inserted: plan.inserts.length,
      updated: plan.updates.length + plan.levelChanges.length,
      unchanged: plan.unchanged,
      deleted: plan.deletions.length,
    };
    await recordImport(ctx, trx, report, source, now);
    reports.push(report);
  }
  return reports;
}

/** Logs an import (which also marks every in-memory search stale) and audits it. */
export async function recordImport(
  ctx: Ctx,
  trx: Trx,
  report: ImportReport,
  source: string,
  now: string,
): Promise<void> {
  await repo.insertImport(trx, {
    kind: report.kind as TaxonomyImportTable['kind'],
    scheme: report.scheme,
    mode: report.mode,
    source,
    inserted: report.inserted,
    updated: report.updated,
    deleted: report.deleted,
    created_at: now,
  });
  await audit(
    ctx,
    {
      action: 'taxonomy.import',
      entityType: report.kind === 'region' ? 'regions' : 'taxonomy',
      entityId: `${report.kind}:${report.scheme}`,
      after: { ...report, source },
    },
    trx,
  );
}

/** A parent region to create when the one named does not exist yet. */
export interface NewParentRegion {
  name: string;
  nameEn?: string | undefined;
  level: RegionLevel;
  /** Its own parent, which must exist. */
  parentCode?: string | undefined;
  adminCode?: string | undefined;
}

/**
 * Imports the regions of a GeoJSON file as children (by default dongs) of one region, with their
 * polygons and area-weighted centroids. The parent must exist, or be described by `newParent`.
 * `merge` adds and updates; `replace` also deletes the parent's children (and their descendants)
 * that the file lacks — a district's dongs after a reorganisation. A parent without polygons of
 * its own gets its centroid from all its children. Nothing is written on any problem.
 */
export async function importRegionsFile(
  ctx: Ctx,
  input: {
    scheme: string;
    parentCode: string;
    level?: RegionLevel | undefined;
    mode: ImportMode;
    bytes: Uint8Array;
    source: string;
    newParent?: NewParentRegion | undefined;
  },
): Promise<ImportReport> {
  checkCanImport(ctx.actor);
  checkSize(input.bytes);
  const level = input.level ?? 'dong';
  const optionErrors: FieldError[] = [];
  if (!SchemeName.safeParse(input.scheme).success) optionErrors.push(fieldError('scheme', 'invalid_format'));
  if (!TaxonomyCode.safeParse(input.parentCode).success)
    optionErrors.push(fieldError('parentCode', 'invalid_format'));
  if (optionErrors.length) refuse(optionErrors);
  const { features, errors } = readRegionsGeoJson(input.bytes);
  if (errors.length) refuse(errors);
  return ctx.db.kysely.transaction().execute(async (trx) => {
    const report = await applyRegions(trx, { ...input, level }, features);
    await recordImport(ctx, trx, report, input.source, new Date().toISOString());
    return report;
  });
}

/** Checks the regions against the scheme in the database, then writes them, or refuses. */
export async function applyRegions(
  trx: Trx,
  input: {
    scheme: string;
    parentCode: string;
    level: RegionLevel;
    mode: ImportMode | 'default';
    newParent?: NewParentRegion | undefined;
  },
  features: RegionFeature[],
): Promise<ImportReport> {
  const existing = new Map((await repo.regionsOfScheme(trx, input.scheme)).map((r) => [r.code, r]));
  const errors: FieldError[] = [];
  const now = new Date().toISOString();
  let parent = existing.get(input.parentCode);
  let parentCreated = false;
  if (!parent && input.newParent) {
    const grandparent = input.newParent.parentCode;
    const name = input.newParent.name.trim();
    if (!name) errors.push(fieldError('parentName', 'required'));
    else if (name.length > 200) errors.push(fieldError('parentName', 'too_big', { max: 200 }));
    if (grandparent && !existing.has(grandparent)) {
      errors.push(fieldError('parentParentCode', 'unknown_parent', { value: grandparent }));
    } else if (grandparent && rank(existing.get(grandparent)!.level) >= rank(input.newParent.level)) {
      errors.push(fieldError('parentLevel', 'invalid_value'));
    }
    parent = {
      code: input.parentCode,
      name,
      name_en: input.newParent.nameEn?.trim() || null,
      level: input.newParent.level,
      parent_code: grandparent ?? null,
      admin_code: input.newParent.adminCode ?? null,
    };
    parentCreated = true;
  }
  if (!parent) errors.push(fieldError('parentCode', 'unknown_parent', { value: input.parentCode }));
  else if (rank(parent.level) >= rank(input.level)) errors.push(fieldError('level', 'invalid_value'));
  // A region cannot be its own parent, nor take the place of one of its ancestors.
  const ancestors = parent?.parent_code
    ? [parent.parent_code, ...ancestorCodes(parent.parent_code, existing)]
    : [];
  features.forEach((f, index) => {
    if (f.code === input.parentCode || ancestors.includes(f.code)) {
      errors.push(
        fieldError(`features.${index}.code`, 'parent_cycle', { value: `${f.code} → ${input.parentCode}` }),
      );
    }
  });
  if (errors.length || !parent) refuse(errors);

  if (parentCreated) {
    await repo.upsertRegions(trx, [
      {
        ...parent,
        scheme: input.scheme,
        lon: null,
        lat: null,
        geometry: null,
        created_at: now,
        updated_at: now,
      },
    ]);
  }
  const inFile = new Set(features.map((f) => f.code));
  let inserted = 0;
  let updated = 0;
  const rows: Insertable<RegionTable>[] = features.map((f) => {
    const old = existing.get(f.code);
    if (old) updated++;
    else inserted++;
    return {
      scheme: input.scheme,
      code: f.code,
      name: f.name,
      name_en: f.nameEn ?? old?.name_en ?? null,
      level: input.level,
      parent_code: input.parentCode,
      // A file rarely carries the 행정안전부 code: keep the one already known.
      admin_code: old?.admin_code ?? null,
      lon: f.lon,
      lat: f.lat,
      geometry: JSON.stringify(f.geometry),
      created_at: now,
      updated_at: now,
    };
  });
  await repo.upsertRegions(trx, rows);
  let deleted = 0;
  if (input.mode === 'replace') {
    const gone = [...existing.values()]
      .filter((r) => r.parent_code === input.parentCode && !inFile.has(r.code))
      .flatMap((r) => [r.code, ...descendantCodes(r.code, existing)]);
    await repo.deleteRegions(trx, input.scheme, gone);
    deleted = gone.length;
  }
  await centreParent(trx, input.scheme, input.parentCode, now);
  return { kind: 'region', scheme: input.scheme, mode: input.mode, inserted, updated, unchanged: 0, deleted };
}

/** Gives a parent without polygons of its own the centroid of all its children's polygons. */
async function centreParent(trx: Trx, scheme: string, code: string, now: string): Promise<void> {
  const parent = await repo.findRegion(trx, scheme, code);
  if (!parent || parent.geometry !== null) return;
  const parts = (await repo.childGeometries(trx, scheme, code)).flatMap((c) =>
    c.geometry ? [centroidOf(JSON.parse(c.geometry) as Geometry)] : [],
  );
  if (parts.length === 0) return;
  const { lon, lat } = combinedCentroid(parts);
  await repo.setRegionCentre(trx, scheme, code, lon, lat, now);
}

const rank = (level: RegionLevel) => REGION_LEVELS.indexOf(level);

type RegionLink = { code: string; parent_code: string | null };

function ancestorCodes(code: string, regions: Map<string, RegionLink>): string[] {
  const out: string[] = [];
  for (let c = regions.get(code)?.parent_code; c && !out.includes(c); c = regions.get(c)?.parent_code)
    out.push(c);
  return out;
}

function descendantCodes(code: string, regions: Map<string, RegionLink>, seen = new Set([code])): string[] {
  const children = [...regions.values()].filter((r) => r.parent_code === code && !seen.has(r.code));
  for (const c of children) seen.add(c.code);
  return children.flatMap((c) => [c.code, ...descendantCodes(c.code, regions, seen)]);
}
