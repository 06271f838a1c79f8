import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { countTokens } from '@answergate/common';
import { bearer, startTestApp } from './support/test-app';

/** Perplexity Search API names and budgets on /v1/search (and /search). */
describe('search request fields of the Perplexity Search API', () => {
  let app: NestExpressApplication;
  let server: any;

  beforeAll(async () => {
    app = await startTestApp({ SEARCH_PROVIDER: 'local', LOCAL_INDEX_DIR: 'docs' });
    server = app.getHttpServer();
  });
  afterAll(() => app.close());

  const search = (body: object) =>
    request(server)
      .post('/v1/search')
      .set(bearer())
      .send({ query: 'search cache redis', ...body });

  it('cuts snippets to max_tokens in all, in rank order', async () => {
    const full = await search({ max_results: 10 }).expect(200);
    const total = (res: any) =>
      res.body.results.reduce((sum: number, r: any) => sum + countTokens(r.snippet), 0);
    expect(total(full)).toBeGreaterThan(60);
    const cut = await search({ max_results: 10, max_tokens: 60 }).expect(200);
    expect(total(cut)).toBeLessThanOrEqual(60);
    expect(cut.body.results[0].url).toBe(full.body.results[0].url);
  });

  it('returns server_time only with display_server_time', async () => {
    const plain = await search({}).expect(200);
    expect(plain.body.server_time).toBeUndefined();
    const timed = await search({ display_server_time: true }).expect(200);
    expect(Math.abs(Date.parse(timed.body.server_time) - Date.now())).toBeLessThan(60_000);
  });

  it('takes search_after_date and search_before_date as the _filter names', async () => {
    for (const [name, filter] of [
      ['search_after_date', 'search_after_date_filter'],
      ['search_before_date', 'search_before_date_filter'],
    ]) {
      for (const date of ['01/01/2000', '01/01/2100']) {
        const short = await search({ [name]: date }).expect(200);
        const long = await search({ [filter]: date }).expect(200);
        expect(short.body.results.map((r: any) => r.url)).toEqual(
          long.body.results.map((r: any) => r.url),
        );
      }
    }
    const bad = await search({ search_after_date: '2025-01-01' }).expect(400);
    expect(bad.body.error.param).toBe('search_after_date');
  });

  it('takes one language in search_language_filter, and a country', async () => {
    await search({ search_language_filter: ['en'], country: 'US' }).expect(200);
    const two = await search({ search_language_filter: ['en', 'de'] }).expect(400);
    expect(two.body.error).toMatchObject({ param: 'search_language_filter' });
    const bad = await search({ search_language_filter: ['english'] }).expect(400);
    expect(bad.body.error.param).toMatch(/^search_language_filter/);
  });
});
