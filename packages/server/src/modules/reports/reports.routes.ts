import { DashboardQuery, IdParams, Plan } from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { fieldErrorsFromValidation, validationError } from '../../http/errors.js';
import { readUpload, registerMultipart, sendFile } from '../plan/evidence.http.js';
import { importNewPlan, replacePlanStructure } from './import.service.js';
import { MAX_IMPORT_BYTES } from './plan-import.js';
import { exportPlan, exportPublicPlan, REPORT_FORMATS, type ReportFormat } from './reports.service.js';

const tags = ['reports'];
const read = { permission: 'plan.read' } as const;
const manage = { permission: 'plan.manage' } as const;

const CONTENT_TYPES: Record<ReportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  csv: 'text/csv',
};
/** The OpenAPI description of a file response. */
const fileResponse = (format: ReportFormat) => ({
  200: {
    description: `The report as ${format.toUpperCase()}`,
    content: { [CONTENT_TYPES[format]]: { schema: z.string().meta({ format: 'binary' }) } },
  },
});

/** Multipart text fields of a new-plan import. */
const ImportFields = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });

/** Back-office reports: a plan with its dashboard as XLSX, PDF or CSV, and plan workbooks imported. */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerMultipart(app);
  for (const format of REPORT_FORMATS) {
    app.get(
      `/plans/:id/export.${format}`,
      {
        config: read,
        schema: { tags, params: IdParams, querystring: DashboardQuery, response: fileResponse(format) },
      },
      async (r, reply) =>
        sendFile(reply, await exportPlan(ctxOf(r), r.params.id, format, r.query.asOf), 'private, no-store'),
    );
  }
  app.post(
    '/plans/import',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Create a plan from a plan workbook (multipart/form-data: `year`, `file`)',
        consumes: ['multipart/form-data'],
        response: { 201: Plan },
      },
    },
    async (r, reply) => {
      const upload = await readUpload(r, MAX_IMPORT_BYTES);
      const fields = ImportFields.safeParse(upload.fields);
      if (!fields.success) {
        throw validationError(
          fieldErrorsFromValidation(
            fields.error.issues.map((i) => ({
              keyword: i.code,
              instancePath: `/${i.path.join('/')}`,
              params: { ...i, input: upload.fields[String(i.path[0])] },
            })),
          ),
        );
      }
      return reply.status(201).send(await importNewPlan(ctxOf(r), fields.data.year, upload.bytes));
    },
  );
  app.post(
    '/plans/:id/import',
    {
      config: manage,
      schema: {
        tags,
        summary:
          'Replace the structure of a plan without results from a plan workbook (multipart/form-data: `file`)',
        consumes: ['multipart/form-data'],
        params: IdParams,
        response: { 200: Plan },
      },
    },
    async (r) => replacePlanStructure(ctxOf(r), r.params.id, (await readUpload(r, MAX_IMPORT_BYTES)).bytes),
  );
};

/** The citizens' downloadable report of a published plan (approved results only). */
export const publicReportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const format of REPORT_FORMATS) {
    app.get(
      `/public/plans/:id/report.${format}`,
      {
        config: { permission: 'public.read' },
        schema: { tags: ['public'], params: IdParams, response: fileResponse(format) },
      },
      async (r, reply) =>
        sendFile(reply, await exportPublicPlan(ctxOf(r), r.params.id, format), 'public, max-age=300'),
    );
  }
};
