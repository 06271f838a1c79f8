import { describe, expect, it } from '@jest/globals';
import {
  describeUpstream,
  errorFromException,
  errorFromResponse,
  parseRetryAfter,
} from './upstream-failure';

describe('upstream failures', () => {
  it('shows the base URL without credentials', () => {
    expect(describeUpstream('https://user:secret@llm.example/v1/?key=x')).toBe(
      'https://llm.example/v1',
    );
  });

  it('reads Retry-After in seconds, as a date, and retry-after-ms', () => {
    expect(parseRetryAfter({ 'retry-after': '2' })).toBe(2000);
    expect(parseRetryAfter({ 'retry-after-ms': '150', 'retry-after': '9' })).toBe(150);
    const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
    expect(parseRetryAfter({ 'retry-after': inFiveSeconds })).toBeGreaterThan(3000);
    expect(parseRetryAfter({ 'retry-after': 'soon' })).toBeUndefined();
    expect(parseRetryAfter({})).toBeUndefined();
  });

  it('quotes the upstream message from an envelope, plain text or a bare error string', () => {
    const envelope = JSON.stringify({ error: { message: 'Incorrect API key' } });
    expect(errorFromResponse('u', 401, {}, envelope).message).toBe(
      'LLM upstream (u) answered 401: Incorrect API key',
    );
    expect(errorFromResponse('u', 502, {}, 'Bad   gateway\n').message).toBe(
      'LLM upstream (u) answered 502: Bad gateway',
    );
    expect(errorFromResponse('u', 404, {}, '{"error":"model not found"}').message).toBe(
      'LLM upstream (u) answered 404: model not found',
    );
    expect(errorFromResponse('u', 500, {}, '').message).toBe(
      'LLM upstream (u) answered 500: HTTP 500',
    );
  });

  it('retries only 408, 429 and 5xx', () => {
    const retryable = (status: number) => errorFromResponse('u', status, {}, '').retryable;
    expect([400, 401, 404, 408, 429, 500, 503].map(retryable)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('names the network error and retries transient ones only', () => {
    const refused = errorFromException(
      'u',
      Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    );
    expect(refused).toMatchObject({ status: 502, retryable: true });
    expect(refused.message).toBe('LLM upstream (u) is unreachable: ECONNREFUSED');
    const unknownHost = errorFromException('u', { cause: { code: 'ENOTFOUND' } });
    expect(unknownHost).toMatchObject({ retryable: false });
    const connect = errorFromException('u', { code: 'ECONNECT_TIMEOUT' });
    expect(connect).toMatchObject({ status: 504, code: 'upstream_timeout', retryable: true });
  });
});
