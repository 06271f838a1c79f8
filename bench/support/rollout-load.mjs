// Load for the rollout bench, through the proxy: autocannon sends plain chat answers and
// /v1/search on `plainConnections` connections, while our own client keeps `streams` SSE chat
// streams going and checks each one ends with `data: [DONE]` (autocannon cannot see a stream end
// early: a stream the server ends with an error event is still a 200 to it). Everything is counted
// per phase (`setPhase`): autocannon's results when they complete, streams by when they started.
import { Buffer } from 'node:buffer';
import { createRequire } from 'node:module';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { BENCH_KEY } from './processes.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');

const QUESTION = 'How does a Kubernetes readiness probe work?';
const auth = { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' };
const chat = (stream) =>
  JSON.stringify({ model: 'sonar', stream, messages: [{ role: 'user', content: QUESTION }] });
const SEARCH = JSON.stringify({ query: 'kubernetes readiness probe', max_results: 3 });

const emptyPhase = () => ({
  plain: { ok: 0, non2xx: {} },
  search: { ok: 0, non2xx: {} },
  /** autocannon's socket errors and timeouts (it does not say which request kind). */
  socketErrors: {},
  streams: { sent: 0, ok: 0, non2xx: {}, cut: 0, cutHow: {}, errors: {}, longestMs: 0 },
});

const bump = (counts, key) => (counts[key] = (counts[key] ?? 0) + 1);

export class RolloutLoad {
  constructor(proxyUrl, { plainConnections, streams }) {
    Object.assign(this, { proxyUrl, plainConnections, streamCount: streams });
    this.phases = new Map();
    this.phase = 'warm-up';
    this.running = false;
  }

  setPhase(name) {
    this.phase = name;
    if (!this.phases.has(name)) this.phases.set(name, emptyPhase());
  }

  get current() {
    return this.phases.get(this.phase);
  }

  start() {
    this.setPhase(this.phase);
    this.running = true;
    const count = (kind) => (status) => {
      const stats = this.current[kind];
      if (status >= 200 && status < 300) stats.ok += 1;
      else bump(stats.non2xx, status);
    };
    this.cannon = autocannon({
      url: this.proxyUrl,
      connections: this.plainConnections,
      duration: 3600,
      timeout: 20,
      requests: [
        {
          method: 'POST',
          path: '/v1/chat/completions',
          headers: auth,
          body: chat(false),
          onResponse: count('plain'),
        },
        {
          method: 'POST',
          path: '/v1/search',
          headers: auth,
          body: SEARCH,
          onResponse: count('search'),
        },
      ],
    });
    this.cannon.on('reqError', (error) =>
      bump(this.current.socketErrors, error.code ?? error.message),
    );
    this.agent = new Agent({ keepAlive: true, maxSockets: this.streamCount });
    this.streamLoops = Array.from({ length: this.streamCount }, () => this.streamLoop());
  }

  async streamLoop() {
    while (this.running) {
      const stats = this.current.streams;
      stats.sent += 1;
      const result = await this.oneStream();
      if (result.error) bump(stats.errors, result.error);
      else if (result.status !== 200) bump(stats.non2xx, result.status);
      else if (result.done) {
        stats.ok += 1;
        stats.longestMs = Math.max(stats.longestMs, result.ms);
      } else {
        stats.cut += 1;
        bump(stats.cutHow, result.lastError ?? result.ending);
      }
    }
  }

  /** One streamed answer: status, whether `data: [DONE]` came, and how it ended otherwise. */
  oneStream() {
    const started = performance.now();
    const body = chat(true);
    return new Promise((resolve) => {
      const result = {
        status: 0,
        done: false,
        lastError: undefined,
        ending: 'end',
        error: undefined,
      };
      const finish = () => resolve({ ...result, ms: performance.now() - started });
      const req = request(`${this.proxyUrl}/v1/chat/completions`, {
        method: 'POST',
        agent: this.agent,
        headers: { ...auth, 'content-length': Buffer.byteLength(body) },
      });
      req.on('error', (error) => {
        // Before the response: the request failed; after it began, the stream was cut.
        if (result.status === 0) result.error = error.code ?? error.message;
        else result.ending = `socket ${error.code ?? error.message}`;
        finish();
      });
      req.on('response', (res) => {
        result.status = res.statusCode;
        let pending = '';
        res.setEncoding('utf8');
        res.on('data', (text) => {
          pending += text;
          let cut;
          while ((cut = pending.indexOf('\n\n')) >= 0) {
            const event = pending.slice(0, cut);
            pending = pending.slice(cut + 2);
            if (event === 'data: [DONE]') result.done = true;
            else if (event.startsWith('data: {"error"')) {
              result.lastError = JSON.parse(event.slice(6)).error?.code ?? 'error event';
            }
          }
        });
        res.on('error', (error) => {
          result.ending = `socket ${error.code ?? error.message}`;
        });
        // 'close' comes after 'end' and after a cut alike.
        res.on('close', () => {
          if (!res.complete) result.ending = 'connection closed mid-stream';
          finish();
        });
      });
      req.end(body);
    });
  }

  /** Resolves once the current phase has `count` good answers of each kind (bounded by `timeoutMs`). */
  async warmedUp(count, timeoutMs = 120_000) {
    const deadline = Date.now() + timeoutMs;
    const { plain, search, streams } = this.current;
    while (Math.min(plain.ok, search.ok, streams.ok) < count) {
      if (Date.now() > deadline)
        throw new Error(`no ${count} good answers of each kind in ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  /** Stops the load and waits for the streams in flight; resolves with the per-phase counts. */
  async stop() {
    this.running = false;
    const finished = new Promise((resolve) => this.cannon.once('done', resolve));
    this.cannon.stop();
    await Promise.all([finished, ...this.streamLoops]);
    this.agent.destroy();
    return [...this.phases].map(([name, counts]) => ({ name, ...counts }));
  }
}
