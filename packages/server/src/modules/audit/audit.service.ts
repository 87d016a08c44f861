import type { AuditQuery } from '@ilteo/shared';
import type { z } from 'zod';
import type { Ctx } from '../../http/context.js';
import { presentAuditEntry } from './audit.presenter.js';
import { type AuditEvent, insertAudit, listAudit } from './audit.repository.js';

/** Records an event as the context's actor, in the given transaction (or the context's database). */
export function audit(
  ctx: Ctx,
  event: Omit<AuditEvent, 'actorUserId' | 'actorRole' | 'requestId'>,
  db = ctx.db.kysely,
): Promise<void> {
  return insertAudit(db, {
    ...event,
    actorUserId: ctx.actor.userId,
    actorRole: ctx.actor.kind,
    requestId: ctx.requestId,
  });
}

/** Browses the audit log (admins only; the route's permission says so). */
export async function browseAudit(ctx: Ctx, query: z.infer<typeof AuditQuery>) {
  const { rows, total } = await listAudit(ctx.db.kysely, ctx.db.dialect, query, query);
  return { items: rows.map(presentAuditEntry), total, page: query.page, pageSize: query.pageSize };
}
