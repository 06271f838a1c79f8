import { HttpException } from '@nestjs/common';
import { AppError } from './app-error';
import type { ErrorResponse } from './error-envelope';

/** body-parser's `type` (kept by Nest as the HttpException's cause) to our answer. */
const BODY_PARSER_ERRORS: Record<string, { code: string; message: string }> = {
  'entity.parse.failed': {
    code: 'invalid_json',
    message: 'The request body is not valid JSON.',
  },
  'entity.too.large': {
    code: 'request_too_large',
    message: 'The request body is larger than this server accepts.',
  },
  'encoding.unsupported': {
    code: 'unsupported_encoding',
    message: 'The request body has a content encoding this server does not accept.',
  },
  'charset.unsupported': {
    code: 'unsupported_charset',
    message: 'The request body has a charset this server does not accept; use utf-8.',
  },
  'request.aborted': { code: 'request_aborted', message: 'The request was aborted.' },
};

const CODES_BY_STATUS: Record<number, string> = {
  400: 'invalid_request',
  401: 'invalid_api_key',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'request_timeout',
  413: 'request_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limit_exceeded',
};

function envelope(
  status: number,
  type: string,
  code: string | null,
  message: string,
  param: string | null = null,
  headers: Record<string, string> = {},
): ErrorResponse {
  return { status, headers, body: { error: { message, type, param, code } } };
}

function bodyParserType(exception: HttpException): string | undefined {
  const cause = exception.cause as { type?: unknown } | undefined;
  return typeof cause?.type === 'string' ? cause.type : undefined;
}

/** An HttpException with a 4xx or 503 status (see `toErrorResponse`). */
function fromHttpException(exception: HttpException, route: string): ErrorResponse {
  const status = exception.getStatus();
  const parserError = BODY_PARSER_ERRORS[bodyParserType(exception) ?? ''];
  if (parserError) {
    return envelope(status, 'invalid_request_error', parserError.code, parserError.message);
  }
  if (status === 404) {
    return envelope(404, 'invalid_request_error', 'unknown_url', `Unknown route: ${route}.`);
  }
  if (status === 429) {
    return envelope(
      429,
      'rate_limit_error',
      'rate_limit_exceeded',
      'Too many requests; retry later.',
    );
  }
  if (status === 503) {
    return envelope(503, 'server_error', 'service_unavailable', exception.message);
  }
  return envelope(
    status,
    'invalid_request_error',
    CODES_BY_STATUS[status] ?? null,
    exception.message,
  );
}

/**
 * Maps anything thrown while serving a request to OpenAI's error envelope.
 * `expected` is false for errors no code threw on purpose: those answer a bare 500
 * and must be logged, as their message may hold internals.
 */
export function toErrorResponse(
  exception: unknown,
  route: string,
): { response: ErrorResponse; expected: boolean } {
  if (exception instanceof AppError) {
    const { status, type, code, message, param, headers } = exception;
    return { response: envelope(status, type, code, message, param, headers), expected: true };
  }
  // Nest's own 4xx, and Terminus' 503 (readiness): expected. Any other 5xx is a bug, logged.
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status < 500 || status === 503) {
      return { response: fromHttpException(exception, route), expected: true };
    }
  }
  const message = 'The server had an error while processing your request.';
  return { response: envelope(500, 'server_error', 'internal_error', message), expected: false };
}
