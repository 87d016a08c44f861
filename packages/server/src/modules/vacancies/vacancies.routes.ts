import {
  EmployerVacancyQuery,
  IdParams,
  MinimumWage,
  MinimumWageBody,
  MinimumWageList,
  pageOf,
  Vacancy,
  VacancyInput,
  VacancyPatch,
  VacancyStatusBody,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { listMinimumWages, setMinimumWage } from './minimum-wages.service.js';
import * as vacancies from './vacancies.service.js';

const tags = ['vacancies'];
const post = { permission: 'vacancies.post' } as const;

const FieldErrorOut = z.object({
  field: z.string(),
  code: z.string(),
  message: z.object({ ko: z.string(), en: z.string() }),
});

/**
 * Posting and editing vacancies, one vacancy's page, a company's own list, and the minimum wage
 * table. The public search (`GET /vacancies`) is the search module's.
 */
export const vacanciesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/vacancies',
    { config: post, schema: { tags, body: VacancyInput, response: { 201: Vacancy } } },
    async (r, reply) => reply.status(201).send(await vacancies.createVacancy(ctxOf(r), r.body)),
  );
  app.post(
    '/vacancies/validate',
    {
      config: post,
      schema: { tags, body: VacancyInput, response: { 200: z.object({ errors: z.array(FieldErrorOut) }) } },
    },
    (r) => vacancies.validateVacancy(ctxOf(r), r.body),
  );
  app.get(
    '/vacancies/:id',
    {
      config: { permission: 'vacancies.search' },
      schema: { tags, params: IdParams, response: { 200: Vacancy } },
    },
    (r) => vacancies.getVacancy(ctxOf(r), r.params.id),
  );
  app.patch(
    '/vacancies/:id',
    { config: post, schema: { tags, params: IdParams, body: VacancyPatch, response: { 200: Vacancy } } },
    (r) => vacancies.changeVacancy(ctxOf(r), r.params.id, r.body),
  );
  app.post(
    '/vacancies/:id/status',
    {
      config: post,
      schema: { tags, params: IdParams, body: VacancyStatusBody, response: { 200: Vacancy } },
    },
    (r) => vacancies.changeVacancyStatus(ctxOf(r), r.params.id, r.body),
  );
  app.get(
    '/employers/:id/vacancies',
    {
      config: { permission: 'employers.read' },
      schema: {
        tags,
        params: IdParams,
        querystring: EmployerVacancyQuery,
        response: { 200: pageOf(Vacancy) },
      },
    },
    (r) => vacancies.browseEmployerVacancies(ctxOf(r), r.params.id, r.query),
  );
  app.get(
    '/minimum-wages',
    { config: { permission: 'minimumWage.read' }, schema: { tags, response: { 200: MinimumWageList } } },
    (r) => listMinimumWages(ctxOf(r)),
  );
  app.post(
    '/minimum-wages',
    {
      config: { permission: 'minimumWage.manage' },
      schema: { tags, body: MinimumWageBody, response: { 200: MinimumWage } },
    },
    (r) => setMinimumWage(ctxOf(r), r.body),
  );
};
