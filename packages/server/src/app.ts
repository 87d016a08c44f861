import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/kysely.js';
import { registerCsrf } from './http/cookies.js';
import { registerErrorHandler } from './http/error-handler.js';
import { problemFor } from './http/errors.js';
import { registerGuard } from './http/guard.js';
import { healthRoutes } from './http/health.routes.js';
import { analyticsRoutes } from './modules/analytics/analytics.routes.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { usersRoutes } from './modules/auth/users.routes.js';
import { employersRoutes } from './modules/employers/employers.routes.js';
import { importsRoutes } from './modules/imports/imports.routes.js';
import { matchingRoutes } from './modules/matching/matching.routes.js';
import { evidenceRoutes } from './modules/plan/evidence.routes.js';
import { planRoutes } from './modules/plan/plan.routes.js';
import { publicPlanRoutes } from './modules/plan/public.routes.js';
import { privacyRoutes } from './modules/privacy/privacy.routes.js';
import { publicReportRoutes, reportRoutes } from './modules/reports/reports.routes.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { stopSearchIndexes } from './modules/search/search-index.js';
import { seekersRoutes } from './modules/seekers/seekers.routes.js';
import { taxonomyRoutes } from './modules/taxonomy/taxonomy.routes.js';
import { vacanciesRoutes } from './modules/vacancies/vacancies.routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface AppOptions {
  config: Config;
  db: Db;
  /** Pino logger options; tests pass `false`. */
  logger?: boolean | object;
}

/** Builds the Fastify app: the API, its OpenAPI document, and the web app. Tests use app.inject. */
export async function buildApp({ config, db, logger }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? {
      level: config.LOG_LEVEL,
      // No personal data in logs: requests are logged by path only, never with query, cookies or bodies.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          method: req.method,
          path: req.url.split('?')[0],
          id: req.id,
        }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    bodyLimit: 1024 * 1024,
    trustProxy: config.TRUST_PROXY,
  });
  app.decorate('db', db);
  app.decorate('config', config);
  // The search index follows the database in the background once used; closing the app stops it.
  app.addHook('onClose', async () => stopSearchIndexes(db));
  // The API speaks JSON only: anything else is 415, not a string handed to the validators.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  registerCsrf(app, config.COOKIE_SECURE);
  registerGuard(app, config.SESSION_TTL_HOURS);
  registerErrorHandler(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'ilteo API', version: '1', description: '일터 — jobs plan and employment services' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ilteo_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      await api.register(authRoutes);
      await api.register(usersRoutes);
      await api.register(auditRoutes);
      await api.register(planRoutes);
      await api.register(publicPlanRoutes);
      await api.register(evidenceRoutes);
      await api.register(reportRoutes);
      await api.register(publicReportRoutes);
      await api.register(taxonomyRoutes);
      await api.register(employersRoutes);
      await api.register(vacanciesRoutes);
      await api.register(seekersRoutes);
      await api.register(privacyRoutes);
      await api.register(searchRoutes);
      await api.register(importsRoutes);
      await api.register(analyticsRoutes);
      await api.register(matchingRoutes);
    },
    { prefix: '/api/v1' },
  );

  const webDir = config.WEB_DIR ?? DEFAULT_WEB_DIR;
  const serveWeb = fs.existsSync(`${webDir}/index.html`);
  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  app.setNotFoundHandler((request, reply) => {
    const isApi =
      request.url.startsWith('/api') ||
      request.url.startsWith('/healthz') ||
      request.url.startsWith('/readyz');
    if (serveWeb && !isApi && request.method === 'GET') {
      // The web app routes on the client: any other page path gets index.html.
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .type('application/problem+json')
      .send(problemFor('NOT_FOUND', {}, [], request.id));
  });
  return app;
}
