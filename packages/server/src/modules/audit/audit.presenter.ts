import type { AuditEntry } from '@ilteo/shared';

interface AuditListRow {
  id: number;
  at: string;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
}

/** An audit row as the admin sees it. */
export function presentAuditEntry(row: AuditListRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor:
      row.actor_user_id === null
        ? null
        : { id: row.actor_user_id, name: row.actor_name ?? '', email: row.actor_email ?? '' },
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_json ? JSON.parse(row.before_json) : null,
    after: row.after_json ? JSON.parse(row.after_json) : null,
    requestId: row.request_id,
  };
}
