import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorCode } from '../../../common/error-codes.js';
import { AppError, isAppError, statusOf } from '../errors.js';
import { JSON_UTF8 } from '../route-schema.js';

interface ValidationItem {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Maps Fastify's own errors (body parsing, validation, limits) to the codes of API.md. */
function fromFastifyError(error: FastifyError): AppError | null {
  if (error.validation) {
    const items = (error.validation as ValidationItem[]).map((v) => {
      const extra = v.params?.additionalProperty ?? v.params?.missingProperty;
      const base = `${error.validationContext ?? 'body'}${v.instancePath ?? ''}`;
      const path = typeof extra === 'string' ? `${base}/${extra}` : base;
      return { path, message: v.message ?? 'invalid' };
    });
    const first = items[0];
    const message = first ? `Invalid request: ${first.path} ${first.message}.` : 'Invalid request.';
    return new AppError('VALIDATION', message, { errors: items });
  }
  const byCode: Record<string, [ErrorCode, string]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is too large.'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['UNSUPPORTED_MEDIA_TYPE', 'Send application/json.'],
    FST_ERR_CTP_INVALID_JSON_BODY: ['VALIDATION', 'The request body is not valid JSON.'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['VALIDATION', 'The JSON body is empty.'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['VALIDATION', 'Content-Length does not match the body.'],
  };
  const known = error.code ? byCode[error.code] : undefined;
  if (known) {
    return new AppError(known[0], known[1]);
  }
  if (error instanceof SyntaxError && error.statusCode === 400) {
    return new AppError('VALIDATION', 'The request body is not valid JSON.');
  }
  return null;
}

function genericFor(status: number): AppError {
  if (status === 404) {
    return new AppError('NOT_FOUND', 'Not found.');
  }
  if (status === 413) {
    return new AppError('PAYLOAD_TOO_LARGE', 'The request is too large.');
  }
  if (status === 415) {
    return new AppError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type.');
  }
  if (status === 503) {
    return new AppError('SERVICE_UNAVAILABLE', 'The server is not ready; try again shortly.');
  }
  return new AppError('VALIDATION', 'The request could not be understood.');
}

/** 404 for a path no route serves. */
export function routeNotFound(request: FastifyRequest): AppError {
  return new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`);
}

export function sendError(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  if (error.headers) {
    void reply.headers(error.headers);
  }
  // API.md: `details` is always there, empty when there is nothing more to say.
  const body = {
    error: { code: error.code, message: error.message, details: error.details ?? {} },
    requestId: request.id,
  };
  return reply.status(statusOf(error.code)).type(JSON_UTF8).send(body);
}

/** The one place that writes error responses (STYLE §5.4). */
export default fp(
  (app: FastifyInstance) => {
    app.setErrorHandler((rawError: FastifyError, request, reply) => {
      if (isAppError(rawError)) {
        if (rawError.statusCode >= 500) {
          request.log.error({ err: rawError }, 'request failed');
        }
        return sendError(reply, request, rawError);
      }
      const mapped = fromFastifyError(rawError);
      if (mapped) {
        return sendError(reply, request, mapped);
      }
      const status = rawError.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        return sendError(reply, request, genericFor(status));
      }
      request.log.error({ err: rawError }, 'unhandled error');
      if (status === 503) {
        return sendError(reply, request, genericFor(503));
      }
      return sendError(
        reply,
        request,
        new AppError('INTERNAL', 'Something went wrong on our side.'),
      );
    });
  },
  { name: 'error-handler' },
);
