import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { translateDbError } from '../db/tx.ts';
import { AppError } from '../errors.ts';

export function errorBody(code: string, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, details } };
}

const FASTIFY_CODES: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Maps every failure to `{ error: { code, message, details } }`; only real bugs become 500. */
export function handleError(raw: unknown, req: FastifyRequest, reply: FastifyReply) {
  const translated = translateDbError(raw);
  if (translated instanceof AppError) {
    const error = translated;
    if (error.status === 429 && typeof error.details.retryAfterSeconds === 'number')
      reply.header('retry-after', String(error.details.retryAfterSeconds));
    if (error.status >= 500) req.log.warn({ err: raw }, error.message);
    return reply.status(error.status).send(errorBody(error.code, error.message, error.details));
  }
  const error = translated as FastifyError;
  if (error.validation) {
    const issues = error.validation.map((v: any) => ({
      path: v.instancePath || v.params?.issue?.path?.join('.') || '',
      message: v.message,
    }));
    return reply
      .status(400)
      .send(errorBody('validation', `Invalid ${error.validationContext ?? 'request'}`, { issues }));
  }
  const status = error.statusCode;
  if (status && status >= 400 && status < 500) {
    const code =
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
        ? 'bad_json'
        : (FASTIFY_CODES[status] ?? 'bad_request');
    return reply.status(status).send(errorBody(code, error.message));
  }
  req.log.error({ err: raw }, 'unhandled error');
  return reply
    .status(500)
    .send(errorBody('internal', 'Internal error; it has been logged', { requestId: req.id }));
}
