import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDataException, pgErrorOf } from '../db/pg-errors.js';
import { localiseMessage, serverMessage } from '../domain/error-messages/catalogue.js';
import { AppError, ERROR_CODES, type ErrorCode, type FieldIssue } from '../domain/errors.js';
import { localisedAppError, zodMessage } from './localise-problem.js';
import { requestLanguage } from './request-language.js';

/** The one table from error code to HTTP status. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_ISO_CODE: 400,
  INVALID_ORCID: 400,
  INVALID_ROR: 400,
  INELIGIBLE: 400,
  OVER_LIMIT: 400,
  REFERENCE_NOT_FOUND: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_CREDENTIALS: 401,
  INVALID_TOKEN: 400,
  CSRF_FAILED: 403,
  WEAK_PASSWORD: 400,
  NOT_FOUND: 404,
  DUPLICATE: 409,
  ARCHIVED: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_FILE: 400,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  BORROWER_BLOCKED: 409,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
};

/** The RFC 9457 document; also written on raw sockets, where there is no reply (request-limits.ts). */
export function problemDocument(
  code: ErrorCode,
  detail: string,
  issues: FieldIssue[] = [],
  status = HTTP_STATUS[code],
  instance?: string,
) {
  return {
    type: `https://orbitshare.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(issues[0] ? { field: issues[0].field } : {}),
    ...(issues.length > 0 ? { errors: issues } : {}),
    ...(instance !== undefined ? { instance } : {}),
  };
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  code: ErrorCode,
  detail: string,
  issues: FieldIssue[] = [],
  status = HTTP_STATUS[code],
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send(problemDocument(code, detail, issues, status, request.url));
}
const send = sendProblem; // the short name the handler below uses

/**
 * Every error leaves the server as RFC 9457 problem+json with a stable code and field; its
 * sentences are in the requester's language (request-language.ts).
 */
export function problemHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const language = requestLanguage(request);
  if (error instanceof AppError) {
    if (error.meta.retryAfterSeconds) reply.header('retry-after', String(error.meta.retryAfterSeconds));
    const { detail, issues } = localisedAppError(language, error);
    return send(reply, request, error.code, detail, issues);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = error.validationContext === 'body' ? '' : `${error.validationContext}.`;
    const issues: FieldIssue[] = error.validation.map((v) => ({
      field: `${where}${v.instancePath.replace(/^\//, '').replaceAll('/', '.')}` || (error.validationContext ?? 'body'),
      code: 'VALIDATION_FAILED',
      message: zodMessage(language, v),
    }));
    const detail =
      issues.length === 1
        ? serverMessage(language, 'fieldMessage', { field: issues[0]!.field, message: issues[0]!.message })
        : serverMessage(language, 'fieldsInvalid', { count: issues.length });
    return send(reply, request, 'VALIDATION_FAILED', detail, issues);
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return send(
      reply,
      request,
      'PAYLOAD_TOO_LARGE',
      localiseMessage(language, 'PAYLOAD_TOO_LARGE', ERROR_CODES.PAYLOAD_TOO_LARGE),
    );
  }
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return send(reply, request, 'VALIDATION_FAILED', serverMessage(language, 'sendJson'), [], 415);
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const detail = language === 'en' ? error.message : localiseMessage(language, 'VALIDATION_FAILED', error.message);
    return send(reply, request, 'VALIDATION_FAILED', detail, [], error.statusCode);
  }
  // A value the database cannot hold (a NUL character, text where a number or uuid belongs, a number
  // or a date out of range: SQLSTATE class 22) that slipped past the schemas is still the caller's
  // input, not a server fault.
  const pg = pgErrorOf(error);
  if (pg && isDataException(pg.code)) {
    return send(reply, request, 'VALIDATION_FAILED', serverMessage(language, 'cannotStore'));
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, request, 'INTERNAL', localiseMessage(language, 'INTERNAL', ERROR_CODES.INTERNAL));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  const path = request.url.split('?')[0] ?? '';
  return send(reply, request, 'NOT_FOUND', serverMessage(requestLanguage(request), 'noRoute', { method: request.method, path }));
}
