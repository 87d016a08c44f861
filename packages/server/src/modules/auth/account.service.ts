import type { UpdateMeBody } from '@ilteo/shared';
import type { z } from 'zod';
import type { Db } from '../../db/kysely.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { requireUser } from './auth.policy.js';
import { presentSessionUser } from './auth.presenter.js';
import { findOrganisation } from './organisation.repository.js';
import { hashPassword, verifyPassword } from './password.js';
import { deleteSessionsOfUser } from './sessions.repository.js';
import { consentsOf, findUserById, unitsOfUsers, updateUser } from './users.repository.js';

/** The session user of an id, as the client sees them. */
export async function loadSessionUser(db: Db, userId: number) {
  const user = await findUserById(db.kysely, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const [org, units] = await Promise.all([
    findOrganisation(db.kysely, user.organisation_id),
    unitsOfUsers(db.kysely, [userId]),
  ]);
  return presentSessionUser(user, org!, units);
}

/** The signed-in user's own account, with their consents. */
export async function getMe(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  const [user, consents, row] = await Promise.all([
    loadSessionUser(ctx.db, actor.userId),
    consentsOf(ctx.db.kysely, actor.userId),
    findUserById(ctx.db.kysely, actor.userId),
  ]);
  return {
    user,
    createdAt: row!.created_at,
    consents: consents.map((c) => ({
      id: c.id,
      purpose: c.purpose,
      version: c.version,
      grantedAt: c.granted_at,
      withdrawnAt: c.withdrawn_at,
    })),
  };
}

/** Changes the signed-in user's name or language. */
export async function updateMe(ctx: Ctx, body: z.infer<typeof UpdateMeBody>) {
  const actor = requireUser(ctx.actor);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const before = (await findUserById(trx, actor.userId))!;
    const patch = {
      ...(body.name ? { name: body.name } : {}),
      ...(body.locale ? { locale: body.locale } : {}),
    };
    if (Object.keys(patch).length === 0) return;
    await updateUser(trx, actor.userId, { ...patch, updated_at: new Date().toISOString() });
    await audit(
      ctx,
      {
        action: 'user.update_self',
        entityType: 'user',
        entityId: actor.userId,
        before: { name: before.name, locale: before.locale },
        after: { name: body.name ?? before.name, locale: body.locale ?? before.locale },
      },
      trx,
    );
  });
  return loadSessionUser(ctx.db, actor.userId);
}

/** Changes the signed-in user's password; other sessions of the user end. */
export async function changePassword(
  ctx: Ctx,
  body: { currentPassword: string; newPassword: string },
  currentSessionId: string | null,
) {
  const actor = requireUser(ctx.actor);
  const user = (await findUserById(ctx.db.kysely, actor.userId))!;
  if (!(await verifyPassword(user.password_hash, body.currentPassword))) {
    throw new AppError('WRONG_PASSWORD', {}, [fieldError('currentPassword', 'wrong_password')]);
  }
  const passwordHash = await hashPassword(body.newPassword);
  const now = new Date().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, actor.userId, {
      password_hash: passwordHash,
      password_changed_at: now,
      must_change_password: 0,
      updated_at: now,
    });
    await deleteSessionsOfUser(trx, actor.userId, currentSessionId ?? undefined);
    await audit(ctx, { action: 'user.password_changed', entityType: 'user', entityId: actor.userId }, trx);
  });
  return loadSessionUser(ctx.db, actor.userId);
}
