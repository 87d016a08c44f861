import type { Ctx } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from '../auth/auth.policy.js';
import { detectEvidenceKind, EVIDENCE_KINDS, type EvidenceKind } from './evidence.filetype.js';
import type { Upload } from './evidence.http.js';
import * as repo from './evidence.repository.js';
import type { EvidenceStore } from './evidence.storage.js';
import { loadProgram } from './plan.service.js';
import { currentRevision } from './results.repository.js';

/** The largest evidence file accepted: 10 MB. */
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

// Evidence changes with its figures: while a month is a draft or returned, not under review or approved.
const EDITABLE = new Set(['draft', 'returned']);

/**
 * The name a file is kept and served under: the client's base name without path, control or
 * reserved characters, ending in the extension its content really has.
 */
export function safeFilename(name: string, kind: EvidenceKind): string {
  const extension = EVIDENCE_KINDS[kind].extension;
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
    .trim()
    .slice(0, 150);
  if (!base || base.startsWith('.')) return `evidence.${extension}`;
  const given = base.split('.').pop()?.toLowerCase();
  const fits = given === extension || (kind === 'jpeg' && given === 'jpeg');
  return fits ? base : `${base}.${extension}`;
}

function presentEvidence(row: {
  id: number;
  filename: string;
  content_type: string;
  size: number;
  created_at: string;
}) {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: row.size,
    uploadedAt: row.created_at,
  };
}

/**
 * Attaches an evidence file to a program-month's newest revision. The reporter rule is the
 * results' rule (own units only); the file's type is judged by its content.
 */
export async function attachEvidence(
  ctx: Ctx,
  store: EvidenceStore,
  programId: number,
  month: number,
  upload: Upload,
) {
  const actor = requireUser(ctx.actor);
  await loadProgram(ctx, programId);
  const current = await currentRevision(ctx.db.kysely, programId, month);
  if (!current) throw new AppError('RESULT_MISSING');
  if (!EDITABLE.has(current.status)) throw new AppError('EVIDENCE_LOCKED');
  const kind = detectEvidenceKind(upload.bytes);
  if (!kind) throw validationError([fieldError('file', 'file_type_not_allowed')]);

  const { sha256, key } = await store.put(upload.bytes);
  const row = {
    filename: safeFilename(upload.filename, kind),
    content_type: EVIDENCE_KINDS[kind].contentType,
    size: upload.bytes.length,
    sha256,
    storage_key: key,
    uploaded_by: actor.userId,
    created_at: new Date().toISOString(),
  };
  const id = await ctx.db.kysely.transaction().execute(async (trx) => {
    // The revision may have been submitted while the file was on its way.
    const still = await currentRevision(trx, programId, month);
    if (!still || still.id !== current.id || !EDITABLE.has(still.status))
      throw new AppError('EVIDENCE_LOCKED');
    const id = await repo.insertEvidence(trx, { ...row, result_id: current.id });
    // The file name stays out of the audit trail: names of evidence files often name people.
    await audit(
      ctx,
      {
        action: 'evidence.upload',
        entityType: 'result_evidence',
        entityId: id,
        after: {
          resultId: current.id,
          programId,
          month,
          revision: current.revision,
          contentType: row.content_type,
          size: row.size,
          sha256,
        },
      },
      trx,
    );
    return id;
  });
  return presentEvidence({ id, ...row });
}

/** Loads an evidence record the actor may see (the program's visibility rule), or answers 404. */
async function loadEvidence(ctx: Ctx, id: number) {
  const evidence = await repo.findEvidence(ctx.db.kysely, id);
  if (!evidence) throw new AppError('NOT_FOUND');
  await loadProgram(ctx, evidence.program_id);
  return evidence;
}

/** An evidence file's bytes for download; every download is audited. */
export async function downloadEvidence(ctx: Ctx, store: EvidenceStore, id: number) {
  const evidence = await loadEvidence(ctx, id);
  const bytes = await store.read(evidence.storage_key);
  await audit(ctx, {
    action: 'evidence.download',
    entityType: 'result_evidence',
    entityId: id,
    after: { resultId: evidence.result_id, programId: evidence.program_id, month: evidence.month },
  });
  return { filename: evidence.filename, contentType: evidence.content_type, bytes };
}

/** Removes an evidence file from a draft or returned revision; the stored file goes with its last record. */
export async function removeEvidence(ctx: Ctx, store: EvidenceStore, id: number) {
  const evidence = await loadEvidence(ctx, id);
  if (!EDITABLE.has(evidence.result_status)) throw new AppError('EVIDENCE_LOCKED');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await repo.deleteEvidence(trx, id);
    await audit(
      ctx,
      {
        action: 'evidence.delete',
        entityType: 'result_evidence',
        entityId: id,
        before: {
          resultId: evidence.result_id,
          programId: evidence.program_id,
          month: evidence.month,
          sha256: evidence.sha256,
          size: evidence.size,
        },
      },
      trx,
    );
  });
  if ((await repo.countByStorageKey(ctx.db.kysely, evidence.storage_key)) === 0)
    await store.remove(evidence.storage_key);
  return { ok: true as const };
}
