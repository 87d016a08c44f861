import { maskEmail, maskName, type SignUpBody } from '@ilteo/shared';
import type { z } from 'zod';
import { isUniqueViolation } from '../../db/dialect.js';
import type { Ctx } from '../../http/context.js';
import { AppError, fieldError, validationError } from '../../http/errors.js';
import { audit } from '../audit/audit.service.js';
import { loadSessionUser } from './account.service.js';
import { auditableUser } from './auth.presenter.js';
import { SIGN_UP_CONSENTS } from './consent-texts.js';
import { insertEmployer, primaryOrganisation } from './organisation.repository.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password.js';
import { startSession } from './sessions.js';
import { deleteSession } from './sessions.repository.js';
import {
  findUserByEmail,
  findUserById,
  incrementFailedAttempts,
  insertConsent,
  insertUser,
  updateUser,
} from './users.repository.js';

/** Lockout and session settings the auth services need. */
export interface AuthSettings {
  sessionTtlHours: number;
  maxAttempts: number;
  lockMinutes: number;
}

/** Signs a person in; counts failures and locks the account after too many. */
export async function signIn(ctx: Ctx, body: { email: string; password: string }, settings: AuthSettings) {
  const db = ctx.db.kysely;
  const user = await findUserByEmail(db, body.email);
  if (!user) {
    await verifyAgainstDummy(body.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const now = new Date();
  if (user.locked_until && Date.parse(user.locked_until) > now.getTime()) {
    throw new AppError('ACCOUNT_LOCKED', {
      minutes: Math.ceil((Date.parse(user.locked_until) - now.getTime()) / 60_000),
    });
  }
  if (!(await verifyPassword(user.password_hash, body.password))) {
    const attempts = await incrementFailedAttempts(db, user.id);
    const asUser = { ...ctx, actor: { ...ctx.actor, userId: user.id } };
    if (attempts >= settings.maxAttempts) {
      await db.transaction().execute(async (trx) => {
        await updateUser(trx, user.id, {
          failed_attempts: 0,
          locked_until: new Date(now.getTime() + settings.lockMinutes * 60_000).toISOString(),
        });
        await audit(asUser, { action: 'auth.locked', entityType: 'user', entityId: user.id }, trx);
      });
      throw new AppError('ACCOUNT_LOCKED', { minutes: settings.lockMinutes });
    }
    await audit(asUser, {
      action: 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user.id,
      after: { attempts },
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.status !== 'active') throw new AppError('ACCOUNT_DISABLED');

  const token = await db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      failed_attempts: 0,
      locked_until: null,
      last_sign_in_at: now.toISOString(),
    });
    const asUser = { ...ctx, actor: { ...ctx.actor, kind: user.role, userId: user.id } };
    await audit(asUser, { action: 'auth.sign_in', entityType: 'user', entityId: user.id }, trx);
    return startSession(trx, user.id, settings.sessionTtlHours, now);
  });
  return { token, user: await loadSessionUser(ctx.db, user.id) };
}

/** A seeker or employer signs up: the account, its consents and (for employers) the company, in one transaction. */
export async function signUp(ctx: Ctx, body: z.infer<typeof SignUpBody>, settings: AuthSettings) {
  if (body.accountType === 'employer' && !body.companyName) {
    throw validationError([fieldError('companyName', 'required')]);
  }
  const db = ctx.db.kysely;
  const org = await primaryOrganisation(db);
  if (!org) throw new AppError('NOT_FOUND');
  if (await findUserByEmail(db, body.email)) throw emailTaken();
  const passwordHash = await hashPassword(body.password);
  const now = new Date().toISOString();
  try {
    const { userId, token } = await db.transaction().execute(async (trx) => {
      const employerId =
        body.accountType === 'employer'
          ? await insertEmployer(trx, { organisationId: org.id, name: body.companyName!, isDemo: false, now })
          : null;
      const userId = await insertUser(trx, {
        organisation_id: org.id,
        email: body.email,
        password_hash: passwordHash,
        name: body.name,
        role: body.accountType,
        employer_id: employerId,
        locale: body.locale,
        status: 'active',
        password_changed_at: now,
        created_at: now,
        updated_at: now,
      });
      for (const consent of SIGN_UP_CONSENTS) {
        await insertConsent(trx, {
          userId,
          purpose: consent.purpose,
          version: consent.version,
          grantedAt: now,
        });
      }
      const created = (await findUserById(trx, userId))!;
      const asUser = { ...ctx, actor: { ...ctx.actor, kind: body.accountType, userId } };
      await audit(
        asUser,
        {
          action: 'auth.sign_up',
          entityType: 'user',
          entityId: userId,
          after: {
            // A citizen's own account: the append-only log keeps no readable name or email,
            // so deleting the account (개인정보 파기) leaves nothing identifying behind.
            ...auditableUser(created),
            email: maskEmail(created.email),
            name: maskName(created.name),
            consents: SIGN_UP_CONSENTS.map((c) => `${c.purpose}@${c.version}`),
          },
        },
        trx,
      );
      return { userId, token: await startSession(trx, userId, settings.sessionTtlHours) };
    });
    return { token, user: await loadSessionUser(ctx.db, userId) };
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken();
    throw error;
  }
}

function emailTaken() {
  return new AppError('EMAIL_TAKEN', {}, [fieldError('email', 'email_taken')]);
}

/** Ends the request's session. */
export async function signOut(ctx: Ctx, sessionId: string | null): Promise<void> {
  if (!sessionId) return;
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await deleteSession(trx, sessionId);
    await audit(ctx, { action: 'auth.sign_out', entityType: 'user', entityId: ctx.actor.userId }, trx);
  });
}
