import { DongFeatures, MismatchQuery, MismatchReport } from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { sendFile } from '../plan/evidence.http.js';
import { dongFeatures, mismatchReport } from './analytics.service.js';
import { mismatchWorkbook } from './mismatch.xlsx.js';

const tags = ['analytics'];
const config = { permission: 'analytics.read' } as const;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The mismatch analytics (미스매치 분석): JSON, XLSX, and the dongs' shapes for the map. */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/analytics/mismatch',
    { config, schema: { tags, querystring: MismatchQuery, response: { 200: MismatchReport } } },
    (r) => mismatchReport(ctxOf(r), r.query),
  );
  app.get(
    '/analytics/mismatch.xlsx',
    {
      config,
      schema: {
        tags,
        querystring: MismatchQuery,
        response: {
          200: {
            description: 'The mismatch tables as XLSX',
            content: { [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) } },
          },
        },
      },
    },
    async (r, reply) => {
      const report = await mismatchReport(ctxOf(r), r.query);
      const suffix =
        report.month === null ? `${report.year}` : `${report.year}-${String(report.month).padStart(2, '0')}`;
      return sendFile(
        reply,
        {
          bytes: await mismatchWorkbook(report),
          contentType: XLSX_TYPE,
          filename: `미스매치분석-${suffix}.xlsx`,
          asciiFilename: `mismatch-${suffix}.xlsx`,
        },
        'private, no-store',
      );
    },
  );
  app.get('/analytics/dongs.geojson', { config, schema: { tags, response: { 200: DongFeatures } } }, (r) =>
    dongFeatures(ctxOf(r)),
  );
};
