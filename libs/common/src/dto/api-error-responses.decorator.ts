import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from './error-envelope.dto';

interface ErrorDoc {
  description: string;
  type: string;
  code: string;
  message: string;
  param?: string;
}

/** What each status means here, with an envelope it really answers. */
const ERRORS: Record<number, ErrorDoc> = {
  400: {
    description: 'Invalid request: `param` names the offending field.',
    type: 'invalid_request_error',
    code: 'invalid_value',
    message: 'you must provide a model parameter: a model id from GET /v1/models',
    param: 'model',
  },
  401: {
    description: 'Missing or wrong API key (`invalid_api_key`).',
    type: 'invalid_request_error',
    code: 'invalid_api_key',
    message: 'Incorrect API key provided.',
  },
  404: {
    description: 'Not found.',
    type: 'invalid_request_error',
    code: 'model_not_found',
    message: "The model 'gpt-5' does not exist. GET /v1/models lists the models on this server.",
    param: 'model',
  },
  413: {
    description: 'Request body too large.',
    type: 'invalid_request_error',
    code: 'request_too_large',
    message: 'The request body is larger than this server accepts.',
  },
  415: {
    description: 'The body is not JSON (send `Content-Type: application/json`).',
    type: 'invalid_request_error',
    code: 'unsupported_media_type',
    message:
      'The request body must be JSON with the header Content-Type: application/json ' +
      '(got Content-Type: application/x-www-form-urlencoded).',
    param: 'Content-Type',
  },
  429: {
    description: 'Rate limit exceeded; see `Retry-After`.',
    type: 'rate_limit_error',
    code: 'rate_limit_exceeded',
    message: 'Rate limit reached: 600 requests per 60 s for this API key. Retry in 12 s.',
  },
  500: {
    description: 'Unexpected server error (`internal_error`).',
    type: 'server_error',
    code: 'internal_error',
    message: 'The server had an error while processing your request.',
  },
  502: {
    description: 'An upstream (search or LLM) failed.',
    type: 'upstream_error',
    code: 'search_unavailable',
    message: 'SearXNG at http://searxng:8080 answered 500.',
  },
  503: {
    description: 'Service unavailable (no API keys configured in production, or draining).',
    type: 'server_error',
    code: 'service_unavailable',
    message: 'No API keys are configured on this server; set API_KEYS or API_KEYS_FILE.',
  },
  504: {
    description: 'An upstream timed out.',
    type: 'upstream_error',
    code: 'search_unavailable',
    message: 'SearXNG at http://searxng:8080 did not answer within 8000 ms',
  },
};

/** Documents the error envelope for the given statuses on a route or controller, each with its own example. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) => {
      const doc = ERRORS[status];
      if (!doc) return ApiResponse({ status, description: 'Error', type: ErrorEnvelopeDto });
      const { description, type, code, message, param = null } = doc;
      return ApiResponse({
        status,
        description,
        type: ErrorEnvelopeDto,
        example: { error: { message, type, param, code } },
      });
    }),
  );
}
