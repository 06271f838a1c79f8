import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SearchBackend } from './fixtures/search-backend/backend';
import { RedisServer } from './support/redis-server';
import { SearxServer } from './support/searx-server';
import { startAll } from './support/start-all';
import { bearer, startTestApp } from './support/test-app';

describe('search cache shared through a real Redis', () => {
  let backend: SearchBackend;
  let searx: SearxServer;
  let redis: RedisServer;
  let replicaA: NestExpressApplication;
  let replicaB: NestExpressApplication;
  const post = (app: NestExpressApplication, body: object) =>
    request(app.getHttpServer()).post('/v1/search').set(bearer()).send(body);
  const backendCalls = (q: string) =>
    backend.requests.filter((params) => params.get('q') === q).length;

  beforeAll(async () => {
    backend = await SearchBackend.start();
    searx = await SearxServer.start(backend.url);
    redis = await RedisServer.start();
    const env = { SEARXNG_URL: searx.url, REDIS_URL: redis.url, SEARCH_CACHE_TTL_SECONDS: '120' };
    [replicaA, replicaB] = await startAll([startTestApp(env), startTestApp(env)], (app) =>
      app.close(),
    );
  });
  afterAll(async () => {
    await Promise.all([replicaA?.close(), replicaB?.close()]);
    await Promise.all([searx?.stop(), redis?.stop()]);
    await backend?.close();
  });
  beforeEach(() => backend.reset());

  it('lets a replica answer from what another replica cached, by normalised query', async () => {
    const first = await post(replicaA, { query: 'redis' }).expect(200);
    const calls = backendCalls('redis');
    expect(calls).toBeGreaterThan(0);
    const second = await post(replicaB, { query: '  REDIS ', max_results: 3 }).expect(200);
    expect(second.body.results).toEqual(first.body.results);
    expect(backendCalls('redis')).toBe(calls);

    const client = redis.client();
    try {
      await client.connect();
      const keys = await client.keys('answergate:search:*');
      expect(keys).toHaveLength(1);
      const ttl = await client.pttl(keys[0]);
      expect(ttl).toBeGreaterThan(100_000);
      expect(ttl).toBeLessThanOrEqual(120_000);
    } finally {
      client.disconnect();
    }
  });

  it('keys on the filters too', async () => {
    await post(replicaA, { query: 'fusion' }).expect(200);
    const calls = backendCalls('fusion');
    await post(replicaB, { query: 'fusion', search_recency_filter: 'year' }).expect(200);
    // A cache hit would make no backend call; the number of pages read may differ, since the
    // SearXNG provider learns searx's page size on the first search.
    expect(backendCalls('fusion')).toBeGreaterThan(calls);
  });

  it('makes one backend call for concurrent identical queries', async () => {
    backend.delayMs = 200;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post(replicaA, { query: 'paginated', max_results: 5 })),
    );
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 200, 200, 200]);
    // One search of 10 results is two pages of 5: two calls, not twelve.
    expect(backendCalls('paginated')).toBe(2);
  });

  it('reports Redis in readiness', async () => {
    const ready = await request(replicaA.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({
      search: { status: 'up', provider: 'searxng' },
      redis: { status: 'up' },
    });
  });

  it('keeps searching without the cache when Redis goes down, and says so in readiness', async () => {
    await redis.stop();
    await post(replicaA, { query: 'cache' }).expect(200);
    const once = backendCalls('cache');
    expect(once).toBeGreaterThan(0);
    const again = await post(replicaA, { query: 'cache' }).expect(200);
    expect(again.body.results.length).toBeGreaterThan(0);
    expect(backendCalls('cache')).toBe(2 * once);
    const ready = await request(replicaA.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.status).toBe('degraded');
    expect(ready.body.details.redis).toMatchObject({
      status: 'degraded',
      message: expect.any(String),
    });
  });
});
