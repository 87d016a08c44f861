import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/kysely.js';
import type { Actor } from '../../http/context.js';
import { deleteSession, findLiveSession, insertSession, touchSession } from './sessions.repository.js';
import { unitsOfUsers } from './users.repository.js';

/** Sessions are stored under the SHA-256 of their cookie token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session and returns the cookie token. */
export async function startSession(db: Db['kysely'], userId: number, ttlHours: number, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  await insertSession(db, {
    id: sessionIdOf(token),
    userId,
    now: now.toISOString(),
    expiresAt: new Date(now.getTime() + ttlHours * 3_600_000).toISOString(),
  });
  return token;
}

// Sliding expiry is written at most once a minute per session, not on every request.
const TOUCH_EVERY_MS = 60_000;

/** The actor behind a session cookie, or null when it is unknown, expired or the account is disabled. */
export async function resolveSession(
  db: Db,
  token: string,
  ttlHours: number,
  now = new Date(),
): Promise<{ actor: Actor; sessionId: string } | null> {
  const id = sessionIdOf(token);
  const row = await findLiveSession(db.kysely, id, now.toISOString());
  if (!row) return null;
  if (row.status !== 'active') {
    await deleteSession(db.kysely, id);
    return null;
  }
  if (now.getTime() - Date.parse(row.last_seen_at) > TOUCH_EVERY_MS) {
    await touchSession(
      db.kysely,
      id,
      now.toISOString(),
      new Date(now.getTime() + ttlHours * 3_600_000).toISOString(),
    );
  }
  const units = await unitsOfUsers(db.kysely, [row.id]);
  return {
    sessionId: id,
    actor: {
      kind: row.role,
      userId: row.id,
      organisationId: row.organisation_id,
      unitIds: units.map((u) => u.id),
      employerId: row.employer_id,
    },
  };
}
