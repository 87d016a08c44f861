import {
  IdParams,
  Seeker,
  SeekerConsentBody,
  SeekerCreateBody,
  SeekerPatch,
  SeekerSelfCreateBody,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import * as seekers from './seekers.service.js';

const tags = ['seekers'];
const self = { permission: 'seekers.self' } as const;
const read = { permission: 'seekers.read' } as const;
const manage = { permission: 'seekers.manage' } as const;

/**
 * Seekers: a seeker's own profile and consents (`/me/seeker`), desk intake and audited
 * full-profile reads by staff (`/seekers/{id}`). The masked staff list is the search module's.
 */
export const seekersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/me/seeker', { config: self, schema: { tags, response: { 200: Seeker } } }, (r) =>
    seekers.getOwnSeeker(ctxOf(r)),
  );
  app.post(
    '/me/seeker',
    { config: self, schema: { tags, body: SeekerSelfCreateBody, response: { 201: Seeker } } },
    async (r, reply) => reply.status(201).send(await seekers.createOwnSeeker(ctxOf(r), r.body)),
  );
  app.patch(
    '/me/seeker',
    { config: self, schema: { tags, body: SeekerPatch, response: { 200: Seeker } } },
    (r) => seekers.patchOwnSeeker(ctxOf(r), r.body),
  );
  app.post(
    '/me/seeker/consents',
    { config: self, schema: { tags, body: SeekerConsentBody, response: { 200: Seeker } } },
    (r) => seekers.setOwnConsent(ctxOf(r), r.body),
  );

  app.post(
    '/seekers',
    { config: manage, schema: { tags, body: SeekerCreateBody, response: { 201: Seeker } } },
    async (r, reply) => reply.status(201).send(await seekers.createDeskSeeker(ctxOf(r), r.body)),
  );
  app.get(
    '/seekers/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Seeker } } },
    (r) => seekers.readSeekerAsStaff(ctxOf(r), r.params.id),
  );
  app.patch(
    '/seekers/:id',
    { config: manage, schema: { tags, params: IdParams, body: SeekerPatch, response: { 200: Seeker } } },
    (r) => seekers.patchSeekerAsStaff(ctxOf(r), r.params.id, r.body),
  );
  app.post(
    '/seekers/:id/consents',
    {
      config: manage,
      schema: { tags, params: IdParams, body: SeekerConsentBody, response: { 200: Seeker } },
    },
    (r) => seekers.setConsentAsStaff(ctxOf(r), r.params.id, r.body),
  );
};
