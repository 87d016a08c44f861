/**
 * What a file is, judged by its bytes and never by its name or the type a client declares:
 * an evidence file called `scan.pdf` that is really a program is refused.
 */

export type EvidenceKind = 'pdf' | 'png' | 'jpeg' | 'xlsx' | 'docx' | 'hwpx' | 'hwp';

/** The content type and file extension each accepted kind is stored and served with. */
export const EVIDENCE_KINDS: Record<EvidenceKind, { contentType: string; extension: string }> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  png: { contentType: 'image/png', extension: 'png' },
  jpeg: { contentType: 'image/jpeg', extension: 'jpg' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  hwpx: { contentType: 'application/hwp+zip', extension: 'hwpx' },
  hwp: { contentType: 'application/x-hwp', extension: 'hwp' },
};

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((b, i) => bytes[i] === b);

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
// HWP 5 keeps this text at the start of its FileHeader stream; other OLE files (old .doc, .xls) do not have it.
const HWP_SIGNATURE = Buffer.from('HWP Document File', 'latin1');

/** One entry of a ZIP archive's central directory. */
export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

/**
 * The entries of a ZIP archive, read from its central directory; null when the bytes are not a
 * well-formed archive. Nothing is decompressed, so a ZIP bomb costs nothing to look at.
 */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  if (!startsWith(bytes, ZIP)) return null;
  // The end-of-central-directory record is in the last 22 bytes plus an optional comment (≤ 64 KiB).
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    if (offset + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: bytes.toString('utf8', offset + 46, offset + 46 + nameLength),
      compressedSize: bytes.readUInt32LE(offset + 20),
      uncompressedSize: bytes.readUInt32LE(offset + 24),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Which office format a ZIP archive is, by the parts it contains. */
function zipKind(bytes: Buffer): EvidenceKind | null {
  const names = zipEntries(bytes)?.map((e) => e.name);
  if (!names) return null;
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix));
  if (names.includes('[Content_Types].xml') && has('xl/')) return 'xlsx';
  if (names.includes('[Content_Types].xml') && has('word/')) return 'docx';
  // HWPX (OWPML): a `mimetype` entry saying application/hwp+zip and the document under Contents/.
  if (names.includes('mimetype') && has('Contents/') && bytes.includes(Buffer.from('application/hwp+zip'))) {
    return 'hwpx';
  }
  return null;
}

/** The kind of an evidence file by its content, or null when it is not one of the accepted kinds. */
export function detectEvidenceKind(bytes: Buffer): EvidenceKind | null {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, ZIP)) return zipKind(bytes);
  if (startsWith(bytes, OLE) && bytes.includes(HWP_SIGNATURE)) return 'hwp';
  return null;
}

/** Whether the bytes are an XLSX workbook (a ZIP with a workbook part). */
export function isXlsx(bytes: Buffer): boolean {
  return zipKind(bytes) === 'xlsx';
}
