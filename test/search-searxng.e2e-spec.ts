import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { SearchService } from '@answergate/search';
import { PAGE_SIZE, SearchBackend } from './fixtures/search-backend/backend';
import { freePort } from './support/free-port';
import { SearxServer } from './support/searx-server';
import { bearer, startTestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const usDate = (day: string) => `${day.slice(5, 7)}/${day.slice(8, 10)}/${day.slice(0, 4)}`;

describe('search through a real searx', () => {
  let backend: SearchBackend;
  let searx: SearxServer;
  let app: NestExpressApplication;
  const post = (body: object, target = app) =>
    request(target.getHttpServer()).post('/v1/search').set(bearer()).send(body);
  const forwarded = () => backend.requests.map((params) => Object.fromEntries(params));

  beforeAll(async () => {
    backend = await SearchBackend.start();
    searx = await SearxServer.start(backend.url, 1.5);
    // No cache here: every request must reach searx, so what it forwarded can be checked.
    app = await startTestApp({ SEARXNG_URL: searx.url, SEARCH_CACHE_TTL_SECONDS: '0' });
  });
  afterAll(async () => {
    await app?.close();
    await searx?.stop();
    await backend?.close();
  });
  beforeEach(() => backend.reset());

  it('maps title, url, content and the published date', async () => {
    const res = await post({ query: 'redis' }).expect(200);
    expect(res.body.results).toEqual([
      {
        title: 'Caching search results',
        url: 'https://docs.example.com/cache',
        snippet:
          'A search cache keeps results for a few minutes; Redis shares the cache between replicas.',
        date: daysAgo(2),
        last_updated: null,
      },
      {
        title: 'Redis for shared caches',
        url: 'https://blog.example.org/redis',
        snippet: 'Use Redis as a shared cache so every replica sees the same search results.',
        date: daysAgo(10),
        last_updated: null,
      },
    ]);
    // The app's first search: no page size is known yet, so after two hits page 2 is tried
    // too (and comes back empty).
    expect(forwarded()).toEqual([
      { q: 'redis', pageno: '1', category: 'general', language: 'all' },
      { q: 'redis', pageno: '2', category: 'general', language: 'all' },
    ]);
  });

  it('fetches further pages when one page is not enough', async () => {
    const res = await post({ query: 'paginated', max_results: 12 }).expect(200);
    expect(res.body.results).toHaveLength(12);
    expect(new Set(res.body.results.map((r: any) => r.url)).size).toBe(12);
    // With the cache off, just the 12 wanted are fetched: a full page 1 of 5, then pages 2-3
    // at once.
    expect(forwarded()[0].pageno).toBe('1');
    expect(
      forwarded()
        .map((p) => p.pageno)
        .sort(),
    ).toEqual(['1', '2', '3']);
    backend.reset();
    await post({ query: 'paginated', max_results: PAGE_SIZE + 1 }).expect(200);
    expect(forwarded().map((p) => p.pageno)).toEqual(['1', '2']);
    backend.reset();
    await post({ query: 'paginated', max_results: PAGE_SIZE }).expect(200);
    expect(forwarded().map((p) => p.pageno)).toEqual(['1']);
  });

  it('asks for no page 2 after a short page 1 once the page size is known', async () => {
    await post({ query: 'paginated', max_results: PAGE_SIZE }).expect(200); // full pages of 5
    backend.reset();
    const res = await post({ query: 'redis' }).expect(200);
    expect(res.body.results).toHaveLength(2);
    expect(forwarded().map((p) => p.pageno)).toEqual(['1']);
  });

  it('sends recency as time_range and trims what the range cannot express', async () => {
    const week = await post({ query: 'cache', search_recency_filter: 'week' }).expect(200);
    expect(forwarded()[0].time_range).toBe('week');
    expect(week.body.results.map((r: any) => r.url)).toEqual([
      'https://alpha.example.com/release',
      'https://docs.example.com/cache',
      'https://www.example.de/cache',
    ]);
    backend.reset();
    // searx has no `hour`: it is asked for a day, and the day-old page is dropped here.
    const hour = await post({ query: 'cache', search_recency_filter: 'hour' }).expect(200);
    expect(forwarded()[0].time_range).toBe('day');
    expect(hour.body.results.map((r: any) => r.url)).toEqual(['https://alpha.example.com/release']);
  });

  it('enforces the explicit date filters on returned dates', async () => {
    const after = usDate(daysAgo(15));
    const res = await post({ query: 'cache', search_after_date_filter: after }).expect(200);
    expect(forwarded()[0].time_range).toBe('month');
    expect(res.body.results.map((r: any) => r.url)).toEqual([
      'https://alpha.example.com/release',
      'https://docs.example.com/cache',
      'https://blog.example.org/redis',
      'https://www.example.de/cache',
    ]);
    const before = await post({
      query: 'cache',
      search_before_date_filter: usDate(daysAgo(100)),
    }).expect(200);
    expect(before.body.results.map((r: any) => r.url)).toEqual([
      'https://archive.example.com/2019/cache',
    ]);
  });

  it('sends language and country as one searx language', async () => {
    const res = await post({ query: 'cache', language_preference: 'de', country: 'DE' }).expect(
      200,
    );
    expect(forwarded()[0].language).toBe('de-DE');
    expect(res.body.results.map((r: any) => r.url)).toEqual(['https://www.example.de/cache']);
  });

  it('sends the domain filter as site: operators and enforces it on the results', async () => {
    // The backend ignores site: here, as engines without the operator do: it returns the
    // foreign domains too, so only the app's own filter can keep them out of the answer.
    backend.honourSiteOperators = false;
    const allowed = await post({
      query: 'cache',
      search_domain_filter: ['example.com', 'example.org'],
    }).expect(200);
    expect(forwarded()[0].q).toBe('cache (site:example.com OR site:example.org)');
    const hosts = allowed.body.results.map((r: any) => new URL(r.url).hostname);
    expect(hosts).toEqual([
      'alpha.example.com',
      'docs.example.com',
      'blog.example.org',
      'archive.example.com',
    ]);
    backend.reset();
    backend.honourSiteOperators = false;
    const denied = await post({ query: 'cache', search_domain_filter: ['-example.com'] }).expect(
      200,
    );
    expect(forwarded()[0].q).toBe('cache -site:example.com');
    expect(denied.body.results.map((r: any) => r.url)).toEqual([
      'https://blog.example.org/redis',
      'https://www.example.de/cache',
    ]);
  });

  it('runs several queries concurrently and fuses them, each page once', async () => {
    backend.delayMs = 150;
    const res = await post({ query: ['redis', 'fusion'] }).expect(200);
    // Concurrent: both first pages reach the backend together; each is short, so it is the last.
    const order = forwarded().map((p) => `${p.q}:${p.pageno}`);
    expect(order.sort()).toEqual(['fusion:1', 'redis:1']);
    expect(res.body.results.map((r: any) => r.url)).toEqual([
      'https://docs.example.com/cache',
      'https://alpha.example.com/release',
      'https://blog.example.org/redis',
      'https://news.example.net/fusion',
    ]);
  });

  it('finds images through the images category', async () => {
    const images = await app
      .get(SearchService)
      .images('lighthouse', { domains: ['-example.org'] }, 5);
    expect(forwarded()[0].category).toBe('images');
    expect(images).toEqual([
      {
        imageUrl: 'https://cdn.example.com/lighthouse.jpg',
        originUrl: 'https://photos.example.com/lighthouse',
        title: 'Lighthouse at dusk',
      },
    ]);
  });

  it('answers 502 naming searx and the engine when the backend fails', async () => {
    backend.failWithStatus = 500;
    const res = await post({ query: 'redis' }).expect(502);
    expect(res.body.error).toMatchObject({ type: 'upstream_error', code: 'search_unavailable' });
    expect(res.body.error.message).toContain(`SearXNG at ${searx.url}`);
    expect(res.body.error.message).toContain('local (HTTP error)');
  });

  it('answers 504 when the engine times out inside searx', async () => {
    backend.delayMs = 2500;
    const res = await post({ query: 'redis' }).expect(504);
    expect(res.body.error.code).toBe('search_unavailable');
    expect(res.body.error.message).toContain('local (timeout)');
  });

  it('answers 504 after retrying when searx itself is slower than SEARCH_TIMEOUT_MS', async () => {
    const impatient = await startTestApp({
      SEARXNG_URL: searx.url,
      SEARCH_TIMEOUT_MS: '700',
      SEARCH_CACHE_TTL_SECONDS: '0',
    });
    try {
      backend.delayMs = 1200;
      const started = Date.now();
      const res = await post({ query: 'redis' }, impatient).expect(504);
      expect(res.body.error.message).toBe(`SearXNG at ${searx.url} did not answer within 700 ms`);
      expect(Date.now() - started).toBeLessThan(1500);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(forwarded().length).toBe(2);
    } finally {
      await impatient.close();
    }
  });

  it('reports searx in readiness', async () => {
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.info.search).toEqual({ status: 'up', provider: 'searxng' });
  });
});

describe('search when searx is down', () => {
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    url = `http://127.0.0.1:${await freePort()}`;
    app = await startTestApp({ SEARXNG_URL: url });
  });
  afterAll(() => app.close());

  it('answers 502 saying searx is unreachable', async () => {
    const res = await request(app.getHttpServer())
      .post('/v1/search')
      .set(bearer())
      .send({ query: 'anything' })
      .expect(502);
    expect(res.body.error).toEqual({
      message: `SearXNG at ${url} is unreachable (ECONNREFUSED)`,
      type: 'upstream_error',
      param: null,
      code: 'search_unavailable',
    });
  });

  it('stays ready, reporting searx as degraded with the reason', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.status).toBe('degraded');
    expect(res.body.info.search.status).toBe('degraded');
    expect(res.body.info.search.message).toContain('ECONNREFUSED');
  });
});
