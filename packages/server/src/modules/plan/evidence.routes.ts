import { Evidence, IdParams, Ok, ResultParams } from '@ilteo/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../http/context.js';
import { readUpload, registerMultipart, sendFile } from './evidence.http.js';
import { attachEvidence, downloadEvidence, MAX_EVIDENCE_BYTES, removeEvidence } from './evidence.service.js';
import { evidenceStore } from './evidence.storage.js';

const tags = ['plan'];

/** Evidence files (증빙) attached to monthly results: upload, download, delete. */
export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  await registerMultipart(app);
  const store = evidenceStore(app.config.DATA_DIR);

  app.post(
    '/programs/:id/results/:month/evidence',
    {
      config: { permission: 'results.report' },
      schema: {
        tags,
        summary:
          'Attach an evidence file (multipart/form-data, field `file`, ≤ 10 MB; PDF, PNG, JPEG, XLSX, DOCX, HWP, HWPX)',
        consumes: ['multipart/form-data'],
        params: ResultParams,
        response: { 201: Evidence },
      },
    },
    async (r, reply) => {
      const upload = await readUpload(r, MAX_EVIDENCE_BYTES);
      return reply
        .status(201)
        .send(await attachEvidence(ctxOf(r), store, r.params.id, r.params.month, upload));
    },
  );
  app.get(
    '/evidence/:id',
    {
      config: { permission: 'plan.read' },
      schema: {
        tags,
        params: IdParams,
        response: {
          200: {
            description: 'The file as uploaded',
            content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } },
          },
        },
      },
    },
    async (r, reply) =>
      sendFile(reply, await downloadEvidence(ctxOf(r), store, r.params.id), 'private, no-store'),
  );
  app.delete(
    '/evidence/:id',
    { config: { permission: 'results.report' }, schema: { tags, params: IdParams, response: { 200: Ok } } },
    (r) => removeEvidence(ctxOf(r), store, r.params.id),
  );
};
