import {
  AnswerBody,
  CopyPlanBody,
  CreatePlanBody,
  CreateProgramBody,
  Dashboard,
  DashboardQuery,
  IdParams,
  ModerateBody,
  Opinion,
  OpinionBody,
  Plan,
  PlanSummaryItem,
  Program,
  ProgramResults,
  ReorderBody,
  ResultBody,
  ResultParams,
  ReturnBody,
  StrategyBody,
  UpdatePlanBody,
  UpdateProgramBody,
  UpdateStrategyBody,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { getDashboard } from './monitoring.service.js';
import { answerOpinion, listOpinions, moderateOpinion, postOpinion } from './opinions.service.js';
import * as plans from './plan.service.js';
import { programResults, saveResult, transitionResult } from './results.service.js';

const tags = ['plan'];
const read = { permission: 'plan.read' } as const;
const manage = { permission: 'plan.manage' } as const;

/** The jobs plan in the back office: structure, results workflow, monitoring, opinions. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/plans', { config: read, schema: { tags, response: { 200: z.array(PlanSummaryItem) } } }, (r) =>
    plans.browsePlans(ctxOf(r)),
  );
  app.post(
    '/plans',
    { config: manage, schema: { tags, body: CreatePlanBody, response: { 201: Plan } } },
    async (r, reply) => reply.status(201).send(await plans.createPlan(ctxOf(r), r.body)),
  );
  app.get('/plans/:id', { config: read, schema: { tags, params: IdParams, response: { 200: Plan } } }, (r) =>
    plans.getPlan(ctxOf(r), r.params.id),
  );
  app.patch(
    '/plans/:id',
    { config: manage, schema: { tags, params: IdParams, body: UpdatePlanBody, response: { 200: Plan } } },
    (r) => plans.changePlan(ctxOf(r), r.params.id, r.body),
  );
  app.post(
    '/plans/:id/publish',
    { config: manage, schema: { tags, params: IdParams, response: { 200: Plan } } },
    (r) => plans.setPublished(ctxOf(r), r.params.id, true),
  );
  app.post(
    '/plans/:id/unpublish',
    { config: manage, schema: { tags, params: IdParams, response: { 200: Plan } } },
    (r) => plans.setPublished(ctxOf(r), r.params.id, false),
  );
  app.post(
    '/plans/:id/copy',
    { config: manage, schema: { tags, params: IdParams, body: CopyPlanBody, response: { 201: Plan } } },
    async (r, reply) => reply.status(201).send(await plans.copyPlan(ctxOf(r), r.params.id, r.body)),
  );
  app.get(
    '/plans/:id/dashboard',
    {
      config: read,
      schema: { tags, params: IdParams, querystring: DashboardQuery, response: { 200: Dashboard } },
    },
    (r) => getDashboard(ctxOf(r), r.params.id, r.query.asOf),
  );

  app.post(
    '/plans/:id/strategies',
    { config: manage, schema: { tags, params: IdParams, body: StrategyBody, response: { 201: Plan } } },
    async (r, reply) => reply.status(201).send(await plans.addStrategy(ctxOf(r), r.params.id, r.body)),
  );
  app.post(
    '/plans/:id/strategies/order',
    { config: manage, schema: { tags, params: IdParams, body: ReorderBody, response: { 200: Plan } } },
    (r) => plans.reorderStrategies(ctxOf(r), r.params.id, r.body.ids),
  );
  app.patch(
    '/strategies/:id',
    { config: manage, schema: { tags, params: IdParams, body: UpdateStrategyBody, response: { 200: Plan } } },
    (r) => plans.changeStrategy(ctxOf(r), r.params.id, r.body),
  );
  app.delete(
    '/strategies/:id',
    { config: manage, schema: { tags, params: IdParams, response: { 200: Plan } } },
    (r) => plans.removeStrategy(ctxOf(r), r.params.id),
  );
  app.post(
    '/strategies/:id/programs',
    {
      config: manage,
      schema: { tags, params: IdParams, body: CreateProgramBody, response: { 201: Program } },
    },
    async (r, reply) => reply.status(201).send(await plans.addProgram(ctxOf(r), r.params.id, r.body)),
  );
  app.post(
    '/strategies/:id/programs/order',
    { config: manage, schema: { tags, params: IdParams, body: ReorderBody, response: { 200: Plan } } },
    (r) => plans.reorderPrograms(ctxOf(r), r.params.id, r.body.ids),
  );
  app.get(
    '/programs/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: Program } } },
    (r) => plans.getProgram(ctxOf(r), r.params.id),
  );
  app.patch(
    '/programs/:id',
    {
      config: manage,
      schema: { tags, params: IdParams, body: UpdateProgramBody, response: { 200: Program } },
    },
    (r) => plans.changeProgram(ctxOf(r), r.params.id, r.body),
  );
  app.delete(
    '/programs/:id',
    { config: manage, schema: { tags, params: IdParams, response: { 200: Plan } } },
    (r) => plans.removeProgram(ctxOf(r), r.params.id),
  );

  app.get(
    '/programs/:id/results',
    { config: read, schema: { tags, params: IdParams, response: { 200: ProgramResults } } },
    (r) => programResults(ctxOf(r), r.params.id),
  );
  app.put(
    '/programs/:id/results/:month',
    {
      config: { permission: 'results.report' },
      schema: { tags, params: ResultParams, body: ResultBody, response: { 200: ProgramResults } },
    },
    (r) => saveResult(ctxOf(r), r.params.id, r.params.month, r.body),
  );
  app.post(
    '/programs/:id/results/:month/submit',
    {
      config: { permission: 'results.report' },
      schema: { tags, params: ResultParams, response: { 200: ProgramResults } },
    },
    (r) => transitionResult(ctxOf(r), r.params.id, r.params.month, 'submit'),
  );
  app.post(
    '/programs/:id/results/:month/approve',
    {
      config: { permission: 'results.review' },
      schema: { tags, params: ResultParams, response: { 200: ProgramResults } },
    },
    (r) => transitionResult(ctxOf(r), r.params.id, r.params.month, 'approve'),
  );
  app.post(
    '/programs/:id/results/:month/return',
    {
      config: { permission: 'results.review' },
      schema: { tags, params: ResultParams, body: ReturnBody, response: { 200: ProgramResults } },
    },
    (r) => transitionResult(ctxOf(r), r.params.id, r.params.month, 'return', r.body.comment),
  );

  app.get(
    '/plans/:id/opinions',
    { config: read, schema: { tags, params: IdParams, response: { 200: z.array(Opinion) } } },
    (r) => listOpinions(ctxOf(r), r.params.id),
  );
  app.post(
    '/plans/:id/opinions',
    {
      config: { permission: 'opinions.post' },
      schema: { tags, params: IdParams, body: OpinionBody, response: { 201: Opinion } },
    },
    async (r, reply) => reply.status(201).send(await postOpinion(ctxOf(r), r.params.id, r.body)),
  );
  app.post(
    '/opinions/:id/answer',
    {
      config: { permission: 'opinions.moderate' },
      schema: { tags, params: IdParams, body: AnswerBody, response: { 200: Opinion } },
    },
    (r) => answerOpinion(ctxOf(r), r.params.id, r.body),
  );
  app.post(
    '/opinions/:id/moderation',
    {
      config: { permission: 'opinions.moderate' },
      schema: { tags, params: IdParams, body: ModerateBody, response: { 200: Opinion } },
    },
    (r) => moderateOpinion(ctxOf(r), r.params.id, r.body),
  );
};
