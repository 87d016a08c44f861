import type { Kysely } from 'kysely';
import { containsInsensitive, type DialectName } from '../../db/dialect.js';
import type { Database } from '../../db/tables.js';

/** One change or read worth remembering. */
export interface AuditEvent {
  actorUserId: number | null;
  actorRole: string;
  action: string;
  entityType: string;
  entityId: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId: string | null;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** Appends an entry; call it inside the transaction of the change it records. */
export async function insertAudit(db: Kysely<Database>, event: AuditEvent, at = new Date()): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor_user_id: event.actorUserId,
      actor_role: event.actorRole,
      action: event.action,
      entity_type: event.entityType,
      entity_id: event.entityId === null ? null : String(event.entityId),
      before_json: json(event.before),
      after_json: json(event.after),
      request_id: event.requestId,
    })
    .execute();
}

export interface AuditFilter {
  actorId?: number | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A page of entries, newest first unless asked otherwise, with the actor's name. */
export async function listAudit(
  db: Kysely<Database>,
  dialect: DialectName,
  filter: AuditFilter,
  page: { page: number; pageSize: number; order: 'asc' | 'desc' },
) {
  let query = db.selectFrom('audit_log').leftJoin('users', 'users.id', 'audit_log.actor_user_id');
  if (filter.actorId) query = query.where('audit_log.actor_user_id', '=', filter.actorId);
  const action = filter.action;
  if (action) query = query.where((eb) => containsInsensitive(dialect, eb.ref('audit_log.action'), action));
  if (filter.entityType) query = query.where('audit_log.entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('audit_log.entity_id', '=', filter.entityId);
  if (filter.from) query = query.where('audit_log.at', '>=', `${filter.from}T00:00:00.000Z`);
  if (filter.to) query = query.where('audit_log.at', '<=', `${filter.to}T23:59:59.999Z`);

  const [rows, count] = await Promise.all([
    query
      .select([
        'audit_log.id',
        'audit_log.at',
        'audit_log.actor_user_id',
        'audit_log.action',
        'audit_log.entity_type',
        'audit_log.entity_id',
        'audit_log.before_json',
        'audit_log.after_json',
        'audit_log.request_id',
        'users.name as actor_name',
        'users.email as actor_email',
      ])
      .orderBy('audit_log.id', page.order)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
