import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import { LlmFixtureServer, type RecordedLlmRequest } from './fixtures/llm-server';
import { startTestApp, TEST_KEY } from './support/test-app';

/** Resolves `closed` when the upstream request closes, `open` if it is still open after `ms`. */
const closesWithin = (req: IncomingMessage, ms: number) =>
  new Promise<'closed' | 'open'>((resolve) => {
    const timer = setTimeout(() => resolve('open'), ms);
    req.once('close', () => {
      clearTimeout(timer);
      resolve('closed');
    });
  });

/** A client that leaves before its answer stops the work done for it upstream. */
describe('a client disconnecting before the answer', () => {
  it('aborts the upstream LLM call of a non-streamed chat completion', async () => {
    const llm = await LlmFixtureServer.start();
    let app: NestExpressApplication | undefined;
    try {
      app = await startTestApp({ LLM_BASE_URL: llm.url });
      await app.listen(0, '127.0.0.1');
      const client = new OpenAI({
        baseURL: `${await app.getUrl()}/v1`,
        apiKey: TEST_KEY,
        maxRetries: 0,
      });
      llm.chunkDelayMs = 200;
      const controller = new AbortController();
      const answer = client.chat.completions
        .create(
          { model: 'sonar', messages: [{ role: 'user', content: 'How are API keys set?' }] },
          { signal: controller.signal },
        )
        .catch((error: unknown) => error);
      let call: RecordedLlmRequest;
      for (let i = 0; ; i += 1) {
        call = await llm.request(i);
        if (call.body?.messages?.[0]?.content.includes('Sources:')) break;
      }
      controller.abort();
      expect(await answer).toBeInstanceOf(Error);
      expect(await call.outcome).toBe('aborted');
    } finally {
      await app?.close();
      await llm.close();
    }
  });

  describe('on /v1/search', () => {
    // A SearXNG that never answers and reports each request it receives.
    const arrived: IncomingMessage[] = [];
    const waiters: Array<() => void> = [];
    let searx: Server;
    let app: NestExpressApplication;

    beforeAll(async () => {
      searx = createServer((req) => {
        arrived.push(req);
        waiters.splice(0).forEach((wake) => wake());
      });
      await new Promise<void>((resolve) => searx.listen(0, '127.0.0.1', resolve));
      const { port } = searx.address() as { port: number };
      app = await startTestApp({
        SEARXNG_URL: `http://127.0.0.1:${port}`,
        SEARCH_TIMEOUT_MS: '60000',
      });
      await app.listen(0, '127.0.0.1');
    });
    afterAll(async () => {
      await app?.close();
      searx?.closeAllConnections();
      await new Promise((resolve) => searx?.close(resolve));
    });

    it('aborts the backend search when the client leaves', async () => {
      const controller = new AbortController();
      const response = fetch(`${await app.getUrl()}/v1/search`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TEST_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: 'anything at all' }),
        signal: controller.signal,
      }).catch((error: unknown) => error);
      while (arrived.length === 0) await new Promise<void>((resolve) => waiters.push(resolve));
      controller.abort();
      expect(await response).toMatchObject({ name: 'AbortError' });
      // The search timeout is 60 s: only the client's leaving can close it this soon.
      expect(await closesWithin(arrived[0], 5000)).toBe('closed');
    });
  });
});
