import { AppError, type AppErrorCode } from '@cers/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';

const STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_INPUT: 400,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  TOO_MANY_REQUESTS: 429,
};

/** 4xx keep their message; anything else is logged and answered with a generic 500 (fastify/demo). */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .code(STATUS[error.code])
        .send({ error: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const details = error.validation.map((v) => ({ path: v.instancePath || v.params?.issue?.path?.join('.') || '', message: v.message }));
      const first = details[0];
      const where = first?.path ? ` (${first.path.replace(/^\//, '').replaceAll('/', '.')})` : '';
      return reply
        .code(400)
        .send({ error: 'INVALID_INPUT', message: `Invalid request${where}: ${first?.message ?? 'bad input'}`, details });
    }
    if (error instanceof ZodError) {
      return reply.code(400).send({ error: 'INVALID_INPUT', message: error.issues[0]?.message ?? 'Invalid input', details: error.issues });
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return reply.code(500).send({ error: 'INTERNAL', message: 'Internal Server Error' });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const known = FASTIFY_4XX[error.code ?? ''];
      if (known) return reply.code(known.status).send({ error: known.error, message: known.message });
      return reply.code(status).send({ error: error.code ?? 'BAD_REQUEST', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({ error: 'INTERNAL', message: 'Internal Server Error' });
  });
}

/** Fastify's own request errors, answered in words a user (or an API client) can act on. */
const FASTIFY_4XX: Record<string, { status: number; error: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Unsupported content type: send the request body as application/json.',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    error: 'INVALID_INPUT',
    message: 'The Content-Length header does not match the request body.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    error: 'INVALID_INPUT',
    message: 'The request body is empty but the content type is application/json.',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'INVALID_INPUT', message: 'The request body is not valid JSON.' },
};
