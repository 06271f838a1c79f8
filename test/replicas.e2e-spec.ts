import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess } from './support/app-process';
import { RedisServer } from './support/redis-server';
import { startAll } from './support/start-all';

const KEY = 'replica-key-0123456789';
const headers = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };

const cacheLookups = async (app: AppProcess, result: 'hit' | 'miss'): Promise<number> => {
  const text = await (await fetch(`${app.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`answergate_search_cache_requests_total{result="${result}"}`));
  return line ? Number(line.split(' ').pop()) : 0;
};

/** Two real API processes sharing one real Redis, as replicas behind a Service. */
describe('two replicas sharing Redis', () => {
  let redis: RedisServer;
  let a: AppProcess;
  let b: AppProcess;

  beforeAll(async () => {
    redis = await RedisServer.start();
    const env = {
      API_KEYS: KEY,
      LOG_LEVEL: 'warn',
      REDIS_URL: redis.url,
      RATE_LIMIT_REQUESTS: '5',
      RATE_LIMIT_WINDOW_SECONDS: '60',
    };
    [a, b] = await startAll([AppProcess.start(env), AppProcess.start(env)], (app) => app.stop());
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
  });

  it('shares one key budget across both replicas', async () => {
    const statuses: number[] = [];
    for (const app of [a, b, a, b, a]) {
      statuses.push((await fetch(`${app.url}/v1/models`, { headers })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const sixth = await fetch(`${b.url}/v1/models`, { headers });
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get('x-ratelimit-remaining-requests')).toBe('0');
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('serves a search cached by one replica as a hit on the other', async () => {
    // A fresh window for the key, and an empty cache.
    const client = redis.client();
    await client.flushall();
    client.disconnect();
    const body = JSON.stringify({ query: 'kubernetes readiness probe', max_results: 3 });
    const hitsBefore = await cacheLookups(b, 'hit');
    const first = await fetch(`${a.url}/v1/search`, { method: 'POST', headers, body });
    expect(first.status).toBe(200);
    const second = await fetch(`${b.url}/v1/search`, { method: 'POST', headers, body });
    expect(second.status).toBe(200);
    expect(((await second.json()) as { results: unknown[] }).results).toEqual(
      ((await first.json()) as { results: unknown[] }).results,
    );
    expect(await cacheLookups(b, 'hit')).toBe(hitsBefore + 1);
  });
});
