import {
  BadRequestException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
} from '@nestjs/common';
import { describe, expect, it } from '@jest/globals';
import { InvalidRequestError } from './invalid-request.error';
import { toErrorResponse } from './to-error-response';
import { UpstreamError } from './upstream.error';

describe('toErrorResponse', () => {
  it('keeps an AppError as it is, param and headers included', () => {
    const { response, expected } = toErrorResponse(
      new InvalidRequestError('max_results must be at most 20', 'max_results'),
      'POST /v1/search',
    );
    expect(expected).toBe(true);
    expect(response.status).toBe(400);
    expect(response.body.error).toEqual({
      message: 'max_results must be at most 20',
      type: 'invalid_request_error',
      param: 'max_results',
      code: 'invalid_value',
    });
  });

  it('maps body-parser causes kept by Nest', () => {
    const tooLarge = new HttpException('request entity too large', 413, {
      cause: { type: 'entity.too.large' },
    });
    expect(toErrorResponse(tooLarge, 'POST /x').response.body.error.code).toBe('request_too_large');
    // body-parser's JSON error is a SyntaxError that carries its type, as the app receives it.
    const badJson = new BadRequestException('Unexpected token', {
      cause: Object.assign(new SyntaxError('x'), { type: 'entity.parse.failed' }),
    });
    expect(toErrorResponse(badJson, 'POST /x').response.body.error.code).toBe('invalid_json');
  });

  it('names the route of a 404', () => {
    const { response } = toErrorResponse(new NotFoundException(), 'GET /v1/nope');
    expect(response.body.error).toMatchObject({
      code: 'unknown_url',
      message: 'Unknown route: GET /v1/nope.',
    });
  });

  it('hides the message of anything unexpected', () => {
    for (const error of [
      new TypeError('secret internals'),
      new InternalServerErrorException('db password'),
    ]) {
      const { response, expected } = toErrorResponse(error, 'GET /');
      expect(expected).toBe(false);
      expect(response.status).toBe(500);
      expect(response.body.error.code).toBe('internal_error');
      expect(JSON.stringify(response.body)).not.toMatch(/secret|password/);
    }
  });

  it('passes upstream statuses through', () => {
    const { response } = toErrorResponse(
      new UpstreamError('searxng timed out after 8000 ms', 'search_unavailable', 504),
      'POST /v1/search',
    );
    expect(response.status).toBe(504);
    expect(response.body.error.type).toBe('upstream_error');
  });
});
