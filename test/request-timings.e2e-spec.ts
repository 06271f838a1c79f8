import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import OpenAI from 'openai';
import { LlmFixtureServer } from './fixtures/llm-server';
import { AppProcess } from './support/app-process';

const KEY = 'timing-test-key-0123456789';
const question = [{ role: 'user' as const, content: 'How are API keys configured?' }];

/** `search;dur=1.2, total;dur=3` -> `{ search: 1.2, total: 3 }`, names in order. */
function serverTiming(header: string | null): Array<[string, number]> {
  return (header ?? '').split(/,\s*/).map((entry) => {
    const [name, dur] = entry.split(';dur=');
    return [name, Number(dur)];
  });
}

describe('where the time goes: Server-Timing and the final log line (real process)', () => {
  let llm: LlmFixtureServer;
  let app: AppProcess;
  let client: OpenAI;

  beforeAll(async () => {
    llm = await LlmFixtureServer.start();
    app = await AppProcess.start({
      API_KEYS: KEY,
      LOG_LEVEL: 'info',
      LLM_BASE_URL: llm.url,
      SEARCH_CACHE_TTL_SECONDS: '0',
    });
    client = new OpenAI({ baseURL: `${app.url}/v1`, apiKey: KEY, maxRetries: 0 });
  }, 30_000);
  afterAll(async () => {
    await app?.stop();
    await llm?.close();
  });
  beforeEach(() => {
    llm.reset();
    // 5 words 30 ms apart: the answer takes at least 150 ms after its first token.
    llm.chunkDelayMs = 30;
    llm.respond = () => 'Keys come from API_KEYS [1].';
  });

  it('splits a non-streamed answer into search, fetch, llm-ttft, llm and total', async () => {
    const { response } = await client.chat.completions
      .create({ model: 'sonar', messages: question })
      .withResponse();
    const timings = serverTiming(response.headers.get('server-timing'));
    expect(timings.map(([name]) => name)).toEqual(['search', 'fetch', 'llm-ttft', 'llm', 'total']);
    const ms = Object.fromEntries(timings);
    expect(ms.search).toBeGreaterThan(0);
    // Page reading is off (the local index has the full text): next to nothing.
    expect(ms.fetch).toBeLessThan(1);
    expect(ms['llm-ttft']).toBeGreaterThanOrEqual(25);
    expect(ms.llm - ms['llm-ttft']).toBeGreaterThanOrEqual(100);
    expect(ms.total).toBeGreaterThanOrEqual(ms.search + ms.llm);
  });

  it('writes the same split in the final log line of a stream', async () => {
    const stream = await client.chat.completions.create({
      model: 'sonar',
      messages: question,
      stream: true,
    });
    for await (const chunk of stream) void chunk;
    const line = await app.waitForLog(
      (record) => record.route === '/v1/chat/completions' && record.llm_ms !== undefined,
    );
    expect(line).toMatchObject({
      search_ms: expect.any(Number),
      fetch_ms: expect.any(Number),
      llm_ttft_ms: expect.any(Number),
      llm_ms: expect.any(Number),
      total_ms: expect.any(Number),
    });
    const record = line as Record<string, number>;
    expect(record.llm_ms - record.llm_ttft_ms).toBeGreaterThanOrEqual(100);
    expect(record.total_ms).toBeGreaterThanOrEqual(record.search_ms + record.llm_ms);
  });

  it('times /v1/search: its search phase within the total', async () => {
    const res = await fetch(`${app.url}/v1/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'api keys' }),
    });
    expect(res.status).toBe(200);
    const ms = Object.fromEntries(serverTiming(res.headers.get('server-timing')));
    expect(ms.search).toBeGreaterThan(0);
    expect(ms.llm).toBe(0);
    expect(ms.total).toBeGreaterThanOrEqual(ms.search);
  });
});
