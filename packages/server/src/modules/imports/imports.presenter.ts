import type { ImportRun } from '@ilteo/shared';
import type { RegistryImportTable } from '../../db/tables.js';

type RunRow = Pick<
  RegistryImportTable,
  | 'kind'
  | 'format'
  | 'source'
  | 'mode'
  | 'total_rows'
  | 'inserted'
  | 'updated'
  | 'skipped'
  | 'created_by'
  | 'created_at'
> & { id: number };

/** A past import as `GET /imports` lists it (the row-by-row report stays in the database). */
export function presentImportRun(row: RunRow): ImportRun {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    source: row.source,
    mode: row.mode,
    totalRows: Number(row.total_rows),
    inserted: Number(row.inserted),
    updated: Number(row.updated),
    skipped: Number(row.skipped),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
