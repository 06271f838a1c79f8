import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bearer, startTestApp, TEST_KEY } from './support/test-app';

const OTHER_KEY = 'other-key-9876543210';

describe('rate limits per key', () => {
  let app: NestExpressApplication;
  let server: any;

  beforeAll(async () => {
    app = await startTestApp({
      API_KEYS: `${TEST_KEY},${OTHER_KEY}`,
      RATE_LIMIT_REQUESTS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    });
    server = app.getHttpServer();
  });
  afterAll(() => app.close());

  it('counts down in OpenAI headers, then answers 429 with Retry-After', async () => {
    for (const remaining of [2, 1, 0]) {
      const res = await request(server).get('/v1/models').set(bearer()).expect(200);
      expect(res.headers['x-ratelimit-limit-requests']).toBe('3');
      expect(res.headers['x-ratelimit-remaining-requests']).toBe(String(remaining));
      expect(res.headers['x-ratelimit-reset-requests']).toMatch(/^\d+s$/);
    }
    const limited = await request(server).get('/v1/models').set(bearer()).expect(429);
    expect(limited.body.error).toMatchObject({
      type: 'rate_limit_error',
      code: 'rate_limit_exceeded',
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps a separate budget for another key', async () => {
    await request(server).get('/v1/models').set(bearer(OTHER_KEY)).expect(200);
  });

  it('never limits the health probes', async () => {
    for (let i = 0; i < 5; i++) await request(server).get('/health/live').expect(200);
  });
});

describe('metrics', () => {
  let app: NestExpressApplication;
  let server: any;

  beforeAll(async () => {
    app = await startTestApp();
    server = app.getHttpServer();
  });
  afterAll(() => app.close());

  const counterValue = (text: string, name: string, labels: string): number => {
    const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('moves the request and error counters with traffic', async () => {
    const before = (await request(server).get('/metrics').expect(200)).text;
    await request(server).get('/v1/models').set(bearer()).expect(200);
    await request(server).get('/v1/models/sonar').set(bearer()).expect(200);
    await request(server).get('/v1/models').set(bearer('wrong')).expect(401);
    const after = (await request(server).get('/metrics').expect(200)).text;

    const requests = 'answergate_http_request_duration_seconds_count';
    const ok = 'method="GET",route="/v1/models",status="200"';
    expect(counterValue(after, requests, ok)).toBe(counterValue(before, requests, ok) + 1);
    const byId = 'route="/v1/models/:id",status="200"';
    expect(counterValue(after, requests, byId)).toBe(counterValue(before, requests, byId) + 1);
    const unauthorized = 'status="401",code="invalid_api_key"';
    expect(counterValue(after, 'answergate_errors_total', unauthorized)).toBe(
      counterValue(before, 'answergate_errors_total', unauthorized) + 1,
    );
    expect(after).toContain('answergate_process_cpu_seconds_total');
    expect(after).toContain('answergate_active_sse_streams 0');
  });
});

describe('metrics behind METRICS_TOKEN', () => {
  let app: NestExpressApplication;
  beforeAll(async () => {
    app = await startTestApp({ METRICS_TOKEN: 'scrape-me' });
  });
  afterAll(() => app.close());

  it('needs the token', async () => {
    const denied = await request(app.getHttpServer()).get('/metrics').expect(401);
    expect(denied.body.error.code).toBe('invalid_api_key');
    await request(app.getHttpServer()).get('/metrics').set(bearer('scrape-me')).expect(200);
  });
});
