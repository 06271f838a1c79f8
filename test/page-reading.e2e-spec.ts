import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import request from 'supertest';
import { SearchBackend } from './fixtures/search-backend/backend';
import type { FixtureChatRequest } from './fixtures/llm-server';
import { LlmFixtureServer } from './fixtures/llm-server';
import { PAGE_FACT, PageServer, PDF_FACT } from './fixtures/pages/page-server';
import { SearxServer } from './support/searx-server';
import { bearer, startTestApp, TEST_KEY } from './support/test-app';

const TOPIC = 'lighthouse keeper cat';
const systemPrompt = (body: FixtureChatRequest | undefined) =>
  (body?.messages ?? []).find((m) => m.role === 'system')?.content ?? '';

/** The `[n]` the prompt gave the page at `url`. */
function sourceNumber(prompt: string, url: string): number {
  const escaped = url.replace(/[.[\]]/g, '\\$&');
  const match = new RegExp(
    `<source index="(\\d+)">\\nTitle: [^\\n]*\\n(?:Date: [^\\n]*\\n)?URL: ${escaped}\\n`,
  ).exec(prompt);
  return match ? Number(match[1]) : 0;
}

describe('answers read the pages behind the results', () => {
  let pages: PageServer;
  let backend: SearchBackend;
  let searx: SearxServer;
  let llm: LlmFixtureServer;
  const apps: NestExpressApplication[] = [];
  let app: NestExpressApplication;
  let forbidden: string[];

  const start = async (env: Record<string, string> = {}) => {
    const started = await startTestApp({
      SEARXNG_URL: searx.url,
      LLM_BASE_URL: llm.url,
      SEARCH_CACHE_TTL_SECONDS: '0',
      PAGE_FETCH_ALLOW_HOSTS: pages.allowEntry,
      PAGE_FETCH_TIMEOUT_MS: '1000',
      PAGE_FETCH_MAX_BYTES: String(256 * 1024),
      PAGE_FETCH_MAX_PAGES: '20',
      ...env,
    });
    apps.push(started);
    return started;
  };
  const ask = (target: NestExpressApplication, content: string, extra: object = {}) =>
    request(target.getHttpServer())
      .post('/v1/chat/completions')
      .set(bearer())
      .send({ model: 'sonar', messages: [{ role: 'user', content }], ...extra });

  beforeAll(async () => {
    pages = await PageServer.start();
    backend = await SearchBackend.start();
    const port = pages.port;
    forbidden = [
      `http://127.0.0.2:${port}/trap/loopback-2`,
      `http://localhost:${port}/trap/localhost`,
      `http://[::1]:${port}/trap/ipv6-loopback`,
      `http://0.0.0.0:${port}/trap/unspecified`,
      `http://2130706434:${port}/trap/decimal`,
    ];
    const entry = (url: string, title: string, content: string) => ({
      url,
      title,
      content,
      ageDays: 1,
      language: 'en',
    });
    backend.extra.push(
      entry(
        pages.url('/lighthouse.html'),
        'The Cape Lighthouse',
        `The ${TOPIC} page at the museum.`,
      ),
      entry(pages.url('/report.pdf'), 'Lighthouse report', `Annual ${TOPIC} report of the museum.`),
      entry(pages.url('/slow.html'), 'Slow lighthouse', `A slow ${TOPIC} page.`),
      entry(pages.url('/huge.txt'), 'Huge lighthouse log', `A huge ${TOPIC} log.`),
      entry(pages.url('/redirect-1'), 'Moved lighthouse', `A moved ${TOPIC} page.`),
      entry(pages.url('/redirect-localhost'), 'Moved again', `Another moved ${TOPIC} page.`),
      ...forbidden.map((url) => entry(url, 'Forbidden lighthouse', `A forbidden ${TOPIC} page.`)),
    );
    searx = await SearxServer.start(backend.url, 3);
    llm = await LlmFixtureServer.start();
    // PDF.js is loaded by the first PDF read (transpiled once on a cold Jest cache).
    app = await start();
  }, 60_000);
  afterAll(async () => {
    for (const started of apps) await started.close();
    await llm?.close();
    await searx?.stop();
    await backend?.close();
    await pages?.close();
  });
  beforeEach(() => {
    llm.reset();
    pages.reset();
  });

  it('puts a fact only the page holds, and a PDF’s text, into the upstream prompt', async () => {
    const res = await ask(app, TOPIC, { max_results: 20 }).expect(200);
    const prompt = systemPrompt(llm.requests[0].body);
    expect(prompt).toContain(PAGE_FACT);
    expect(prompt).toContain(PDF_FACT);
    expect(prompt).not.toContain('do-not-read');
    expect(res.body.choices[0].message.content).toMatch(/\[\d+\]/);
    expect(res.body.usage.citation_tokens).toBeGreaterThan(0);
    // The snippets shown to the caller stay the search engine's.
    const shown = res.body.search_results.find((r: any) => r.url === pages.url('/lighthouse.html'));
    expect(shown.snippet).not.toContain('Biscuit');
  });

  it('never requests a forbidden address, directly or through a redirect', async () => {
    const res = await ask(app, TOPIC, { max_results: 20 }).expect(200);
    // Every forbidden URL was among the results the reader was given...
    for (const url of forbidden) expect(res.body.citations).toContain(url);
    expect(res.body.citations).toContain(pages.url('/redirect-1'));
    // ...and none of them, nor a redirect's target, was ever requested.
    expect(pages.hitsOf('/redirect-2')).toHaveLength(1);
    expect(pages.hitsOf('/redirect-localhost')).toHaveLength(1);
    expect(pages.trapHits()).toEqual([]);
  });

  it('caps the slow and the huge page, and the answer still comes', async () => {
    const res = await ask(app, TOPIC, { max_results: 20 }).expect(200);
    expect(res.body.choices[0].message.content.length).toBeGreaterThan(0);
    const [slow] = pages.hitsOf('/slow.html');
    const [huge] = pages.hitsOf('/huge.txt');
    expect(await slow.closedEarly).toBe(true);
    expect(await huge.closedEarly).toBe(true);
  });

  it('times the page reading as `fetch` in Server-Timing, apart from search and the LLM', async () => {
    pages.delayMs = 80;
    llm.chunkDelayMs = 20;
    const res = await ask(app, 'lighthouse museum').expect(200);
    expect(pages.hitsOf('/lighthouse.html')).toHaveLength(1);
    const ms = Object.fromEntries(
      String(res.headers['server-timing'])
        .split(/,\s*/)
        .map((entry) => entry.split(';dur=').map((part, i) => (i ? Number(part) : part))),
    ) as Record<string, number>;
    // Every page answered 80 ms late; reading them is `fetch`, not `search` or `llm`.
    expect(ms.fetch).toBeGreaterThanOrEqual(78);
    expect(ms.search).toBeGreaterThan(0);
    expect(ms['llm-ttft']).toBeGreaterThan(0);
    expect(ms.llm).toBeGreaterThanOrEqual(ms['llm-ttft'] + 20);
    expect(ms.total).toBeGreaterThanOrEqual(ms.search + ms.fetch + ms.llm);
  });

  it('answers from snippets with PAGE_FETCH=off', async () => {
    const off = await start({ PAGE_FETCH: 'off' });
    await ask(off, TOPIC, { max_results: 20 }).expect(200);
    expect(systemPrompt(llm.requests[0].body)).not.toContain(PAGE_FACT);
    expect(pages.hits).toEqual([]);
  });

  describe('citation check', () => {
    /** Cites the article for its fact, then for a name it lacks, then a source that does not exist. */
    const answerFor = (body: FixtureChatRequest) => {
      const n = sourceNumber(systemPrompt(body), pages.url('/lighthouse.html'));
      return `${PAGE_FACT} [${n}]. The lighthouse was painted by Claude Monet [${n}]. It has a gift shop [7].`;
    };
    const museum = 'lighthouse museum';

    it('flags the unsupported [n] and removes the out-of-range [7]', async () => {
      llm.respond = answerFor;
      const res = await ask(app, museum).expect(200);
      expect(res.body.citations).toHaveLength(2);
      const n = res.body.citations.indexOf(pages.url('/lighthouse.html')) + 1;
      expect(res.body.choices[0].message.content).toBe(
        `${PAGE_FACT} [${n}]. The lighthouse was painted by Claude Monet [${n}]. It has a gift shop.`,
      );
      expect(res.body.citation_check).toEqual({
        checked: 3,
        supported: 1,
        unsupported: [
          { sentence_index: 1, marker: n, reason: 'name Claude is not in the source' },
          { sentence_index: 2, marker: 7, reason: 'there is no source [7]' },
        ],
      });
    });

    it('strips the unsupported marker too with CITATION_CHECK=strip, streamed to the OpenAI SDK', async () => {
      const strip = await start({ CITATION_CHECK: 'strip' });
      await strip.listen(0, '127.0.0.1');
      llm.respond = answerFor;
      const client = new OpenAI({
        baseURL: `${await strip.getUrl()}/v1`,
        apiKey: TEST_KEY,
        maxRetries: 0,
      });
      const stream = await client.chat.completions.create({
        model: 'sonar',
        stream: true,
        messages: [{ role: 'user', content: museum }],
      });
      let content = '';
      let check: any;
      let citations: string[] = [];
      for await (const chunk of stream) {
        content += chunk.choices[0]?.delta?.content ?? '';
        const extra = chunk as unknown as { citation_check?: unknown; citations?: string[] };
        if (chunk.choices[0]?.finish_reason) check = extra.citation_check;
        if (extra.citations) citations = extra.citations;
      }
      const n = citations.indexOf(pages.url('/lighthouse.html')) + 1;
      expect(n).toBeGreaterThan(0);
      expect(content).toBe(
        `${PAGE_FACT} [${n}]. The lighthouse was painted by Claude Monet. It has a gift shop.`,
      );
      expect(check).toMatchObject({ checked: 3, supported: 1 });
      expect(check.unsupported.map((u: any) => u.marker)).toEqual([n, 7]);
    });
  });
});
