import type { RegistryExportKind } from '@ilteo/shared';
import type { Ctx } from '../../http/context.js';
import { audit } from '../audit/audit.service.js';
import { seekerConsentsOf, inputOf as seekerInputOf } from '../seekers/seekers.commands.js';
import { COLUMNS, SHEET_NAMES, writeRow } from './columns.js';
import { organisationOf } from './imports.policy.js';
import * as repo from './imports.repository.js';
import { employerRecord, phoneText, vacancyRecord } from './records.js';
import { CSV_TYPE, writeCsv, writeXlsx, XLSX_TYPE } from './tabular.js';

/**
 * Exports of seekers, employers and vacancies with the columns an import reads, so a file
 * exported, edited and imported again updates the same records (by their ID). Every export is
 * audited: the seekers file is personal data, and so are companies' contact people.
 */

export interface ExportFile {
  bytes: Buffer;
  contentType: string;
  filename: string;
  asciiFilename: string;
}

/** The records of a kind as the file's rows. */
async function recordsOf(ctx: Ctx, organisationId: number, kind: RegistryExportKind) {
  const k = ctx.db.kysely;
  if (kind === 'employers') return (await repo.employersOf(k, organisationId)).map(employerRecord);
  const labels = await repo.itemLabels(k, 'occupation');
  const label = (ref: { scheme: string; code: string }) => labels.get(`${ref.scheme}|${ref.code}`) ?? null;
  if (kind === 'vacancies') {
    return (await repo.vacanciesOf(k, organisationId)).map((row) =>
      vacancyRecord(row, label({ scheme: row.occupation_scheme, code: row.occupation_code })),
    );
  }
  const rows = await repo.seekersOf(k, organisationId);
  const consents = await seekerConsentsOf(
    k,
    rows.map((r) => r.id),
  );
  // A seeker who withdrew the employment-services consent is no longer processed, nor exported.
  return rows
    .filter((row) => consents.get(row.id)?.has('employment_services'))
    .map((row) => {
      const input = seekerInputOf(row);
      const standing = consents.get(row.id)!;
      return {
        ...input,
        phone: phoneText(input.phone),
        $id: row.id,
        $status: row.status,
        $occupationLabels: input.desiredOccupations.map(label).filter(Boolean).join('; ') || null,
        $consents: {
          employment_services: true,
          recommendation: standing.has('recommendation'),
          sensitive: standing.has('sensitive'),
        },
      };
    });
}

/** A kind's records as XLSX or CSV (UTF-8 with a BOM); `template` gives the header only. */
export async function exportRegistry(
  ctx: Ctx,
  organisationId: number,
  kind: RegistryExportKind,
  format: 'xlsx' | 'csv',
  template = false,
): Promise<ExportFile> {
  const columns = COLUMNS[kind];
  const records = template ? [] : await recordsOf(ctx, organisationId, kind);
  const headers = columns.map((c) => c.header);
  const rows = records.map((r) => writeRow(columns, r));
  const bytes =
    format === 'xlsx' ? await writeXlsx(SHEET_NAMES[kind], headers, rows) : writeCsv(headers, rows);
  if (!template) {
    await audit(ctx, {
      action: 'registry.export',
      entityType: kind,
      entityId: null,
      after: { format, rows: rows.length },
    });
  }
  const day = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  const suffix = template ? '양식' : day;
  return {
    bytes,
    contentType: format === 'xlsx' ? XLSX_TYPE : CSV_TYPE,
    filename: `${SHEET_NAMES[kind]}_${suffix}.${format}`,
    asciiFilename: `${kind}-${template ? 'template' : day}.${format}`,
  };
}

/** An export for the signed-in staff member: their organisation's records. */
export function exportForActor(
  ctx: Ctx,
  kind: RegistryExportKind,
  format: 'xlsx' | 'csv',
  template: boolean,
): Promise<ExportFile> {
  return exportRegistry(ctx, organisationOf(ctx.actor), kind, format, template);
}
