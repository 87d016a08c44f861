import { can, type Permission } from '@ilteo/shared';
import type { FastifyInstance } from 'fastify';
import { resolveSession } from '../modules/auth/sessions.js';
import { ANONYMOUS } from './context.js';
import { checkCsrf, SESSION_COOKIE } from './cookies.js';
import { AppError } from './errors.js';

/** An API route and the permission it declares. */
export interface ApiRoute {
  method: string;
  url: string;
  permission: Permission;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api/v1 route with its permission, for the role × route test and the docs. */
    apiRoutes: ApiRoute[];
  }
}

/**
 * The one gate every request passes: who is asking (session cookie), whether their kind of actor
 * holds the route's permission, and the CSRF check on mutations. Every /api/v1 route must declare
 * a permission, or the server refuses to start.
 */
export function registerGuard(app: FastifyInstance, sessionTtlHours: number): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionId', null);

  const apiRoutes: ApiRoute[] = [];
  app.decorate('apiRoutes', apiRoutes);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1')) return;
    const permission = route.config?.permission;
    if (!permission) throw new Error(`Route ${route.method} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') apiRoutes.push({ method, url: route.url, permission });
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
