// The HTTP half of the search benchmark: `/v1/search` on cache hits beside `GET /v1/models`
// (the same app-wide stack without search) and a bare Express handler returning the same JSON.
// Every server runs in its own child process, all started up front; autocannon loads one at a
// time, in interleaved rounds (the order rotates each round), so drift on a shared machine hits
// every server alike, and each round's ratio compares numbers taken a few seconds apart.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_KEY, procCpuSeconds, stopChild, track } from './processes.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const here = dirname(fileURLToPath(import.meta.url));

export const HTTP_SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
export const CONNECTIONS = 50;
export const WARMUP_SECONDS = 3;
const HEADERS = { authorization: `Bearer ${BENCH_KEY}` };
export const BODY = { query: 'how long are search results cached', max_results: 5 };
export const CUT_BODY = { ...BODY, max_tokens_per_page: 64 };

/**
 * `kind` is `answergate` or `express`; `env` reaches the child. With BENCH_CPU_PROF=<dir>,
 * the Answergate children write a V8 CPU profile there when stopped.
 */
function startServer(kind, env = {}) {
  const profile = process.env.BENCH_CPU_PROF;
  const flags = profile && kind === 'answergate' ? ['--cpu-prof', '--cpu-prof-dir', profile] : [];
  const child = track(
    spawn(process.execPath, [...flags, join(here, 'search-serve.mjs'), kind], {
      env: { ...process.env, ...env },
      // Logs (at LOG_LEVEL=info) go to /dev/null: they cost what writing them costs, no more.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    child.once('message', ({ port }) =>
      resolve({ base: `http://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) }),
    );
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

/**
 * Requests per second, latency, and the server's CPU time per request (from /proc): on a
 * shared machine throughput moves with the neighbours, CPU per request much less.
 */
async function load(target, seconds) {
  const cpuBefore = procCpuSeconds(target.pid);
  const result = await autocannon({
    url: target.url,
    method: target.body ? 'POST' : 'GET',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body ? JSON.stringify(target.body) : undefined,
  });
  const ok = result['2xx'];
  const cpuUs = (1e6 * (procCpuSeconds(target.pid) - cpuBefore)) / result.requests.total;
  return {
    rps: result.requests.average,
    cpuUs,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    total: ok + result.non2xx + result.errors,
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Median, minimum and maximum of each measure over the rounds; ratios are per round. */
function summarise(target, runs, bareRuns) {
  const ratios = runs.map((run, round) => run.rps / bareRuns[round].rps);
  const cpuRatios = runs.map((run, round) => bareRuns[round].cpuUs / run.cpuUs);
  return {
    label: target.label,
    rps: median(runs.map((run) => run.rps)),
    cpuUs: median(runs.map((run) => run.cpuUs)),
    cpuRatio: median(cpuRatios),
    cpuRatios,
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    ok: runs.reduce((sum, run) => sum + run.ok, 0),
    total: runs.reduce((sum, run) => sum + run.total, 0),
    ratio: median(ratios),
    ratios,
  };
}

/** With BENCH_BEFORE_DIST=<dist of an earlier build>: that build's search and models too. */
function beforeTargets(before) {
  if (!before) return [];
  return [
    {
      id: 'beforeSearch',
      label: 'Before (earlier build): `/v1/search` (cache hit)',
      url: `${before.base}/v1/search`,
      body: BODY,
      pid: before.pid,
    },
    {
      id: 'beforeModels',
      label: 'Before (earlier build): `GET /v1/models`',
      url: `${before.base}/v1/models`,
      pid: before.pid,
    },
  ];
}

function targets(answergate, logged, express, before) {
  const search = `${answergate.base}/v1/search`;
  return [
    {
      id: 'search',
      label: 'Answergate `/v1/search` (cache hit)',
      url: search,
      body: BODY,
      pid: answergate.pid,
    },
    {
      id: 'cut',
      label: `Answergate \`/v1/search\` (cache hit, \`max_tokens_per_page: ${CUT_BODY.max_tokens_per_page}\`)`,
      url: search,
      body: CUT_BODY,
      pid: answergate.pid,
    },
    {
      id: 'logged',
      label: 'Answergate `/v1/search` (cache hit), request logs at `info`',
      url: `${logged.base}/v1/search`,
      body: BODY,
      pid: logged.pid,
    },
    {
      id: 'models',
      label: 'Answergate `GET /v1/models` (same stack, no search)',
      url: `${answergate.base}/v1/models`,
      pid: answergate.pid,
    },
    {
      id: 'bare',
      label: 'Bare Express, same JSON',
      url: `${express.base}/v1/search`,
      body: BODY,
      headers: {},
      pid: express.pid,
    },
    ...beforeTargets(before),
  ].map((target) => ({ headers: HEADERS, ...target }));
}

export async function httpBench() {
  const answergate = await startServer('answergate', { LOG_LEVEL: 'silent' });
  const logged = await startServer('answergate', { LOG_LEVEL: 'info' });
  const sample = await post(`${answergate.base}/v1/search`, BODY);
  await post(`${answergate.base}/v1/search`, CUT_BODY);
  await post(`${logged.base}/v1/search`, BODY);
  const express = await startServer('express', { BENCH_SAMPLE: JSON.stringify(sample) });
  const beforeDist = process.env.BENCH_BEFORE_DIST;
  const before =
    beforeDist &&
    (await startServer('answergate', { LOG_LEVEL: 'silent', BENCH_DIST: beforeDist }));
  if (before) await post(`${before.base}/v1/search`, BODY);
  const list = targets(answergate, logged, express, before);
  try {
    for (const target of list) await load(target, WARMUP_SECONDS); // JIT warm-up, not measured
    const runs = Object.fromEntries(list.map((target) => [target.id, []]));
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = [...list.slice(round % list.length), ...list.slice(0, round % list.length)];
      for (const target of order) runs[target.id].push(await load(target, HTTP_SECONDS));
      const ratio = (id) => Math.round((100 * runs[id][round].rps) / runs.bare[round].rps);
      const cpu = (id) => Math.round(runs[id][round].cpuUs);
      console.log(
        `round ${round + 1}/${ROUNDS}: search ${ratio('search')} %, cut ${ratio('cut')} %, ` +
          `logged ${ratio('logged')} %, models ${ratio('models')} % of bare Express ` +
          `(${Math.round(runs.bare[round].rps)} req/s); CPU µs/request: search ${cpu('search')}, ` +
          `logged ${cpu('logged')}, models ${cpu('models')}, bare ${cpu('bare')}`,
      );
    }
    const results = Object.fromEntries(
      list.map((target) => [target.id, summarise(target, runs[target.id], runs.bare)]),
    );
    return { ...results, bytes: JSON.stringify(sample).length, results: sample.results.length };
  } finally {
    await Promise.all([answergate.stop(), logged.stop(), express.stop(), before?.stop()]);
  }
}
