// A small HTTP client for benchmarks on node:http, timing the milestones of an SSE answer.
import { Buffer } from 'node:buffer';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

/** One agent for many requests: keep-alive, and no cap on sockets below what the bench opens. */
export const newAgent = (maxSockets = 256) => new Agent({ keepAlive: true, maxSockets });

/** POSTs `body` as JSON, or GETs when it is undefined. */
function send(url, body, headers, agent, onResponse) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? '' : JSON.stringify(body);
    const json = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(payload),
    };
    const req = request(url, {
      method: body === undefined ? 'GET' : 'POST',
      agent,
      headers: { ...(body === undefined ? {} : json), ...headers },
    });
    req.on('error', reject);
    req.on('response', (res) => onResponse(res, resolve, reject));
    req.end(payload);
  });
}

/**
 * POSTs a streaming chat request and times, from just before the request is sent: the first
 * `data:` event, the first event with non-empty `delta.content`, and the end of the stream.
 */
export function streamChat(url, body, { headers = {}, agent, onFirstEvent } = {}) {
  const started = performance.now();
  const result = { status: 0, firstEventMs: NaN, firstContentMs: NaN, endMs: NaN, bytes: 0 };
  Object.assign(result, { events: 0, done: false, error: undefined });
  return send(url, body, headers, agent, (res, resolve) => {
    result.status = res.statusCode;
    let pending = '';
    const take = (event) => {
      if (!event.startsWith('data: ')) return; // comments (heartbeats)
      result.events += 1;
      if (result.events === 1) {
        result.firstEventMs = performance.now() - started;
        onFirstEvent?.();
      }
      if (event === 'data: [DONE]') result.done = true;
      else if (event.startsWith('data: {"error"')) result.error = event.slice(6, 300);
      else if (Number.isNaN(result.firstContentMs)) {
        const content = JSON.parse(event.slice(6)).choices?.[0]?.delta?.content;
        if (content) result.firstContentMs = performance.now() - started;
      }
    };
    res.setEncoding('utf8');
    res.on('data', (text) => {
      result.bytes += Buffer.byteLength(text);
      pending += text;
      let cut;
      while ((cut = pending.indexOf('\n\n')) >= 0) {
        take(pending.slice(0, cut));
        pending = pending.slice(cut + 2);
      }
    });
    const finish = (error) => {
      result.endMs = performance.now() - started;
      if (error) result.error ??= error.message;
      else if (result.status !== 200) result.error ??= `HTTP ${result.status}: ${pending}`;
      resolve(result);
    };
    res.on('end', () => finish());
    res.on('error', finish);
  }).catch((error) => ({ ...result, error: error.message }));
}

/** POSTs JSON (GETs without a body); resolves with the status, parsed body and round-trip time. */
export function requestJson(url, body, { headers = {}, agent } = {}) {
  const started = performance.now();
  return send(url, body, headers, agent, (res, resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (piece) => (text += piece));
    res.on('error', reject);
    res.on('end', () => {
      const ms = performance.now() - started;
      resolve({ status: res.statusCode, ms, json: JSON.parse(text) });
    });
  });
}

const pick = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** p50/p95/p99/mean of a list of numbers. */
export function summarize(values) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return {
    n: sorted.length,
    p50: pick(sorted, 50),
    p95: pick(sorted, 95),
    p99: pick(sorted, 99),
    mean,
  };
}
