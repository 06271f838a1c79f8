import { get } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { LlmFixtureServer } from './fixtures/llm-server';
import { SearchBackend } from './fixtures/search-backend/backend';
import { AppProcess } from './support/app-process';
import { SearxServer } from './support/searx-server';

const KEY = 'drain-test-key-0123456789';

type SearchBody = { results: Array<{ url: string }> };

/**
 * `GET /v1/models` on a new connection (never a pooled keep-alive one, which the server may close
 * under it): `answered`, or the connection error's code, e.g. ECONNREFUSED once the listener is closed.
 */
function onNewConnection(url: string): Promise<string> {
  return new Promise((resolve) => {
    const req = get(`${url}/v1/models`, {
      agent: false,
      headers: { Authorization: `Bearer ${KEY}` },
    });
    req.on('response', (res) => {
      res.resume();
      resolve('answered');
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** Opens a chat stream and collects its SSE text; resolves when the server ends it. */
function openStream(url: string) {
  let text = '';
  let firstContent: () => void = () => undefined;
  const contentStarted = new Promise<void>((resolve) => (firstContent = resolve));
  const finished = (async () => {
    const res = await fetch(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        model: 'sonar',
        stream: true,
        messages: [{ role: 'user', content: 'How does Answergate shut down?' }],
      }),
    });
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        text += decoder.decode(chunk);
        if (text.includes('"content":"') && !text.includes('"content":""}')) firstContent();
        if (/"delta":\{"content":"[^"]/.test(text)) firstContent();
      }
    } catch {
      // the server cut the connection
    }
    return text;
  })();
  return { contentStarted, finished };
}

describe('graceful shutdown on SIGTERM (real process, real stream)', () => {
  let llm: LlmFixtureServer;

  beforeAll(async () => {
    llm = await LlmFixtureServer.start();
  });
  beforeEach(() => {
    llm.respond = () => Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ') + ' [1].';
    llm.chunkDelayMs = 50;
  });
  afterAll(() => llm?.close());

  // A test that fails before its app exited must not leave the process keeping Jest alive.
  const started: AppProcess[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((app) => app.stop('SIGKILL')));
  });

  const start = async (graceMs: number, env: Record<string, string> = {}) => {
    const app = await AppProcess.start({
      API_KEYS: KEY,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info', // the drain's steps are info lines the tests wait for
      LLM_BASE_URL: llm.url,
      SHUTDOWN_GRACE_MS: String(graceMs),
      ...env,
    });
    started.push(app);
    return app;
  };
  const models = (url: string) =>
    fetch(`${url}/v1/models`, { headers: { Authorization: `Bearer ${KEY}` } });
  const logTime = (app: AppProcess, prefix: string) =>
    app.waitForLog((r) => String(r.msg).startsWith(prefix)).then((r) => Number(r.time));

  it('without a drain delay, closes the listener at once, lets the open stream finish, exits 0', async () => {
    const app = await start(10_000);
    const stream = openStream(app.url);
    await stream.contentStarted;

    app.child.kill('SIGTERM');
    await logTime(app, 'Refusing new requests');
    // The listener is closed: a load balancer's next connection fails and goes elsewhere.
    const refused = await onNewConnection(app.url);
    expect(refused).toBe('ECONNREFUSED');

    const text = await stream.finished;
    expect(text).toContain('word19');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(await app.whenExited()).toBe(0);
    // The stream's end was counted: the app closed without waiting out the grace period.
    expect(app.output.join('\n')).not.toContain('Grace period over');
  });

  it('with SHUTDOWN_DRAIN_DELAY_MS, fails readiness but serves new requests with Connection: close until the delay ends, then refuses connections', async () => {
    const delayMs = 3000;
    // The stream outlasts the delay: it is still open when the listener closes.
    llm.chunkDelayMs = 250;
    const app = await start(10_000, { SHUTDOWN_DRAIN_DELAY_MS: String(delayMs) });
    const stream = openStream(app.url);
    await stream.contentStarted;

    app.child.kill('SIGTERM');
    const drainingAt = await logTime(app, 'SIGTERM: draining');
    const [ready, served] = await Promise.all([fetch(`${app.url}/health/ready`), models(app.url)]);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: { message: string } }).error.message).toContain(
      'shutdown',
    );
    expect(served.status).toBe(200);
    expect(served.headers.get('connection')).toBe('close');

    const refusingAt = await logTime(app, 'Refusing new requests');
    expect(refusingAt - drainingAt).toBeGreaterThanOrEqual(delayMs);
    const refused = await onNewConnection(app.url);
    expect(refused).toBe('ECONNREFUSED');

    const text = await stream.finished;
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(await app.whenExited()).toBe(0);
  });

  it('ends every stream still open at the end of the grace period with a shutdown error event, and exits 0', async () => {
    const app = await start(300);
    const streams = [openStream(app.url), openStream(app.url), openStream(app.url)];
    await Promise.all(streams.map((stream) => stream.contentStarted));
    const signalledAt = Date.now();
    app.child.kill('SIGTERM');
    const texts = await Promise.all(streams.map((stream) => stream.finished));
    for (const text of texts) {
      expect(text).not.toContain('data: [DONE]');
      const events = text.trimEnd().split('\n\n');
      const last = JSON.parse(events.at(-1)!.replace(/^data: /, '')) as {
        error: { code: string; type: string; message: string };
      };
      expect(last.error.code).toBe('server_shutting_down');
      expect(last.error.message).toContain('shutting down');
    }
    expect(await app.whenExited()).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(5000);
    const logs = app.logRecords();
    // Ended streams are logged with their outcome, not as plain completions.
    expect(logs.filter((l) => l.outcome === 'server_shutting_down').length).toBe(3);
  });
});

describe('graceful shutdown with a search in flight and no answer open (real searx)', () => {
  let backend: SearchBackend;
  let searx: SearxServer;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    backend = await SearchBackend.start();
    searx = await SearxServer.start(backend.url, 5);
  });
  afterAll(async () => {
    await searx?.stop();
    await backend?.close();
  });
  afterEach(async () => {
    await app?.stop('SIGKILL');
  });

  it('answers the search before the process exits', async () => {
    app = await AppProcess.start({
      API_KEYS: KEY,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      SEARXNG_URL: searx.url,
      SEARCH_CACHE_TTL_SECONDS: '0',
    });
    backend.delayMs = 1500;
    const search = fetch(`${app.url}/v1/search`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ query: 'redis', max_results: 2 }),
    }).then(async (res) => ({ status: res.status, body: (await res.json()) as SearchBody }));
    // SIGTERM once searx has asked the backend, i.e. while the search waits for it.
    while (backend.requests.length === 0) await new Promise((r) => setTimeout(r, 20));
    app.child.kill('SIGTERM');

    const answered = await search;
    expect(answered.status).toBe(200);
    expect(answered.body.results.map((r) => r.url)).toContain('https://blog.example.org/redis');
    expect(await app.whenExited()).toBe(0);
  });
});
