import { DeleteAccountBody, Ok, PrivacySettings, RetentionReport, RetentionRunBody } from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { clearSessionCookie, rotateCsrf } from '../../http/cookies.js';
import { deleteMyAccount, exportMyData } from './account.service.js';
import { getPrivacySettings, putPrivacySettings, runRetentionHere } from './privacy.service.js';

const tags = ['privacy'];
const self = { permission: 'seekers.self' } as const;
const manage = { permission: 'privacy.manage' } as const;

/** A person's data download and account deletion; the privacy settings and the retention job. */
export const privacyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/me/seeker/export',
    { config: self, schema: { tags, description: 'JSON download of everything held about the person' } },
    async (request, reply) => {
      const { data, exportedAt } = await exportMyData(ctxOf(request));
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="ilteo-my-data-${exportedAt.slice(0, 10)}.json"`)
        .header('cache-control', 'no-store')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.post(
    '/me/delete-account',
    { config: self, schema: { tags, body: DeleteAccountBody, response: { 200: Ok } } },
    async (request, reply) => {
      await deleteMyAccount(ctxOf(request), request.body.password);
      clearSessionCookie(reply);
      rotateCsrf(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/privacy/settings',
    { config: manage, schema: { tags, response: { 200: PrivacySettings } } },
    (r) => getPrivacySettings(ctxOf(r)),
  );
  app.put(
    '/privacy/settings',
    { config: manage, schema: { tags, body: PrivacySettings, response: { 200: PrivacySettings } } },
    (r) => putPrivacySettings(ctxOf(r), r.body),
  );
  app.post(
    '/privacy/retention/run',
    { config: manage, schema: { tags, body: RetentionRunBody, response: { 200: RetentionReport } } },
    (r) => runRetentionHere(ctxOf(r), r.body.dryRun),
  );
};
