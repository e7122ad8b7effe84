import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { FIELD_ERROR_CODES, type ErrorBody, type FieldError, type FieldErrorCode } from '../../../shared/errors.ts';
import { AppError, httpStatusOf } from './app-error.ts';

const FIELD_CODES = new Set<string>(FIELD_ERROR_CODES);

/** Turns one zod issue (as fastify-type-provider-zod passes it on) into a field error the UI can translate. */
function fieldErrorOf(v: { keyword: string; instancePath: string; message?: string; params: Record<string, unknown> }, context: string | undefined): FieldError {
  const path: (string | number)[] = v.instancePath.split('/').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (context && context !== 'body') path.unshift(context);
  const message = v.message ?? '';
  let code: FieldErrorCode;
  if (FIELD_CODES.has(message)) code = message as FieldErrorCode;
  else if (v.keyword === 'invalid_type') code = /received undefined/.test(message) ? 'required' : 'invalid_type';
  else if (v.keyword === 'too_small') code = v.params['origin'] === 'string' ? 'too_short' : 'too_small';
  else if (v.keyword === 'too_big') code = v.params['origin'] === 'string' ? 'too_long' : 'too_big';
  else if (v.keyword === 'invalid_format') code = 'invalid_format';
  else if (v.keyword === 'invalid_value' || v.keyword === 'invalid_union') code = 'invalid_value';
  else if (v.keyword === 'unrecognized_keys') {
    const keys = (v.params['keys'] as string[] | undefined) ?? [];
    return { path: [...path, ...keys.slice(0, 1)], code: 'unknown_field' };
  } else code = 'invalid';
  const params: Record<string, string | number> = {};
  for (const key of ['minimum', 'maximum'] as const) {
    const value = v.params[key];
    if (typeof value === 'number' || typeof value === 'bigint') params[key] = Number(value);
  }
  return Object.keys(params).length ? { path, code, params } : { path, code };
}

function body(request: FastifyRequest, e: Omit<ErrorBody['error'], 'requestId'>): ErrorBody {
  return { error: { ...e, requestId: request.id } };
}

/**
 * The one place errors become responses. Anything a client can send ends in a
 * 4xx with the common error shape; only a bug of ours answers 500, and its
 * details go to the log, never to the client.
 */
export function handleError(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof AppError) {
    if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.status(httpStatusOf(error.code)).send(
      body(request, {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.current !== undefined ? { current: error.current } : {}),
        ...(error.candidates !== undefined ? { candidates: error.candidates } : {}),
        ...(error.retryAfterSeconds ? { retryAfterSeconds: error.retryAfterSeconds } : {}),
      }),
    );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext;
    const fields = error.validation.map((v) => fieldErrorOf(v as never, context));
    return reply.status(400).send(body(request, { code: 'validation_failed', message: 'Some fields are not valid.', fields }));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: { message: error.message, issues: error.cause.issues.map((i) => ({ path: i.path, code: i.code })) } }, 'response does not match its schema');
    return reply.status(500).send(body(request, { code: 'internal', message: 'Something went wrong on our side.' }));
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send(body(request, { code: 'payload_too_large', message: 'The request is too large.' }));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return reply.status(415).send(body(request, { code: 'unsupported_media_type', message: 'Send JSON.' }));
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply.status(400).send(body(request, { code: 'validation_failed', message: 'The request body is not valid JSON.', fields: [] }));
  }
  if (error instanceof SyntaxError || (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)) {
    return reply.status(400).send(body(request, { code: 'validation_failed', message: 'The request is not valid.', fields: [] }));
  }
  // pg error codes: a unique violation we did not anticipate is still the client's conflict.
  const pgCode = (error as { code?: unknown }).code;
  if (pgCode === '23505') return reply.status(409).send(body(request, { code: 'conflict', message: 'This conflicts with an existing record.' }));
  if (pgCode === '40001' || pgCode === '40P01') {
    return reply.status(409).send(body(request, { code: 'conflict', message: 'Another change happened at the same time; try again.' }));
  }
  if (pgCode === 'ECONNREFUSED' || pgCode === 'ENOENT' || pgCode === '57P01' || pgCode === '57P03' || /terminat|Connection/i.test(error.message)) {
    return reply.status(503).send(body(request, { code: 'service_unavailable', message: 'The database is not reachable right now.' }));
  }
  request.log.error({ err: { name: error.name, message: error.message, stack: error.stack, code: pgCode } }, 'unhandled error');
  return reply.status(500).send(body(request, { code: 'internal', message: 'Something went wrong on our side.' }));
}
