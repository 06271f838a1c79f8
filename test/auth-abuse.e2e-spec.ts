import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { bearer, startTestApp } from './support/test-app';

/** Wrong keys from one address: counted, then refused with 429; valid keys unaffected. */
describe('failed authentications per client address', () => {
  let app: NestExpressApplication;

  beforeAll(async () => {
    app = await startTestApp({ AUTH_FAILURES_PER_MINUTE: '30', RATE_LIMIT_REQUESTS: '0' });
  });
  afterAll(() => app.close());

  it('answers 401 for the first 30 wrong keys, then 429 with Retry-After, while a valid key gets 200', async () => {
    const statuses: number[] = [];
    let limited: request.Response | undefined;
    for (let i = 0; i < 200; i++) {
      const res = await request(app.getHttpServer())
        .get('/v1/models')
        .set(bearer(`wrong-key-${i}`));
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited?.body.error.type).toBe('rate_limit_error');
    await request(app.getHttpServer()).get('/v1/models').set(bearer()).expect(200);
  });

  it('refuses a wrong key without parsing its body: malformed JSON still gets the auth error', async () => {
    const fresh = await startTestApp({ AUTH_FAILURES_PER_MINUTE: '0' });
    try {
      const server = fresh.getHttpServer();
      const malformed = '{"model": "sonar", "messages": [';
      const wrong = await request(server)
        .post('/v1/chat/completions')
        .set(bearer('wrong-key'))
        .set('Content-Type', 'application/json')
        .send(malformed);
      expect(wrong.status).toBe(401);
      // The same body with a valid key is parsed, and rejected as malformed.
      const valid = await request(server)
        .post('/v1/chat/completions')
        .set(bearer())
        .set('Content-Type', 'application/json')
        .send(malformed);
      expect(valid.status).toBe(400);
    } finally {
      await fresh.close();
    }
  });
});
