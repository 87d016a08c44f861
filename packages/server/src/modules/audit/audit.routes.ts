import { AuditPage, AuditQuery } from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { browseAudit } from './audit.service.js';

/** The audit log is read-only over HTTP: there is no route that changes or deletes it. */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    (request) => browseAudit(ctxOf(request), request.query),
  );
};
