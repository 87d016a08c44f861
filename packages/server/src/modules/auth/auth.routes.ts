import {
  ChangePasswordBody,
  MeResponse,
  Ok,
  OrganisationResponse,
  SessionResponse,
  SessionUser,
  SignInBody,
  SignUpBody,
  UpdateMeBody,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { clearSessionCookie, rotateCsrf, setSessionCookie } from '../../http/cookies.js';
import { perAddressRateLimit } from '../../http/rate-limit.js';
import { changePassword, getMe, loadSessionUser, updateMe } from './account.service.js';
import { signIn, signOut, signUp } from './auth.service.js';
import { getOrganisation } from './organisation.service.js';

const UserResponse = z.object({ user: SessionUser });

/** Session, sign-in, sign-up, sign-out, the user's own account, and the organisation. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const settings = {
    sessionTtlHours: app.config.SESSION_TTL_HOURS,
    maxAttempts: app.config.LOGIN_MAX_ATTEMPTS,
    lockMinutes: app.config.LOGIN_LOCK_MINUTES,
  };
  const limitSignIn = perAddressRateLimit(app.config.LOGIN_RATE_PER_MINUTE);
  const limitSignUp = perAddressRateLimit(app.config.LOGIN_RATE_PER_MINUTE);

  app.get(
    '/auth/session',
    {
      config: { permission: 'session.read' },
      schema: { tags: ['auth'], response: { 200: SessionResponse } },
    },
    async (request, reply) => ({
      user: request.actor.userId ? await loadSessionUser(app.db, request.actor.userId) : null,
      csrfToken: reply.csrfToken(),
    }),
  );

  app.post(
    '/auth/sign-in',
    {
      config: { permission: 'auth.signIn' },
      schema: { tags: ['auth'], body: SignInBody, response: { 200: UserResponse } },
      onRequest: limitSignIn,
    },
    async (request, reply) => {
      const { token, user } = await signIn(ctxOf(request), request.body, settings);
      setSessionCookie(reply, token, settings.sessionTtlHours);
      rotateCsrf(reply);
      return { user };
    },
  );

  app.post(
    '/auth/sign-up',
    {
      config: { permission: 'auth.signUp' },
      schema: { tags: ['auth'], body: SignUpBody, response: { 201: UserResponse } },
      onRequest: limitSignUp,
    },
    async (request, reply) => {
      const { token, user } = await signUp(ctxOf(request), request.body, settings);
      setSessionCookie(reply, token, settings.sessionTtlHours);
      rotateCsrf(reply);
      return reply.status(201).send({ user });
    },
  );

  app.post(
    '/auth/sign-out',
    { config: { permission: 'auth.signOut' }, schema: { tags: ['auth'], response: { 200: Ok } } },
    async (request, reply) => {
      await signOut(ctxOf(request), request.sessionId);
      clearSessionCookie(reply);
      rotateCsrf(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    { config: { permission: 'me.read' }, schema: { tags: ['account'], response: { 200: MeResponse } } },
    (request) => getMe(ctxOf(request)),
  );

  app.patch(
    '/me',
    {
      config: { permission: 'me.update' },
      schema: { tags: ['account'], body: UpdateMeBody, response: { 200: UserResponse } },
    },
    async (request) => ({ user: await updateMe(ctxOf(request), request.body) }),
  );

  app.post(
    '/me/password',
    {
      config: { permission: 'me.update' },
      schema: { tags: ['account'], body: ChangePasswordBody, response: { 200: UserResponse } },
    },
    async (request) => ({ user: await changePassword(ctxOf(request), request.body, request.sessionId) }),
  );

  app.get(
    '/organisation',
    {
      config: { permission: 'organisation.read' },
      schema: { tags: ['organisation'], response: { 200: OrganisationResponse } },
    },
    (request) => getOrganisation(ctxOf(request)),
  );
};
