import { can } from '@ilteo/shared';
import type { FastifyInstance } from 'fastify';
import { resolveSession } from '../modules/auth/sessions.js';
import { ANONYMOUS } from './context.js';
import { checkCsrf, SESSION_COOKIE } from './cookies.js';
import { AppError } from './errors.js';

/**
 * The one gate every request passes: who is asking (session cookie), whether their kind of actor
 * holds the route's permission, and the CSRF check on mutations. Every /api/v1 route must declare
 * a permission, or the server refuses to start.
 */
export function registerGuard(app: FastifyInstance, sessionTtlHours: number): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionId', null);

  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/v1') && !route.config?.permission) {
      throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 100) {
      const session = await resolveSession(app.db, token, sessionTtlHours);
      if (session) {
        request.actor = session.actor;
        request.sessionId = session.sessionId;
      }
    }
    const permission = request.routeOptions.config?.permission;
    if (permission && (request.actor.kind === 'system' || !can(request.actor.kind, permission))) {
      throw new AppError(request.actor.kind === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
    checkCsrf(request);
  });
}
