import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fieldErrorsFromValidation, problemFor } from './errors.js';

const PROBLEM = 'application/problem+json; charset=utf-8';

/** Every error leaves as RFC 9457 problem+json; unexpected ones are logged and become a 500. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const send = (problem: ReturnType<typeof problemFor>) =>
      reply.status(problem.status).type(PROBLEM).send(problem);

    if (error instanceof AppError) {
      return send(problemFor(error.code, error.params, error.fieldErrors, request.id));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = fieldErrorsFromValidation(error.validation, error.validationContext);
      return send(problemFor('VALIDATION', {}, errors, request.id));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return send(problemFor('PAYLOAD_TOO_LARGE', {}, [], request.id));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(problemFor('UNSUPPORTED_MEDIA_TYPE', {}, [], request.id));
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
      return send(problemFor('BAD_REQUEST', {}, [], request.id));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Malformed JSON and similar client mistakes that Fastify detects before our code runs.
      return send(problemFor('BAD_REQUEST', {}, [], request.id));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error.cause }, 'response did not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return send(problemFor('INTERNAL', {}, [], request.id));
  });
}
