import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import { SearchBackend } from './fixtures/search-backend/backend';
import { LlmFixtureServer } from './fixtures/llm-server';
import { SearxServer } from './support/searx-server';
import { startTestApp, TEST_KEY } from './support/test-app';

type SonarBody = OpenAI.ChatCompletionCreateParamsNonStreaming & Record<string, unknown>;
interface SonarCompletion extends OpenAI.ChatCompletion {
  citations: string[];
  search_results: { url: string }[];
}

/** Sonar's search controls through the openai SDK, a real searx and the fixture LLM. */
describe('Sonar search controls (search_mode, disable_search, the search classifier)', () => {
  let backend: SearchBackend;
  let searx: SearxServer;
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let client: OpenAI;
  const ask = async (body: Partial<SonarBody>) =>
    (await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content: 'transformer' }],
      ...body,
    } as SonarBody)) as unknown as SonarCompletion;
  const forwarded = () => backend.requests.map((params) => Object.fromEntries(params));

  beforeAll(async () => {
    backend = await SearchBackend.start();
    searx = await SearxServer.start(backend.url);
    llm = await LlmFixtureServer.start();
    app = await startTestApp({
      SEARXNG_URL: searx.url,
      SEARCH_CACHE_TTL_SECONDS: '0',
      LLM_BASE_URL: llm.url,
      LLM_MODEL: 'fixture-model',
    });
    await app.listen(0, '127.0.0.1');
    client = new OpenAI({ baseURL: `${await app.getUrl()}/v1`, apiKey: TEST_KEY, maxRetries: 0 });
  }, 30_000);
  afterAll(async () => {
    await app?.close();
    await llm?.close();
    await searx?.stop();
    await backend?.close();
  });
  beforeEach(() => {
    backend.reset();
    llm.reset();
  });

  it('search_mode academic asks searx for the science category only', async () => {
    const completion = await ask({ search_mode: 'academic' });
    expect(completion.citations).toEqual(['https://arxiv.example.org/abs/2401.00001']);
    expect(forwarded().map((r) => r.category)).toContain('science');
    expect(forwarded().every((r) => r.category === 'science')).toBe(true);

    backend.reset();
    const web = await ask({ search_mode: 'web' });
    expect(web.citations).toEqual(['https://blog.example.com/transformer']);
    expect(forwarded().every((r) => r.category === 'general')).toBe(true);
  });

  it('search_mode sec restricts the search and its results to sec.gov', async () => {
    const completion = await ask({
      search_mode: 'sec',
      messages: [{ role: 'user', content: 'quarterly filing' }],
    });
    expect(completion.citations).toEqual([
      'https://www.sec.gov/Archives/edgar/data/1/annual-filing.htm',
    ]);
    expect(forwarded()[0].q).toBe('quarterly filing site:sec.gov');
  });

  it('disable_search answers without calling searx, with no sources and 0 search queries', async () => {
    const completion = await ask({ disable_search: true, return_images: true });
    expect(backend.requests).toHaveLength(0);
    expect(completion.citations).toEqual([]);
    expect(completion.search_results).toEqual([]);
    expect(completion.usage).toMatchObject({ num_search_queries: 0 });
    const answer = llm.requests.find((r) => r.body?.stream === false || r.body?.stream === true);
    expect(answer?.body?.messages?.[0].content).toContain('no web search was made');
  });

  it('enable_search_classifier skips searx when the LLM says NO_SEARCH, and logs the decision in usage', async () => {
    llm.respond = (request) =>
      request.messages?.[0].content.includes('needs a web search') ? 'NO_SEARCH' : 'Hello!';
    const skipped = await ask({
      enable_search_classifier: true,
      messages: [{ role: 'user', content: 'hi there' }],
    });
    expect(backend.requests).toHaveLength(0);
    expect(skipped.usage).toMatchObject({ num_search_queries: 0 });
    expect(skipped.choices[0].message.content).toBe('Hello!');
    expect(llm.requests[0].body?.max_tokens).toBe(5);

    llm.respond = () => 'SEARCH';
    const searched = await ask({ enable_search_classifier: true });
    expect(backend.requests.length).toBeGreaterThan(0);
    expect(searched.usage).toMatchObject({ num_search_queries: 1 });
  });
});

describe('the search classifier of the extractive answerer (default start)', () => {
  let app: NestExpressApplication;
  let client: OpenAI;

  beforeAll(async () => {
    app = await startTestApp({ LOCAL_INDEX_DIR: 'docs' });
    await app.listen(0, '127.0.0.1');
    client = new OpenAI({ baseURL: `${await app.getUrl()}/v1`, apiKey: TEST_KEY, maxRetries: 0 });
  });
  afterAll(() => app.close());

  const ask = async (content: string) =>
    (await client.chat.completions.create({
      model: 'sonar',
      messages: [{ role: 'user', content }],
      enable_search_classifier: true,
    } as SonarBody)) as unknown as SonarCompletion;

  it('skips the search for a greeting and searches for a question', async () => {
    const greeting = await ask('Hello!');
    expect(greeting.usage).toMatchObject({ num_search_queries: 0 });
    expect(greeting.citations).toEqual([]);
    const question = await ask('Which environment variable sets the API keys?');
    expect(question.usage).toMatchObject({ num_search_queries: 1 });
    expect(question.citations.length).toBeGreaterThan(0);
  });
});
