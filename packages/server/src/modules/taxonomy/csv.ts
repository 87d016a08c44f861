import type { FieldError } from '@ilteo/shared';
import { fieldError } from '../../http/errors.js';

/** One record of a CSV file and the line it starts on (1 = the header). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * The text of an uploaded file: UTF-8 (with or without a BOM), or — when the bytes are not valid
 * UTF-8 — CP949/EUC-KR, which is what Korean Excel still writes when it saves "CSV".
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('euc-kr').decode(bytes);
  }
}

/**
 * Parses CSV (RFC 4180: commas, double quotes, "" for a quote inside quotes, fields over several
 * lines; CRLF or LF). Blank lines are skipped. Returns the records, or the field error of an
 * unterminated quote.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error: FieldError | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0]!.trim() !== '') records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
      i++;
      continue;
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      recordLine = line;
    } else cell += c;
    i++;
  }
  if (quoted) return { records, error: fieldError(`rows.${recordLine}`, 'invalid_format') };
  if (cell !== '' || cells.length > 0) endRecord();
  return { records, error: null };
}
