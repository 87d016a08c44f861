import { z } from 'zod';
import { Id, pageOf, pageQuery, Timestamp } from './common.js';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: Timestamp,
  actor: z.object({ id: z.number().int(), name: z.string(), email: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = pageQuery(['at'] as const, 'at').extend({
  actorId: Id.optional(),
  action: z.string().trim().max(60).optional(),
  entityType: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
  from: z.string().date().optional(),
  to: z.string().date().optional(),
});
export const AuditPage = pageOf(AuditEntry);
