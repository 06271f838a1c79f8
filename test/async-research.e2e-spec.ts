import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Perplexity from '@perplexity-ai/perplexity_ai';
import request from 'supertest';
import { LlmFixtureServer } from './fixtures/llm-server';
import { SearchBackend } from './fixtures/search-backend/backend';
import {
  citedNumbers,
  pagesByRound,
  roundsSearched,
  splitThink,
} from './support/research-assertions';
import { SearxServer } from './support/searx-server';
import { bearer, startTestApp, TEST_KEY } from './support/test-app';

const OTHER_KEY = 'other-key-9876543210';
/** Keywords the searx fixture's corpus holds, planned 3 first, then one a round. */
const QUESTION = 'What do caching, redis, fusion and paginated pages do?';
type Job = Awaited<ReturnType<Perplexity['async']['chat']['completions']['get']>>;

describe('async deep research with Perplexity SDK, fixture LLM, real searx, in-process queue', () => {
  let backend: SearchBackend;
  let searx: SearxServer;
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let client: Perplexity;
  let other: Perplexity;
  /** Chat completions at `/v1` (the root layout is another issue's work). */
  let v1: Perplexity;

  beforeAll(async () => {
    backend = await SearchBackend.start();
    searx = await SearxServer.start(backend.url);
    llm = await LlmFixtureServer.start();
    app = await startTestApp({
      API_KEYS: `${TEST_KEY},${OTHER_KEY}`,
      SEARXNG_URL: searx.url,
      LLM_BASE_URL: llm.url,
      LLM_MODEL: 'fixture-model',
      LLM_MAX_RETRIES: '0',
    });
    await app.listen(0, '127.0.0.1');
    const baseURL = await app.getUrl();
    client = new Perplexity({ apiKey: TEST_KEY, baseURL, maxRetries: 0 });
    other = new Perplexity({ apiKey: OTHER_KEY, baseURL, maxRetries: 0 });
    v1 = new Perplexity({ apiKey: TEST_KEY, baseURL: `${baseURL}/v1`, maxRetries: 0 });
  }, 30_000);
  afterAll(async () => {
    await app?.close();
    await llm?.close();
    await searx?.stop();
    await backend?.close();
  });
  beforeEach(() => llm.reset());

  /** Polls until the job is finished, keeping every status seen. */
  async function settle(id: string, seen: string[] = []): Promise<Job> {
    for (;;) {
      const job = await client.async.chat.completions.get(id);
      if (seen.at(-1) !== job.status) seen.push(job.status);
      if (job.status === 'COMPLETED' || job.status === 'FAILED') return job;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const research = (effort: 'low' | 'medium' | 'high') =>
    client.async.chat.completions.create({
      request: {
        model: 'sonar-deep-research',
        messages: [{ role: 'user', content: QUESTION }],
        reasoning_effort: effort,
      },
    });

  it('goes CREATED -> IN_PROGRESS -> COMPLETED with a report citing pages read in two rounds', async () => {
    llm.chunkDelayMs = 5; // the report streams slowly enough to see IN_PROGRESS
    const created = await research('low');
    expect(created).toMatchObject({ model: 'sonar-deep-research', status: 'CREATED' });
    expect(created.created_at).toBeGreaterThan(1_700_000_000);
    const seen = [created.status];
    const job = await settle(created.id, seen);
    expect(seen).toEqual(['CREATED', 'IN_PROGRESS', 'COMPLETED']);
    expect(job.started_at).toEqual(expect.any(Number));
    expect(job.completed_at).toEqual(expect.any(Number));

    const response = job.response!;
    const { think, report } = splitThink(response.choices[0].message.content as string);
    expect(report).toMatch(/^# Report: .+\n\n## Findings\n[\s\S]+\n\n## Conclusion\n/);
    const rounds = pagesByRound(think);
    const cited = citedNumbers(report);
    expect(rounds.get(1)!.some((n) => cited.has(n))).toBe(true);
    expect(rounds.get(2)!.some((n) => cited.has(n))).toBe(true);
    // Every cited [n] has its search result, with the URL the think block read.
    for (const n of cited) {
      const result = response.search_results![n - 1];
      expect(think).toContain(`[${n}] ${result.title} (${result.url})`);
    }
    expect(response.usage).toMatchObject({
      num_search_queries: 4,
      reasoning_tokens: expect.any(Number),
      citation_tokens: expect.any(Number),
    });
  });

  it('researches more rounds with a higher reasoning_effort', async () => {
    const low = await settle((await research('low')).id);
    const medium = await settle((await research('medium')).id);
    const content = (job: Job) => job.response!.choices[0].message.content as string;
    expect(roundsSearched(splitThink(content(low)).think)).toBe(2);
    // medium allows 4, and the fixture finds nothing missing after round 3.
    expect(roundsSearched(splitThink(content(medium)).think)).toBe(3);
  });

  it("never shows a job to another key: 404 for it, absent from that key's list", async () => {
    const mine = await research('low');
    await expect(other.async.chat.completions.get(mine.id)).rejects.toMatchObject({ status: 404 });
    const theirs = await other.async.chat.completions.list();
    expect(theirs.requests.map((r) => r.id)).not.toContain(mine.id);
    const listed = await client.async.chat.completions.list();
    expect(listed.requests[0].id).toBe(mine.id);
    await settle(mine.id);
  });

  it('lists newest first, a page at a time, at every path layout', async () => {
    const ids: string[] = [];
    for (const path of [
      '/async/chat/completions',
      '/v1/async/chat/completions',
      '/v1/async/sonar',
    ]) {
      const res = await request(app.getHttpServer())
        .post(path)
        .set(bearer())
        .send({ request: { model: 'sonar', messages: [{ role: 'user', content: 'redis cache' }] } })
        .expect(200);
      ids.unshift(res.body.id);
    }
    const first = await client.async.chat.completions.list({ query: { limit: 2 } });
    expect(first.requests.map((r) => r.id)).toEqual(ids.slice(0, 2));
    const second = await client.async.chat.completions.list({
      query: { limit: 2, next_token: first.next_token },
    });
    expect(second.requests[0].id).toBe(ids[2]);
    for (const id of ids) expect((await settle(id)).status).toBe('COMPLETED');
  });

  it('ends FAILED with the upstream error in error_message when the LLM fails', async () => {
    llm.plan({ type: 'fail', status: 500, message: 'the model crashed' });
    const job = await settle((await research('low')).id);
    expect(job.status).toBe('FAILED');
    expect(job.failed_at).toEqual(expect.any(Number));
    expect(job.error_message).toMatch(/500|the model crashed/);
  });

  it('answers 400 naming request.stream for a streamed async request, and 404 for an unknown id', async () => {
    const res = await request(app.getHttpServer())
      .post('/async/chat/completions')
      .set(bearer())
      .send({
        request: { model: 'sonar', stream: true, messages: [{ role: 'user', content: 'x' }] },
      })
      .expect(400);
    expect(res.body.error).toMatchObject({ param: 'request.stream' });
    await request(app.getHttpServer()).get('/v1/async/sonar/nope').set(bearer()).expect(404);
  });

  it('says in readiness that the in-process queue loses jobs on restart', async () => {
    const ready = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(ready.body.details.jobs).toMatchObject({
      status: 'up',
      queue: 'memory',
      durable: false,
      message: expect.stringContaining('lost on restart'),
    });
  });

  it('streams sonar-deep-research: <think> progress first, then the report, then its sources', async () => {
    const stream = await v1.chat.completions.create({
      model: 'sonar-deep-research',
      messages: [{ role: 'user', content: QUESTION }],
      reasoning_effort: 'low',
      stream: true,
    } as Parameters<Perplexity['chat']['completions']['create']>[0] & { stream: true });
    const pieces: string[] = [];
    let citations: string[] = [];
    for await (const chunk of stream) {
      const content = chunk.choices[0]?.delta?.content;
      if (typeof content === 'string' && content) pieces.push(content);
      if (chunk.citations?.length) citations = chunk.citations;
    }
    const thinkEnd = pieces.findIndex((p) => p.includes('</think>'));
    const progress = pieces.findIndex((p) => p.includes('Round 1: searching'));
    expect(pieces[0]).toBe('<think>\n');
    expect(progress).toBeGreaterThan(0);
    expect(progress).toBeLessThan(thinkEnd);
    expect(pieces.slice(thinkEnd + 1).join('')).toMatch(/^# Report: /);
    expect(citations.length).toBeGreaterThan(3);
  });
});
