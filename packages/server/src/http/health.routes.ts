import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { migrationsCurrent } from '../db/migrate.js';
import { problemFor } from './errors.js';

/** Liveness and readiness for load balancers and orchestrators. */
export const healthRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(app.db.kysely);
      if (!(await migrationsCurrent(app.db))) {
        return reply
          .status(503)
          .send({ ...problemFor('INTERNAL', {}, [], request.id), detail: 'migrations pending' });
      }
      return { status: 'ready', database: app.db.dialect };
    } catch {
      return reply
        .status(503)
        .send({ ...problemFor('INTERNAL', {}, [], request.id), detail: 'database unreachable' });
    }
  });
};
