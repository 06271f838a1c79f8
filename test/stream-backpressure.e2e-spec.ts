import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { startTestApp, TEST_KEY } from './support/test-app';

const DELTA = 'word '.repeat(200);
const EVENTS = 15_000; // ~15 MB of answer, under the provider's 16 MiB cap

/**
 * An OpenAI-compatible upstream that streams a long answer (`state.events` deltas, 15 MB
 * unless a test sets fewer, then a last event with the finish reason and `state.lastDelta`)
 * as fast as its socket takes it (it honours `drain`), and counts the bytes it got to write.
 */
async function floodingUpstream() {
  const state = { written: 0, finished: false, events: EVENTS, lastDelta: '' };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => void flood());
    const flood = async () => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      const event = `data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: DELTA } }] })}\n\n`;
      const events = state.events;
      for (let i = 0; i < events && !res.destroyed; i += 1) {
        state.written += event.length;
        if (!res.write(event)) await new Promise((resolve) => res.once('drain', resolve));
      }
      // With usage given, the gateway counts no tokens itself.
      const stop = {
        choices: [{ index: 0, delta: { content: state.lastDelta }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: events * 200 },
      };
      res.end(`data: ${JSON.stringify(stop)}\n\ndata: [DONE]\n\n`);
      state.finished = true;
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, state, url: `http://127.0.0.1:${port}/v1` };
}

/** POSTs a streamed chat completion to the gateway; resolves with the response head. */
function askForAnswer(port: number): Promise<IncomingMessage> {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = httpRequest(
      {
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/v1/chat/completions',
        headers: { Authorization: `Bearer ${TEST_KEY}`, 'Content-Type': 'application/json' },
      },
      resolve,
    );
    req.on('error', reject);
    req.end(
      JSON.stringify({
        model: 'sonar',
        stream: true,
        messages: [{ role: 'user', content: 'Write a very long answer.' }],
      }),
    );
  });
}

/** Reads a response to its end as fast as it comes; returns its size and last 20 kB. */
async function readAll(response: IncomingMessage) {
  let received = 0;
  let tail = '';
  response.on('data', (chunk: Buffer) => {
    received += chunk.length;
    tail = (tail + chunk.toString('latin1')).slice(-20_000);
  });
  response.resume();
  await new Promise((resolve) => response.once('end', resolve));
  return { received, tail };
}

/** Reads a paused response to its end, 16 kB every 2 ms; returns its size and last 20 kB. */
async function readSlowly(response: IncomingMessage) {
  let ended = false;
  response.once('end', () => (ended = true));
  let received = 0;
  let tail = '';
  while (!ended) {
    const chunk = response.read(Math.min(16 * 1024, response.readableLength)) as Buffer | null;
    if (chunk) {
      received += chunk.length;
      tail = (tail + chunk.toString('latin1')).slice(-20_000);
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return { received, tail };
}

/** The error event at the end of an SSE stream, if any. */
function errorIn(tail: string): string | undefined {
  return /data: \{"error":.*/.exec(tail)?.[0];
}

/**
 * Resolves once the gateway has stopped writing to its client (its byte count holds still), or
 * has written the whole answer: the kernel's socket buffers grow to megabytes and can take it
 * all, and a finished response has no socket to count on.
 */
async function stopsWriting(answer: ServerResponse): Promise<void> {
  let last = -1;
  for (let still = 0; still < 3 && !answer.writableFinished;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const written = answer.socket?.bytesWritten ?? -1;
    still = written > 0 && written === last ? still + 1 : 0;
    last = written;
  }
}

// The answer has no sentence end: the citation check (default `flag`, and `strip`, which holds
// text until its sentence ends) must neither hold it whole nor stall on it.
describe.each([
  ['the citation check at its default (flag)', {}],
  ['CITATION_CHECK=strip', { CITATION_CHECK: 'strip' }],
])('backpressure from a slow SSE reader to the LLM upstream, %s', (_label, checkEnv) => {
  let upstream: Awaited<ReturnType<typeof floodingUpstream>>;
  let app: NestExpressApplication;
  let port: number;
  let answering: ServerResponse | undefined;

  beforeAll(async () => {
    upstream = await floodingUpstream();
    app = await startTestApp({
      LLM_BASE_URL: upstream.url,
      // Shorter than the reader's pause: waiting for the reader must not count as upstream silence.
      LLM_IDLE_TIMEOUT_MS: '2000',
      ...checkEnv,
    });
    await app.listen(0, '127.0.0.1');
    const server: Server = app.getHttpServer();
    // The gateway's own response object, to read what Node buffers for the client.
    server.on('request', (_req: IncomingMessage, res: ServerResponse) => (answering = res));
    port = (server.address() as AddressInfo).port;
  }, 30_000);
  afterAll(async () => {
    answering?.destroy();
    await app?.close();
    if (upstream) {
      upstream.server.closeAllConnections();
      await new Promise((resolve) => upstream.server.close(resolve));
    }
  }, 30_000);

  it('stops reading the upstream while the client does not read, then streams it all', async () => {
    upstream.state.events = EVENTS;
    upstream.state.lastDelta = '';
    const response = await askForAnswer(port);
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 3500));
    // What the gateway holds for this client beyond the kernel's socket buffers: under
    // 256 KB, where without backpressure it would queue what the upstream keeps sending.
    expect(answering!.writableLength).toBeLessThan(256 * 1024);
    expect(upstream.state.written).toBeLessThan(EVENTS * DELTA.length);
    expect(upstream.state.finished).toBe(false);

    const { received, tail } = await readAll(response);
    expect(upstream.state.finished).toBe(true);
    expect(received).toBeGreaterThan(EVENTS * DELTA.length);
    expect(tail).toContain('"finish_reason":"stop"');
    expect(tail.trimEnd().endsWith('data: [DONE]')).toBe(true);
  }, 60_000);

  // The upstream's last read (the end of a 200 kB delta, its `[DONE]` and the end of its HTTP
  // response) is parsed while the client's socket is full: the gateway waits for the client
  // after that read, when Node's HTTP client has already handed the keep-alive upstream
  // connection back to its agent. The answer is longer than what the kernel buffers for the
  // client (about 4 MB here), so the client is still behind when that read comes.
  it('finishes a 7 MB answer to a client that reads slowly to its end, then answers again on the reused upstream connection', async () => {
    upstream.state.events = 7000;
    // Longer than one socket read: the gateway writes its end, from the last read, to a full socket.
    upstream.state.lastDelta = 'last '.repeat(40_000);
    const response = await askForAnswer(port);
    response.pause();
    await stopsWriting(answering!);
    const slow = await readSlowly(response);
    upstream.state.events = 10;
    upstream.state.lastDelta = '';
    const next = await readAll(await askForAnswer(port));

    expect(errorIn(slow.tail)).toBeUndefined();
    expect(slow.tail).toContain('"finish_reason":"stop"');
    expect(slow.tail.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(slow.received).toBeGreaterThan(7000 * DELTA.length);
    expect(errorIn(next.tail)).toBeUndefined();
    expect(next.tail).toContain('"finish_reason":"stop"');
    expect(next.tail.trimEnd().endsWith('data: [DONE]')).toBe(true);
  }, 60_000);
});
