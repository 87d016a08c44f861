import {
  ExportQuery,
  ImportKindParams,
  ImportQuery,
  ImportReport,
  ImportRunPage,
  ImportRunQuery,
  REGISTRY_EXPORT_KINDS,
} from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { readUpload, registerMultipart, sendFile } from '../plan/evidence.http.js';
import { exportForActor } from './exports.service.js';
import { browseImportRuns, importUpload, MAX_IMPORT_BYTES } from './imports.service.js';
import { CSV_TYPE, XLSX_TYPE } from './tabular.js';

const tags = ['imports'];

/** Imports (CSV, XLSX, 고용24 XML) and exports (XLSX, CSV) of seekers, employers and vacancies. */
export const importsRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerMultipart(app);

  app.post(
    '/imports/:kind',
    {
      config: { permission: 'registry.import' },
      schema: {
        tags,
        summary:
          'Import seekers, employers or vacancies from CSV/XLSX, or vacancies from 고용24 XML (multipart/form-data, field `file`, ≤ 10 MB)',
        consumes: ['multipart/form-data'],
        params: ImportKindParams,
        querystring: ImportQuery,
        response: { 200: ImportReport },
      },
    },
    async (r) => {
      const upload = await readUpload(r, MAX_IMPORT_BYTES);
      return importUpload(ctxOf(r), {
        kind: r.params.kind,
        ...r.query,
        filename: upload.filename,
        bytes: upload.bytes,
      });
    },
  );

  app.get(
    '/imports',
    {
      config: { permission: 'registry.import' },
      schema: {
        tags,
        summary: 'Past imports, newest first',
        querystring: ImportRunQuery,
        response: { 200: ImportRunPage },
      },
    },
    (r) => browseImportRuns(ctxOf(r), r.query),
  );

  for (const kind of REGISTRY_EXPORT_KINDS) {
    for (const [format, type] of [
      ['xlsx', XLSX_TYPE],
      ['csv', CSV_TYPE],
    ] as const) {
      app.get(
        `/exports/${kind}.${format}`,
        {
          config: { permission: 'registry.export' },
          schema: {
            tags,
            summary: `Export ${kind} as ${format.toUpperCase()} (the import's columns; audited)`,
            querystring: ExportQuery,
            response: {
              200: {
                description: `${kind} as ${format}`,
                content: { [type]: { schema: z.string().meta({ format: 'binary' }) } },
              },
            },
          },
        },
        async (r, reply) =>
          sendFile(
            reply,
            await exportForActor(ctxOf(r), kind, format, r.query.template),
            'private, no-store',
          ),
      );
    }
  }
};
