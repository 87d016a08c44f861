import {
  IdParams,
  Opinion,
  OpinionBody,
  PublicPlan,
  PublicPlanListItem,
  Rollup,
  RollupQuery,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { perAddressRateLimit } from '../../http/rate-limit.js';
import { listPublicOpinions, postOpinion } from './opinions.service.js';
import { getPublicPlan, getPublicRollup, listPublicPlans } from './public.service.js';

const tags = ['public'];
const config = { permission: 'public.read' } as const;

/** The citizens' side of the plan: published plans with approved results only; no sign-in. */
export const publicPlanRoutes: FastifyPluginAsyncZod = async (app) => {
  const limitPosts = perAddressRateLimit(app.config.LOGIN_RATE_PER_MINUTE);
  app.get(
    '/public/plans',
    { config, schema: { tags, response: { 200: z.array(PublicPlanListItem) } } },
    (r) => listPublicPlans(ctxOf(r)),
  );
  app.get(
    '/public/plans/:id',
    { config, schema: { tags, params: IdParams, response: { 200: PublicPlan } } },
    (r) => getPublicPlan(ctxOf(r), r.params.id),
  );
  app.get(
    '/public/rollup',
    { config, schema: { tags, querystring: RollupQuery, response: { 200: Rollup } } },
    (r) => getPublicRollup(ctxOf(r), r.query.year),
  );
  app.get(
    '/public/plans/:id/opinions',
    { config, schema: { tags, params: IdParams, response: { 200: z.array(Opinion) } } },
    (r) => listPublicOpinions(ctxOf(r), r.params.id),
  );
  app.post(
    '/public/plans/:id/opinions',
    {
      config: { permission: 'opinions.post' },
      onRequest: limitPosts,
      schema: { tags, params: IdParams, body: OpinionBody, response: { 201: Opinion } },
    },
    async (r, reply) => reply.status(201).send(await postOpinion(ctxOf(r), r.params.id, r.body)),
  );
};
