import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { LlmFixtureServer } from './fixtures/llm-server';
import { AppProcess } from './support/app-process';

const KEY = 'drain-test-key-0123456789';

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
    llm.respond = () => Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ') + ' [1].';
    llm.chunkDelayMs = 50;
  });
  afterAll(() => llm?.close());

  // A test that fails before its app exited must not leave the process keeping Jest alive.
  const started: AppProcess[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((app) => app.stop('SIGKILL')));
  });

  const start = async (graceMs: number) => {
    const app = await AppProcess.start({
      API_KEYS: KEY,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info', // the drain's start is an info line the first test waits for
      LLM_BASE_URL: llm.url,
      SHUTDOWN_GRACE_MS: String(graceMs),
    });
    started.push(app);
    return app;
  };

  it('stops being ready, refuses new work, lets the open stream finish, exits 0', async () => {
    const app = await start(10_000);
    const stream = openStream(app.url);
    await stream.contentStarted;

    app.child.kill('SIGTERM');
    // Logged right after the drain began, so readiness already reports it.
    await app.waitForLog((r) => String(r.msg).startsWith('SIGTERM: draining'));
    const ready = await fetch(`${app.url}/health/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: { message: string } }).error.message).toContain(
      'shutdown',
    );
    const refused = await fetch(`${app.url}/v1/models`, {
      headers: { Authorization: `Bearer ${KEY}` },
    });
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'shutting_down',
    );

    const text = await stream.finished;
    expect(text).toContain('word19');
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(await app.whenExited()).toBe(0);
    // The stream's end was counted: the app closed without waiting out the grace period.
    expect(app.output.join('\n')).not.toContain('Grace period over');
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
