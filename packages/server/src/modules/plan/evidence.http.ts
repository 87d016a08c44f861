import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, fieldError, validationError } from '../../http/errors.js';

/** One uploaded file, read into memory (uploads here are at most a few megabytes). */
export interface Upload {
  filename: string;
  bytes: Buffer;
  /** The form's text fields. */
  fields: Record<string, string>;
}

/** Registers multipart parsing for the routes of one plugin (the rest of the API stays JSON-only). */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  await app.register(multipart, { throwFileSizeLimit: true });
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
}

/**
 * Reads a `multipart/form-data` request with one file in the field `file` and a few text fields.
 * Too large a file is a 413 naming the limit; a missing file is a field error.
 */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const fields: Record<string, string> = {};
  let file: { filename: string; bytes: Buffer } | null = null;
  try {
    for await (const part of request.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11 },
    })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (part.fieldname === 'file') file = { filename: part.filename, bytes };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new AppError('PAYLOAD_TOO_LARGE', {}, [
        fieldError('file', 'file_too_large', { max: megabytes(maxBytes) }),
      ]);
    }
    // Any other failure here is a malformed or over-long form (busboy's and the plugin's limits).
    throw new AppError('BAD_REQUEST');
  }
  if (!file || file.bytes.length === 0) throw validationError([fieldError('file', 'file_required')]);
  return { ...file, fields };
}

/**
 * A `Content-Disposition: attachment` value with an ASCII `filename` for old clients and the real
 * (Korean) name as RFC 5987 `filename*`.
 */
export function attachment(filename: string, asciiFallback?: string): string {
  const ascii =
    asciiFallback ??
    filename
      .normalize('NFC')
      .replace(/[^\x20-\x7e]/g, '_')
      .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends a file as a download: its type, an attachment name, no sniffing, and the given caching. */
export function sendFile(
  reply: FastifyReply,
  file: { bytes: Buffer; contentType: string; filename: string; asciiFilename?: string },
  cacheControl: string,
) {
  return reply
    .type(file.contentType)
    .header('content-disposition', attachment(file.filename, file.asciiFilename))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', cacheControl)
    .send(file.bytes);
}
