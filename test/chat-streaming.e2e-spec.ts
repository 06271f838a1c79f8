import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import { LlmFixtureServer } from './fixtures/llm-server';
import { freePort } from './support/free-port';
import { startTestApp, TEST_KEY } from './support/test-app';

/** The SSE wire itself: headers for proxies, heartbeats, errors after the stream began. */
describe('chat completion streams on the wire', () => {
  let llm: LlmFixtureServer;
  let app: NestExpressApplication;
  let url: string;

  beforeAll(async () => {
    llm = await LlmFixtureServer.start();
    app = await startTestApp({ LLM_BASE_URL: llm.url, SSE_HEARTBEAT_MS: '100' });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await llm?.close();
  });
  beforeEach(() => llm.reset());

  const post = (body: object) =>
    fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'sonar', stream: true, ...body }),
    });
  const question = { messages: [{ role: 'user', content: 'How are API keys configured?' }] };

  it('sends proxy-friendly headers and heartbeats while the model is slow', async () => {
    // The model stalls after its first chunk until a heartbeat has reached the client.
    let release = () => {};
    llm.streamGate = new Promise<void>((resolve) => (release = resolve));
    llm.respond = () => 'Keys come from API_KEYS [1] and API_KEYS_FILE [2].';
    const res = await post(question);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(res.headers.get('cache-control')).toContain('no-cache');
    expect(res.headers.get('x-accel-buffering')).toBe('no');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      text += read.value;
      if (text.includes(': keep-alive\n\n')) release();
    }
    expect(text).toContain(': keep-alive\n\n');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('sends an error after the stream began as a data event, then ends', async () => {
    llm.plan({ type: 'stream-error', afterChunks: 3, message: 'the GPU caught fire' });
    const res = await post(question);
    expect(res.status).toBe(200);
    const events = (await res.text()).split('\n\n').filter(Boolean);
    const last = JSON.parse(events.at(-1)!.replace(/^data: /, ''));
    expect(last.error).toMatchObject({ type: 'upstream_error', code: 'upstream_error' });
    expect(last.error.message).toContain('the GPU caught fire');
    expect(events.some((e) => e.includes('"role":"assistant"'))).toBe(true);
  });

  it('makes the SDK raise that error from its iterator', async () => {
    llm.plan({ type: 'stream-error', afterChunks: 3, message: 'the GPU caught fire' });
    const client = new OpenAI({ baseURL: `${url}/v1`, apiKey: TEST_KEY, maxRetries: 0 });
    const stream = await client.chat.completions.create({
      model: 'sonar',
      stream: true,
      messages: [{ role: 'user', content: 'How are API keys configured?' }],
    });
    const consume = async () => {
      for await (const chunk of stream) void chunk;
    };
    await expect(consume()).rejects.toThrow(/the GPU caught fire/);
  });

  it('answers an unknown model with 404 before streaming anything', async () => {
    const res = await post({ ...question, model: 'nope' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('answers an error raised inside the stream before its first event with its real HTTP status', async () => {
    // The search backend refuses connections: the answer stream fails before any event.
    const failing = await startTestApp({
      LLM_BASE_URL: llm.url,
      SEARXNG_URL: `http://127.0.0.1:${await freePort()}`,
    });
    try {
      await failing.listen(0, '127.0.0.1');
      const res = await fetch(`${await failing.getUrl()}/v1/chat/completions`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${TEST_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ model: 'sonar', stream: true, ...question }),
      });
      expect(res.status).toBeGreaterThanOrEqual(502);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as { error: { type: string; message: string } };
      expect(body.error.message).toMatch(/SearXNG .* is unreachable/);
      expect(llm.requests).toHaveLength(0);
    } finally {
      await failing.close();
    }
  });

  it('moves the LLM, token, search and stream metrics', async () => {
    const res = await post(question);
    await res.text();
    const metrics = await (await fetch(`${url}/metrics`)).text();
    const value = (prefix: string) => {
      const line = metrics.split('\n').find((l) => l.startsWith(prefix));
      // A metric missing from the page is a failure, never a zero.
      if (line === undefined) throw new Error(`no ${prefix} in /metrics`);
      return Number(line.split(' ').pop());
    };
    expect(
      value('answergate_llm_time_to_first_token_seconds_count{provider="openai"}'),
    ).toBeGreaterThan(0);
    expect(value('answergate_tokens_total{kind="completion"}')).toBeGreaterThan(0);
    expect(value('answergate_tokens_total{kind="prompt"}')).toBeGreaterThan(0);
    expect(value('answergate_search_duration_seconds_count')).toBeGreaterThan(0);
    expect(value('answergate_active_sse_streams')).toBe(0);
  });

  it('reports the upstream LLM in readiness, and stays ready while it is down', async () => {
    const ok = await fetch(`${url}/health/ready`);
    expect(((await ok.json()) as { info: Record<string, unknown> }).info.llm).toEqual({
      status: 'up',
      provider: 'openai',
    });
    llm.modelsStatus = 503;
    try {
      const down = await fetch(`${url}/health/ready`);
      expect(down.status).toBe(200);
      const body = (await down.json()) as { status: string; info: Record<string, unknown> };
      expect(body.status).toBe('degraded');
      expect(body.info.llm).toMatchObject({ status: 'degraded', provider: 'openai' });
      const dependencies = await fetch(`${url}/health/dependencies`);
      expect(dependencies.status).toBe(200);
      const metrics = await (await fetch(`${url}/metrics`)).text();
      expect(metrics).toContain('answergate_dependency_up{dependency="llm"} 0');
    } finally {
      llm.modelsStatus = 200;
    }
  });

  it('limits concurrent streams per key with 429', async () => {
    const limited = await startTestApp({
      LLM_BASE_URL: llm.url,
      RATE_LIMIT_CONCURRENT_STREAMS: '1',
    });
    try {
      await limited.listen(0, '127.0.0.1');
      const base = await limited.getUrl();
      llm.chunkDelayMs = 20;
      const open = (model = 'sonar') =>
        fetch(`${base}/v1/chat/completions`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${TEST_KEY}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ model, stream: true, ...question }),
        });
      const first = await open();
      const second = await open();
      expect(second.status).toBe(429);
      expect(((await second.json()) as { error: { code: string } }).error.code).toBe(
        'rate_limit_exceeded',
      );
      await first.text();
      const third = await open();
      expect(third.status).toBe(200);
      await third.text();
    } finally {
      await limited.close();
    }
  });
});
