import {
  type Bilingual,
  FIELD_MESSAGES,
  fillMessage,
  type ImportReport,
  type ImportRun,
  REGISTRY_EXPORT_KINDS,
} from '@ilteo/shared';
import { MAX_UPLOAD_BYTES } from '../plan/files';

export type { ImportReport, ImportRun };

/** One line of the report table: the row as the file counts it, the column, what is wrong. */
export interface ReportLine {
  row: number | null;
  column: string | null;
  message: Bilingual;
  /** A note does not stop the row (e.g. a 고용24 wage under the minimum wage). */
  note: boolean;
}

/** The figures the page shows for a read or imported file. */
export interface ReportCounts {
  total: number;
  valid: number;
  invalid: number;
  written: number;
}

/** Counts of a report: valid rows are those without errors, written ones were inserted or updated. */
export function countsOf(report: ImportReport): ReportCounts {
  return {
    total: report.totalRows,
    valid: report.totalRows - report.invalid,
    invalid: report.invalid,
    written: report.written ? report.inserted + report.updated : 0,
  };
}

/** The report's errors (then notes), row by row, each with its column (or its field when it has none). */
export function reportLines(report: ImportReport): ReportLine[] {
  const lines: ReportLine[] = [];
  for (const row of report.rows) {
    for (const e of row.errors) {
      lines.push({
        row: row.row,
        column: e.column ?? (e.field === 'row' ? null : e.field),
        message: e.message,
        note: false,
      });
    }
  }
  for (const row of report.rows) {
    for (const n of row.notes) {
      lines.push({
        row: row.row,
        column: n.column ?? (n.field === 'row' ? null : n.field),
        message: n.message,
        note: true,
      });
    }
  }
  return lines;
}

/** "Import all" is offered only for a file without a single bad row. */
export function canImportAll(report: ImportReport): boolean {
  return report.invalid === 0 && report.totalRows > 0;
}

/** "Import only the valid rows" needs some valid rows and some bad ones. */
export function canImportValidOnly(report: ImportReport): boolean {
  return report.invalid > 0 && report.totalRows > report.invalid;
}

/**
 * A refused file's field errors (a problem document, not a report) as report lines:
 * `rows.3.name`, `3.name` or `row 3 / name` become row 3, column `name`.
 */
export function linesOfProblem(fieldErrors: readonly { field: string; message: Bilingual }[]): ReportLine[] {
  return fieldErrors.map((fe) => {
    const m = fe.field.match(/^(?:rows?[.\s[]*)?(\d+)\]?[.:/\s]*(.*)$/i);
    if (m) return { row: Number(m[1]), column: m[2] ? m[2] : null, message: fe.message, note: false };
    return { row: null, column: fe.field || null, message: fe.message, note: false };
  });
}

/** The file types each kind of import reads. */
export function acceptFor(kind: string): string {
  return kind === 'work24' ? '.xml,text/xml,application/xml' : '.csv,.xlsx,text/csv';
}

/** Checks a chosen file before sending it: not empty, not over 10 MB, of a type the import reads. */
export function checkImportFile(kind: string, file: { name: string; size: number }): Bilingual | null {
  if (file.size === 0) return FIELD_MESSAGES.file_required;
  if (file.size > MAX_UPLOAD_BYTES) return fillMessage(FIELD_MESSAGES.file_too_large, { max: '10 MB' });
  const dot = file.name.lastIndexOf('.');
  const ext = dot < 0 ? '' : file.name.slice(dot + 1).toLowerCase();
  const allowed = kind === 'work24' ? ['xml'] : ['csv', 'xlsx'];
  return allowed.includes(ext) ? null : FIELD_MESSAGES.file_type_not_allowed;
}

/** Kinds that have an export (고용24 files are only read). */
export const EXPORT_KINDS = REGISTRY_EXPORT_KINDS;

/** The download address of an export, or of its empty template (the header row to fill in). */
export function exportUrl(kind: string, format: 'xlsx' | 'csv', template = false): string {
  return `/api/v1/exports/${kind}.${format}${template ? '?template=true' : ''}`;
}

/** The kind a past import shows as: 고용24 files are vacancies read from XML. */
export function runKind(run: Pick<ImportRun, 'kind' | 'format'>): string {
  return run.format === 'work24' ? 'work24' : run.kind;
}
