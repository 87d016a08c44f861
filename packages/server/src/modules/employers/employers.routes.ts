import {
  Employer,
  EmployerInput,
  EmployerPage,
  EmployerPatch,
  EmployerQuery,
  IdParams,
  VerifyEmployerBody,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import * as employers from './employers.service.js';

const tags = ['employers'];
const read = { permission: 'employers.read' } as const;
const manage = { permission: 'employers.manage' } as const;

/** Company profiles: staff lists and registration, an employer's own profile, verification. */
export const employersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/employers',
    { config: read, schema: { tags, querystring: EmployerQuery, response: { 200: EmployerPage } } },
    (r) => employers.browseEmployers(ctxOf(r), r.query),
  );
  app.post(
    '/employers',
    { config: manage, schema: { tags, body: EmployerInput, response: { 201: Employer } } },
    async (r, reply) => reply.status(201).send(await employers.createEmployer(ctxOf(r), r.body)),
  );
  app.get(
    '/employers/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Employer } } },
    (r) => employers.getEmployer(ctxOf(r), r.params.id),
  );
  app.patch(
    '/employers/:id',
    { config: manage, schema: { tags, params: IdParams, body: EmployerPatch, response: { 200: Employer } } },
    (r) => employers.changeEmployer(ctxOf(r), r.params.id, r.body),
  );
  app.post(
    '/employers/:id/verify',
    {
      config: manage,
      schema: { tags, params: IdParams, body: VerifyEmployerBody, response: { 200: Employer } },
    },
    (r) => employers.verifyEmployer(ctxOf(r), r.params.id, r.body),
  );
};
