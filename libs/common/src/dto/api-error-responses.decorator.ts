import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorEnvelopeDto } from './error-envelope.dto';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: `param` names the offending field.',
  401: 'Missing or wrong API key (`invalid_api_key`).',
  404: 'Not found.',
  413: 'Request body too large.',
  429: 'Rate limit exceeded; see `Retry-After`.',
  500: 'Unexpected server error (`internal_error`).',
  502: 'An upstream (search or LLM) failed.',
  503: 'Service unavailable (no API keys configured in production, or draining).',
  504: 'An upstream timed out.',
};

/** Documents the error envelope for the given statuses on a route or controller. */
export function ApiErrorResponses(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status] ?? 'Error', type: ErrorEnvelopeDto }),
    ),
  );
}
