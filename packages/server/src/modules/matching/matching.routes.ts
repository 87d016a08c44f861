import {
  CandidateList,
  MatchEvaluateBody,
  MatchEvaluation,
  MatchFeedback,
  MatchFeedbackBody,
  MatchQuery,
  MatchWeightsSettings,
  VacancyRecommendationList,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { evaluateProposedWeights } from './evaluation.service.js';
import {
  getWeights,
  recordFeedback,
  saveWeights,
  seekerRecommendations,
  vacancyCandidates,
} from './matching.service.js';

const tags = ['matching'];
const IdParams = z.strictObject({ id: z.coerce.number().int().positive() });
const WeightsBody = z.strictObject({ weights: MatchWeightsSettings.shape.weights });

/** Recommendations both ways, feedback on them, and the organisation's weights (#5). */
export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/seekers/:id/recommendations',
    {
      config: { permission: 'matching.recommendations' },
      schema: {
        tags,
        params: IdParams,
        querystring: MatchQuery,
        response: { 200: VacancyRecommendationList },
      },
    },
    (r) => seekerRecommendations(ctxOf(r), r.params.id, r.query),
  );
  app.get(
    '/vacancies/:id/candidates',
    {
      config: { permission: 'matching.candidates' },
      schema: { tags, params: IdParams, querystring: MatchQuery, response: { 200: CandidateList } },
    },
    (r) => vacancyCandidates(ctxOf(r), r.params.id, r.query),
  );
  app.post(
    '/matching/feedback',
    {
      config: { permission: 'matching.feedback' },
      schema: { tags, body: MatchFeedbackBody, response: { 200: MatchFeedback } },
    },
    (r) => recordFeedback(ctxOf(r), r.body),
  );
  app.get(
    '/matching/weights',
    {
      config: { permission: 'matching.weights.read' },
      schema: { tags, response: { 200: MatchWeightsSettings } },
    },
    (r) => getWeights(ctxOf(r)),
  );
  app.put(
    '/matching/weights',
    {
      config: { permission: 'matching.manage' },
      schema: { tags, body: WeightsBody, response: { 200: MatchWeightsSettings } },
    },
    (r) => saveWeights(ctxOf(r), r.body.weights),
  );
  app.post(
    '/matching/evaluate',
    {
      config: { permission: 'matching.manage' },
      schema: { tags, body: MatchEvaluateBody, response: { 200: MatchEvaluation } },
    },
    (r) => evaluateProposedWeights(ctxOf(r), r.body.weights),
  );
};
