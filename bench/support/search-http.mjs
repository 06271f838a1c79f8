// The HTTP half of the search benchmark: `/v1/search` on cache hits beside `GET /v1/models`
// (the same app-wide stack without search) and a bare Express handler returning the same JSON.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_KEY, stopChild, track } from './processes.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const here = dirname(fileURLToPath(import.meta.url));

export const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
export const CONNECTIONS = 50;
export const WARMUP_SECONDS = 3;
const HEADERS = { authorization: `Bearer ${BENCH_KEY}` };
export const BODY = { query: 'how long are search results cached', max_results: 5 };
export const CUT_BODY = { ...BODY, max_tokens_per_page: 64 };

async function rps(url, body, headers, method = 'POST') {
  const options = {
    url,
    method,
    connections: CONNECTIONS,
    headers: { 'content-type': 'application/json', ...headers },
    body: body ? JSON.stringify(body) : undefined,
  };
  await autocannon({ ...options, duration: WARMUP_SECONDS }); // JIT warm-up, not measured
  const result = await autocannon({ ...options, duration: HTTP_SECONDS });
  const ok = result['2xx'];
  const total = ok + result.non2xx + result.errors;
  return { rps: result.requests.average, p99: result.latency.p99, ok, total };
}

function startServer(kind, env = {}) {
  const child = track(
    spawn(process.execPath, [join(here, 'search-serve.mjs'), kind], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const port = /PORT (\d+)/.exec(chunk.toString())?.[1];
      if (port)
        resolve({ url: `http://127.0.0.1:${port}/v1/search`, stop: () => stopChild(child) });
    });
  });
}

async function post(url, body) {
  const response = await globalThis.fetch(url, {
    method: 'POST',
    headers: { ...HEADERS, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`warm-up failed: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Each server in its own child process, one after the other, so autocannon has its own loop. */
export async function httpBench() {
  const answergate = await startServer('answergate');
  const sample = await post(answergate.url, BODY);
  await post(answergate.url, CUT_BODY);
  const nest = await rps(answergate.url, BODY, HEADERS);
  const cut = await rps(answergate.url, CUT_BODY, HEADERS);
  const models = await rps(
    answergate.url.replace('/v1/search', '/v1/models'),
    null,
    HEADERS,
    'GET',
  );
  await answergate.stop();
  console.log(`/v1/search (cache hit): ${Math.round(nest.rps)} req/s, p99 ${nest.p99} ms`);
  console.log(`/v1/search with max_tokens_per_page: ${Math.round(cut.rps)} req/s`);
  console.log(`GET /v1/models (same stack, no search): ${Math.round(models.rps)} req/s`);

  const bare = await startServer('express', { BENCH_SAMPLE: JSON.stringify(sample) });
  const plain = await rps(bare.url, BODY, {});
  await bare.stop();
  console.log(`bare Express: ${Math.round(plain.rps)} req/s, p99 ${plain.p99} ms`);
  return {
    nest,
    cut,
    models,
    plain,
    bytes: JSON.stringify(sample).length,
    results: sample.results.length,
  };
}
