/**
 * The one error shape of the service:
 * `{ statusCode, error, message, errors?: [{ path, message }] }`.
 * 4xx: the message is shown; 5xx: a plain "Internal Server Error" (details only in the log).
 */
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorResponse, FieldError } from './schemas';
import { ValidationError, logSafePath } from './validation';
import { ServiceBusyError } from './worker/pool';

export function errorBody(statusCode: number, message: string, errors?: FieldError[]): ErrorResponse {
  const body: ErrorResponse = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  if (errors && errors.length > 0) body.errors = errors;
  return body;
}

type AnyError = Partial<FastifyError> & Error & { fieldErrors?: FieldError[] };

function statusOf(err: AnyError): number {
  const code = err.statusCode;
  if (typeof code === 'number' && code >= 400 && code <= 599) return code;
  return 500;
}

/** Maps any thrown error to the service's error body (and logs 5xx with details). */
export function toErrorBody(err: AnyError): ErrorResponse {
  if (err instanceof ValidationError) return errorBody(400, err.message, err.fieldErrors);
  if (err instanceof ServiceBusyError) return errorBody(503, err.message);
  const status = statusOf(err);
  if (status >= 500) return errorBody(status, 'Internal Server Error');
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return errorBody(413, err.message, [
      { path: '', message: 'request body is larger than the allowed limit' }
    ]);
  }
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return errorBody(415, 'Content-Type must be application/json');
  }
  if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return errorBody(400, 'Request body is empty', [{ path: '', message: 'is required' }]);
  }
  if (status === 400 && (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError)) {
    return errorBody(400, 'Request body is not valid JSON', [{ path: '', message: 'must be valid JSON' }]);
  }
  // Every 400 names a path (the whole body when nothing more precise is known).
  if (status === 400) return errorBody(400, err.message, [{ path: '', message: 'is invalid' }]);
  return errorBody(status, err.message);
}

export function errorHandler(err: AnyError, request: FastifyRequest, reply: FastifyReply): void {
  const body = toErrorBody(err);
  if (body.statusCode >= 500) {
    request.log.error({ err }, 'request failed');
  } else {
    // Never log bodies or values: the path list is enough to debug a client.
    // Paths only, with client-chosen property names redacted.
    request.log.info(
      { statusCode: body.statusCode, code: err.code, paths: body.errors?.map((e) => logSafePath(e.path)) },
      'request rejected'
    );
  }
  if (err instanceof ServiceBusyError) void reply.header('retry-after', String(err.retryAfterSeconds));
  void reply.status(body.statusCode).type('application/json; charset=utf-8').send(body);
}
