import {
  RegionPage,
  RegionQuery,
  TaxonomyItemDetail,
  TaxonomyItemPage,
  TaxonomyItemParams,
  type TaxonomyKind,
  TaxonomyQuery,
  TaxonomyScheme,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { browseItems, browseRegions, getItem, listSchemes } from './taxonomy.service.js';

const tags = ['taxonomy'];
const config = { permission: 'taxonomy.read' } as const;

const KIND_PATHS: Record<string, TaxonomyKind> = {
  occupations: 'occupation',
  skills: 'skill',
  certificates: 'certificate',
};

/** Occupations, skills, certificates and regions: reference data anyone may read. */
export const taxonomyRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const [path, kind] of Object.entries(KIND_PATHS)) {
    app.get(
      `/taxonomy/${path}`,
      { config, schema: { tags, querystring: TaxonomyQuery, response: { 200: TaxonomyItemPage } } },
      (r) => browseItems(ctxOf(r), kind, r.query),
    );
    app.get(
      `/taxonomy/${path}/:scheme/:code`,
      { config, schema: { tags, params: TaxonomyItemParams, response: { 200: TaxonomyItemDetail } } },
      (r) => getItem(ctxOf(r), kind, r.params.scheme, r.params.code),
    );
  }
  app.get(
    '/taxonomy/schemes',
    { config, schema: { tags, response: { 200: z.array(TaxonomyScheme) } } },
    (r) => listSchemes(ctxOf(r)),
  );
  app.get(
    '/regions',
    { config, schema: { tags, querystring: RegionQuery, response: { 200: RegionPage } } },
    (r) => browseRegions(ctxOf(r), r.query),
  );
};
