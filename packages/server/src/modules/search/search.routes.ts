import { SeekerSearchPage, SeekerSearchQuery, VacancySearchPage, VacancySearchQuery } from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../../http/context.js';
import { searchSeekers, searchVacancies } from './search.service.js';

const tags = ['search'];

/** The vacancy search (public) and the staff search over seekers. */
export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/vacancies',
    {
      config: { permission: 'vacancies.search' },
      schema: { tags, querystring: VacancySearchQuery, response: { 200: VacancySearchPage } },
    },
    (r) => searchVacancies(ctxOf(r), r.query),
  );
  app.get(
    '/seekers',
    {
      config: { permission: 'seekers.read' },
      schema: { tags, querystring: SeekerSearchQuery, response: { 200: SeekerSearchPage } },
    },
    (r) => searchSeekers(ctxOf(r), r.query),
  );
};
