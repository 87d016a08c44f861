import type { CreateStaffBody, UpdateUserBody, UserListQuery } from '@ilteo/shared';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Db } from '../../db/kysely.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { checkCanChangeUser, checkUnitsForRole, requireUser } from './auth.policy.js';
import { auditableUser, presentUserListItem } from './auth.presenter.js';
import { unitsOf } from './organisation.repository.js';
import { hashPassword, temporaryPassword } from './password.js';
import { deleteSessionsOfUser } from './sessions.repository.js';
import {
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  setUserUnits,
  unitsOfUsers,
  updateUser,
} from './users.repository.js';

/** A page of the admin's organisation's users. */
export async function browseUsers(ctx: Ctx, query: z.infer<typeof UserListQuery>) {
  const actor = requireUser(ctx.actor);
  const { rows, total } = await listUsers(
    ctx.db.kysely,
    ctx.db.dialect,
    { organisationId: actor.organisationId, q: query.q, role: query.role },
    query,
  );
  const units = await unitsOfUsers(
    ctx.db.kysely,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentUserListItem(r, units)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadUserInOrg(db: Db, organisationId: number, id: number) {
  const user = await findUserById(db.kysely, id);
  if (!user || user.organisation_id !== organisationId) throw new AppError('NOT_FOUND');
  return user;
}

/** One user, as an admin opens their profile; the read is audited. */
export async function readUser(ctx: Ctx, id: number) {
  const actor = requireUser(ctx.actor);
  const user = await loadUserInOrg(ctx.db, actor.organisationId, id);
  const units = await unitsOfUsers(ctx.db.kysely, [id]);
  await audit(ctx, { action: 'user.read', entityType: 'user', entityId: id });
  return presentUserListItem(user, units);
}

/** An admin creates a staff account. */
export async function createStaff(ctx: Ctx, body: z.infer<typeof CreateStaffBody>) {
  return createStaffIn(ctx, requireUser(ctx.actor).organisationId, body);
}

/** Creates a staff account in an organisation (the command line uses this as `system`). */
export async function createStaffIn(ctx: Ctx, organisationId: number, body: z.infer<typeof CreateStaffBody>) {
  checkUnitsForRole(body.role, body.unitIds, await unitsOf(ctx.db.kysely, organisationId));
  if (await findUserByEmail(ctx.db.kysely, body.email)) throw emailTaken();
  const passwordHash = await hashPassword(body.password);
  const now = new Date().toISOString();
  try {
    const id = await ctx.db.kysely.transaction().execute(async (trx) => {
      const id = await insertUser(trx, {
        organisation_id: organisationId,
        email: body.email,
        password_hash: passwordHash,
        name: body.name,
        role: body.role,
        employer_id: null,
        locale: 'ko',
        status: 'active',
        must_change_password: 1,
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      });
      await setUserUnits(trx, id, body.unitIds);
      const created = (await findUserById(trx, id))!;
      await audit(
        ctx,
        {
          action: 'user.create',
          entityType: 'user',
          entityId: id,
          after: auditableUser(created, body.unitIds),
        },
        trx,
      );
      return id;
    });
    return readUserQuietly(ctx, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

function emailTaken() {
  return new AppError('EMAIL_TAKEN', {}, [fieldError('email', 'email_taken')]);
}

async function readUserQuietly(ctx: Ctx, id: number) {
  const [user, units] = await Promise.all([
    findUserById(ctx.db.kysely, id),
    unitsOfUsers(ctx.db.kysely, [id]),
  ]);
  return presentUserListItem(user!, units);
}

/** An admin changes a user's name, role, units or status; disabling ends their sessions. */
export async function changeUser(ctx: Ctx, id: number, body: z.infer<typeof UpdateUserBody>) {
  const actor = requireUser(ctx.actor);
  const target = await loadUserInOrg(ctx.db, actor.organisationId, id);
  checkCanChangeUser(actor, target, body);
  const role = body.role ?? target.role;
  const currentUnits = (await unitsOfUsers(ctx.db.kysely, [id])).map((u) => u.id);
  const unitIds = body.unitIds ?? (body.role && body.role !== target.role ? [] : currentUnits);
  if (body.role || body.unitIds)
    checkUnitsForRole(role, unitIds, await unitsOf(ctx.db.kysely, actor.organisationId));

  await ctx.db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, id, {
      ...(body.name ? { name: body.name } : {}),
      ...(body.role ? { role: body.role } : {}),
      ...(body.status ? { status: body.status } : {}),
      updated_at: new Date().toISOString(),
    });
    if (body.role || body.unitIds) await setUserUnits(trx, id, unitIds);
    if (body.status === 'disabled' || (body.role && body.role !== target.role))
      await deleteSessionsOfUser(trx, id);
    const after = (await findUserById(trx, id))!;
    await audit(
      ctx,
      {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        before: auditableUser(target, currentUnits),
        after: auditableUser(after, unitIds),
      },
      trx,
    );
  });
  return readUserQuietly(ctx, id);
}

/** An admin issues a temporary password; the user must change it at the next sign-in. */
export async function resetPassword(ctx: Ctx, id: number) {
  const actor = requireUser(ctx.actor);
  const target = await loadUserInOrg(ctx.db, actor.organisationId, id);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const now = new Date().toISOString();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await updateUser(trx, target.id, {
      password_hash: passwordHash,
      must_change_password: 1,
      failed_attempts: 0,
      locked_until: null,
      password_changed_at: now,
      updated_at: now,
    });
    await deleteSessionsOfUser(trx, target.id);
    await audit(ctx, { action: 'user.password_reset', entityType: 'user', entityId: target.id }, trx);
  });
  return { temporaryPassword: password };
}
