import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { encodeTokens } from '@answergate/common';
import request from 'supertest';
import { bearer, startTestApp } from './support/test-app';

const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);

/** A folder whose dates are relative to today, so recency assertions never age. */
function writeDatedCorpus(dir: string): void {
  const page = (name: string, date: string, lang: string, body: string) =>
    writeFileSync(
      join(dir, name),
      `---\ntitle: ${name}\ndate: ${date}\nlang: ${lang}\n---\n${body}\n`,
    );
  page('fresh.md', daysAgo(0), 'en', 'Lighthouse keepers log the weather every hour.');
  page('recent.md', daysAgo(20), 'en', 'A lighthouse guide for visitors.');
  page('old.md', daysAgo(400), 'en', 'The history of the lighthouse.');
  page('german.md', daysAgo(3), 'de', 'Der Leuchtturm, lighthouse auf Englisch.');
}

describe('POST /v1/search on the local index', () => {
  let app: NestExpressApplication;
  let server: any;
  const post = (body: object) => request(server).post('/v1/search').set(bearer()).send(body);

  beforeAll(async () => {
    app = await startTestApp();
    server = app.getHttpServer();
  });
  afterAll(() => app.close());

  it('needs an API key', async () => {
    const res = await request(server).post('/v1/search').send({ query: 'redis' }).expect(401);
    expect(res.body.error.code).toBe('invalid_api_key');
  });

  it('answers from the shipped docs in Perplexity shape', async () => {
    const res = await post({ query: 'how long are search results cached' }).expect(200);
    expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.results.length).toBeGreaterThan(0);
    expect(res.body.results.length).toBeLessThanOrEqual(10);
    const urls = res.body.results.map((r: any) => r.url);
    expect(urls.slice(0, 3)).toContain('local://docs/configuration.md');
    const config = res.body.results.find((r: any) => r.url === 'local://docs/configuration.md');
    expect(config).toEqual({
      title: 'Configuration reference',
      url: 'local://docs/configuration.md',
      snippet: expect.stringMatching(/cache/i),
      date: '2026-11-03',
      last_updated: '2026-11-24',
    });
  });

  it('limits results and cuts snippets to max_tokens_per_page', async () => {
    const res = await post({ query: 'search', max_results: 2, max_tokens_per_page: 12 }).expect(
      200,
    );
    expect(res.body.results).toHaveLength(2);
    for (const result of res.body.results)
      expect(encodeTokens(result.snippet).length).toBeLessThanOrEqual(12);
  });

  it('runs several queries, merges them and returns each page once', async () => {
    const single = await post({ query: 'sonar-pro sub-queries' }).expect(200);
    const multi = await post({ query: ['sonar-pro sub-queries', 'bearer key fingerprint'] }).expect(
      200,
    );
    const urls: string[] = multi.body.results.map((r: any) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls).toContain(single.body.results[0].url);
    expect(urls).toContain('local://docs/auth-and-errors.md');
  });

  it('applies the domain filter (allow and deny)', async () => {
    const allowed = await post({ query: 'redis', search_domain_filter: ['docs'] }).expect(200);
    expect(allowed.body.results.length).toBeGreaterThan(0);
    const denied = await post({ query: 'redis', search_domain_filter: ['-docs'] }).expect(200);
    expect(denied.body.results).toEqual([]);
    const elsewhere = await post({ query: 'redis', search_domain_filter: ['example.com'] }).expect(
      200,
    );
    expect(elsewhere.body.results).toEqual([]);
  });

  it('applies the publication and last-updated date filters', async () => {
    const after = await post({ query: 'search', search_after_date_filter: '11/06/2026' }).expect(
      200,
    );
    expect(after.body.results.length).toBeGreaterThan(0);
    for (const r of after.body.results) expect(r.date >= '2026-11-06').toBe(true);
    const before = await post({ query: 'search', search_before_date_filter: '11/04/2026' }).expect(
      200,
    );
    expect(before.body.results.length).toBeGreaterThan(0);
    for (const r of before.body.results) expect(r.date <= '2026-11-04').toBe(true);
    const updated = await post({
      query: 'models',
      last_updated_before_filter: '11/21/2026',
    }).expect(200);
    expect(updated.body.results.map((r: any) => r.url)).toEqual(['local://docs/models.md']);
  });

  it('answers 400 naming the parameter for every invalid input', async () => {
    const cases: Array<[object, string]> = [
      [{}, 'query'],
      [{ query: '   ' }, 'query'],
      [{ query: [] }, 'query'],
      [{ query: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'query'],
      [{ query: ['ok', 7] }, 'query'],
      [{ query: 'x', max_results: 0 }, 'max_results'],
      [{ query: 'x', max_results: 21 }, 'max_results'],
      [{ query: 'x', max_results: '5' }, 'max_results'],
      [{ query: 'x', max_tokens_per_page: 0 }, 'max_tokens_per_page'],
      [{ query: 'x', search_domain_filter: 'a.com' }, 'search_domain_filter'],
      [
        { query: 'x', search_domain_filter: Array.from({ length: 21 }, (_, i) => `d${i}.com`) },
        'search_domain_filter',
      ],
      [{ query: 'x', search_domain_filter: ['not a domain'] }, 'search_domain_filter'],
      [{ query: 'x', search_recency_filter: 'decade' }, 'search_recency_filter'],
      [{ query: 'x', search_after_date_filter: '2025-01-01' }, 'search_after_date_filter'],
      [{ query: 'x', search_before_date_filter: '02/30/2025' }, 'search_before_date_filter'],
      [
        {
          query: 'x',
          search_after_date_filter: '03/01/2025',
          search_before_date_filter: '02/01/2025',
        },
        'search_before_date_filter',
      ],
      [{ query: 'x', last_updated_after_filter: '13/01/2025' }, 'last_updated_after_filter'],
      [{ query: 'x', last_updated_before_filter: 'yesterday' }, 'last_updated_before_filter'],
      [{ query: 'x', country: 'XX' }, 'country'],
      [{ query: 'x', country: 'USA' }, 'country'],
      [{ query: 'x', language_preference: 'zz' }, 'language_preference'],
    ];
    for (const [body, param] of cases) {
      const res = await post(body);
      expect({ body, status: res.status, param: res.body.error?.param }).toEqual({
        body,
        status: 400,
        param,
      });
      expect(res.body.error).toMatchObject({
        type: 'invalid_request_error',
        message: expect.any(String),
      });
    }
  });

  it('reports the index in readiness and documents the route in Swagger', async () => {
    const ready = await request(server).get('/health/ready').expect(200);
    expect(ready.body.info.search).toEqual({ status: 'up', provider: 'local' });
    const spec = await request(server).get('/docs-json').expect(200);
    const route = spec.body.paths['/v1/search'].post;
    expect(Object.keys(route.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '502', '504']),
    );
    expect(spec.body.components.schemas.SearchRequest.properties.query.example).toBeDefined();
  });
});

describe('POST /v1/search recency and language on a dated folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'answergate-dated-'));
  let app: NestExpressApplication;
  const titles = async (body: object) => {
    const res = await request(app.getHttpServer())
      .post('/v1/search')
      .set(bearer())
      .send({ query: 'lighthouse', ...body })
      .expect(200);
    return res.body.results.map((r: any) => r.title).sort();
  };

  beforeAll(async () => {
    writeDatedCorpus(dir);
    app = await startTestApp({ LOCAL_INDEX_DIR: dir });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps each recency bucket to its window', async () => {
    expect(await titles({})).toEqual(['fresh.md', 'german.md', 'old.md', 'recent.md']);
    expect(await titles({ search_recency_filter: 'day' })).toEqual(['fresh.md']);
    expect(await titles({ search_recency_filter: 'week' })).toEqual(['fresh.md', 'german.md']);
    expect(await titles({ search_recency_filter: 'month' })).toEqual([
      'fresh.md',
      'german.md',
      'recent.md',
    ]);
    expect(await titles({ search_recency_filter: 'year' })).toHaveLength(3);
  });

  it('keeps documents in the preferred language', async () => {
    expect(await titles({ language_preference: 'de' })).toEqual(['german.md']);
    expect(await titles({ language_preference: 'en', country: 'GB' })).toEqual([
      'fresh.md',
      'old.md',
      'recent.md',
    ]);
  });
});
