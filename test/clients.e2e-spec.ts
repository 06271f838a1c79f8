import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import Perplexity from '@perplexity-ai/perplexity_ai';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createPerplexity } from '@ai-sdk/perplexity';
import { ChatOpenAI } from '@langchain/openai';
import { generateText, streamText } from 'ai';
import { LlmFixtureServer } from './fixtures/llm-server';
import { startTestApp, TEST_KEY } from './support/test-app';

/** Each client set up as its own docs say, with only the base URL and key changed. */
describe('real clients against the app', () => {
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let root: string;

  beforeAll(async () => {
    llm = await LlmFixtureServer.start();
    llm.respond = () => 'Results are cached [1], in Redis when REDIS_URL is set [2].';
    app = await startTestApp({
      LLM_BASE_URL: llm.url,
      SEARCH_PROVIDER: 'local',
      LOCAL_INDEX_DIR: 'docs',
    });
    await app.listen(0, '127.0.0.1');
    root = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
  });
  const question = 'How does Answergate cache search results?';

  describe('@perplexity-ai/perplexity_ai with the server root as base URL', () => {
    const client = () => new Perplexity({ baseURL: root, apiKey: TEST_KEY, maxRetries: 0 });

    it('answers with citations and search results', async () => {
      const completion: any = await client().chat.completions.create({
        model: 'sonar',
        messages: [{ role: 'user', content: question }],
      });
      expect(completion.choices[0].message.content).toMatch(/\[1\]/);
      expect(completion.search_results.length).toBeGreaterThan(0);
    });

    it('streams, with usage on the finish chunk', async () => {
      const stream: any = await client().chat.completions.create({
        model: 'sonar',
        messages: [{ role: 'user', content: question }],
        stream: true,
      });
      let text = '';
      let usage: any;
      for await (const chunk of stream) {
        text += chunk.choices[0]?.delta?.content ?? '';
        usage = chunk.usage ?? usage;
      }
      expect(text).toMatch(/\[1\]/);
      expect(usage.total_tokens).toBeGreaterThan(0);
    });

    it('searches', async () => {
      const found: any = await client().search.create({ query: 'search cache' });
      expect(found.results.length).toBeGreaterThan(0);
    });

    it('raises AuthenticationError for a wrong key', async () => {
      const wrong = new Perplexity({ baseURL: root, apiKey: 'nope', maxRetries: 0 });
      await expect(
        wrong.chat.completions.create({
          model: 'sonar',
          messages: [{ role: 'user', content: 'x' }],
        }),
      ).rejects.toBeInstanceOf(Perplexity.AuthenticationError);
    });
  });

  describe('ai with @ai-sdk/openai (base URL /v1)', () => {
    const provider = () => createOpenAI({ baseURL: `${root}/v1`, apiKey: TEST_KEY });

    it('answers through the default model (the Responses API) with sources', async () => {
      const result = await generateText({ model: provider()('sonar'), prompt: question });
      expect(result.text).toMatch(/\[1\]/);
      expect(result.sources.length).toBeGreaterThan(0);
    });

    it('answers through .chat() with sources from the annotations', async () => {
      const result = await generateText({ model: provider().chat('sonar'), prompt: question });
      expect(result.sources.length).toBeGreaterThan(0);
    });
  });

  describe('ai with @ai-sdk/perplexity (server root as base URL)', () => {
    it('streams with sources and usage', async () => {
      const perplexity = createPerplexity({ baseURL: root, apiKey: TEST_KEY });
      const result = streamText({ model: perplexity('sonar'), prompt: question });
      let text = '';
      for await (const piece of result.textStream) text += piece;
      expect(text).toMatch(/\[1\]/);
      expect((await result.sources).length).toBeGreaterThan(0);
      expect((await result.usage).outputTokens).toBeGreaterThan(0);
    });
  });

  describe('ai with @ai-sdk/openai-compatible (base URL /v1)', () => {
    it('answers', async () => {
      const provider = createOpenAICompatible({
        name: 'answergate',
        baseURL: `${root}/v1`,
        apiKey: TEST_KEY,
      });
      const result = await generateText({ model: provider('sonar'), prompt: question });
      expect(result.text).toMatch(/\[1\]/);
    });
  });

  describe('@langchain/openai ChatOpenAI (base URL /v1)', () => {
    const chat = () =>
      new ChatOpenAI({
        model: 'sonar',
        apiKey: TEST_KEY,
        configuration: { baseURL: `${root}/v1` },
        maxRetries: 0,
      });

    it('invokes', async () => {
      const reply = await chat().invoke(question);
      expect(reply.text).toMatch(/\[1\]/);
    });

    it('streams', async () => {
      let text = '';
      for await (const piece of await chat().stream(question)) text += piece.text;
      expect(text).toMatch(/\[1\]/);
    });
  });
});
