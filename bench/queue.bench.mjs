// Async job queue benchmark: jobs per minute through two app processes sharing one real
// redis-server (the BullMQ path), beside one process on the in-process queue (no REDIS_URL), with
// the LLM fixture answering at once, so what is measured is the queue's own overhead (plus the
// cheap `sonar` answer on the local index). Then memory per queued job: RSS of one app process
// (and Redis' used_memory) after queuing N1 and N2 jobs while its workers are stuck on a slow LLM.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { newAgent, requestJson, summarize } from './support/http-client.mjs';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import { BENCH_KEY, procMemory, startApp, startRedis } from './support/processes.mjs';
import { queueReport } from './support/queue-report.mjs';
import { machine, writeResult } from './support/results.mjs';

const require = createRequire(import.meta.url);
const JOBS = Number(process.env.BENCH_JOBS ?? 500);
const IN_FLIGHT = 16; // POSTs in flight at once while submitting
const POLL_MS = 100;
const MEMORY_N1 = 100;
const MEMORY_N2 = Number(process.env.BENCH_MEMORY_JOBS ?? 600);
const CONCURRENCY = '2'; // RESEARCH_CONCURRENCY: the default
const PATH = '/v1/async/chat/completions';
const auth = { authorization: `Bearer ${BENCH_KEY}` };
const agent = newAgent(64);

const env = (llmUrl, redisUrl) => ({
  NODE_ENV: 'production',
  API_KEYS: BENCH_KEY,
  SEARCH_PROVIDER: 'local',
  LLM_PROVIDER: 'openai',
  LLM_BASE_URL: llmUrl, // the fixture's url ends in /v1
  LLM_API_KEY: 'bench',
  PAGE_FETCH: 'off',
  LOG_LEVEL: 'silent',
  RATE_LIMIT_REQUESTS: '1000000',
  RESEARCH_CONCURRENCY: CONCURRENCY,
  RESEARCH_MAX_JOBS_PER_KEY: '10000',
  ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
});

const jobBody = (i) => ({
  request: {
    model: 'sonar',
    messages: [{ role: 'user', content: `How does Answergate cite its sources? (job ${i})` }],
  },
});

/** POSTs `count` jobs, round-robin over `urls`, IN_FLIGHT at a time; returns id → submit time. */
async function submit(urls, count, from = 0, submitted = new Map()) {
  let next = from;
  const end = from + count;
  const lane = async () => {
    while (next < end) {
      const i = next++;
      const res = await requestJson(`${urls[i % urls.length]}${PATH}`, jobBody(i), {
        headers: auth,
        agent,
      });
      if (res.status !== 200)
        throw new Error(`POST ${PATH}: HTTP ${res.status} ${JSON.stringify(res.json)}`);
      submitted.set(res.json.id, performance.now());
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  return submitted;
}

/** Every job of the key, by paging through the list route. */
async function listAll(url) {
  const all = [];
  let token;
  do {
    const query = `?limit=100${token ? `&next_token=${encodeURIComponent(token)}` : ''}`;
    const res = await requestJson(`${url}${PATH}${query}`, undefined, { headers: auth, agent });
    if (res.status !== 200) throw new Error(`GET ${PATH}: HTTP ${res.status}`);
    all.push(...res.json.requests);
    token = res.json.next_token;
  } while (token);
  return all;
}

/**
 * Submits JOBS jobs over `urls` and polls the list every POLL_MS until all are COMPLETED (or
 * FAILED); the latency of a job runs from its POST's answer to the first poll that saw it done.
 */
async function run(label, urls, pids) {
  const started = performance.now();
  const pending = new Map();
  const submitting = submit(urls, JOBS, 0, pending);
  const latencies = [];
  const statuses = {};
  let submitted = false;
  void submitting.then(() => (submitted = true));
  let lastDone = started;
  const deadline = Date.now() + 120_000;
  while (!submitted || pending.size > 0) {
    if (Date.now() > deadline) throw new Error(`${label}: ${pending.size} jobs still not done`);
    await sleep(POLL_MS);
    const now = performance.now();
    for (const job of await listAll(urls[0])) {
      if (!pending.has(job.id) || (job.status !== 'COMPLETED' && job.status !== 'FAILED')) continue;
      statuses[job.status] = (statuses[job.status] ?? 0) + 1;
      latencies.push(now - pending.get(job.id));
      pending.delete(job.id);
      lastDone = now;
    }
  }
  await submitting;
  if (statuses.FAILED) throw new Error(`${label}: ${statuses.FAILED} jobs FAILED`);
  const seconds = (lastDone - started) / 1000;
  const rss = pids.map((pid) => procMemory(pid).hwmMb);
  const result = { label, processes: urls.length, seconds, perMinute: (JOBS / seconds) * 60 };
  Object.assign(result, { latency: summarize(latencies), statuses, peakRssMb: rss });
  console.log(
    `${label}: ${JOBS} jobs in ${seconds.toFixed(1)} s = ${Math.round(result.perMinute)} jobs/min, ` +
      `p50 ${Math.round(result.latency.p50)} ms, p95 ${Math.round(result.latency.p95)} ms, ${JSON.stringify(statuses)}`,
  );
  return result;
}

async function redisUsedMemory(redisUrl) {
  if (!redisUrl) return NaN;
  const { Redis } = require('ioredis');
  const redis = new Redis(redisUrl);
  const info = await redis.info('memory');
  redis.disconnect();
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? NaN);
}

/**
 * One app process whose workers are stuck on a slow LLM (RESEARCH_CONCURRENCY jobs running,
 * the rest queued): RSS and Redis memory after N1 and after N2 queued jobs; the slope is the
 * cost of one more queued job, without the warm-up the first requests cost.
 */
async function memory(label, llm, redisUrl) {
  await llm.command({ delayMs: 5000 });
  const app = await startApp(env(llm.url, redisUrl));
  try {
    const sample = async () => {
      await sleep(1500);
      return { rssMb: procMemory(app.pid).rssMb, redisBytes: await redisUsedMemory(redisUrl) };
    };
    await submit([app.url], MEMORY_N1);
    const first = await sample();
    await submit([app.url], MEMORY_N2 - MEMORY_N1, MEMORY_N1);
    const second = await sample();
    const jobs = await listAll(app.url);
    const queued = jobs.filter((job) => job.status === 'CREATED').length;
    const per = (a, b) => (b - a) / (MEMORY_N2 - MEMORY_N1);
    const result = { label, first, second, queued, total: jobs.length };
    Object.assign(result, {
      rssKbPerJob: per(first.rssMb, second.rssMb) * 1024,
      redisKbPerJob: per(first.redisBytes, second.redisBytes) / 1024,
    });
    console.log(
      `${label}: RSS ${first.rssMb.toFixed(1)} → ${second.rssMb.toFixed(1)} MB, ` +
        `${result.rssKbPerJob.toFixed(2)} KB RSS / queued job, ${result.redisKbPerJob.toFixed(2)} KB Redis / job, ${queued} still CREATED`,
    );
    return result;
  } finally {
    await app.stop();
    await llm.command({ delayMs: 0 });
  }
}

async function main() {
  const llm = await startFixtureProcess();
  await llm.command({ delayMs: 0, words: 30 });
  const stops = [];
  try {
    const redis = await startRedis();
    stops.push(redis.stop);
    const a = await startApp(env(llm.url, redis.url));
    const b = await startApp(env(llm.url, redis.url));
    stops.push(a.stop, b.stop);
    const memoryProcess = await startApp(env(llm.url));
    stops.push(memoryProcess.stop);
    // Warm-up: a few jobs through each, so JIT and connections are in place.
    await submit([a.url, b.url, memoryProcess.url], 30);
    await sleep(2000);

    const bull = await run('BullMQ, 2 processes, one redis-server', [a.url, b.url], [a.pid, b.pid]);
    const local = await run(
      'In-process queue, 1 process',
      [memoryProcess.url],
      [memoryProcess.pid],
    );
    for (const stop of stops.splice(1)) await stop();

    const redis2 = await startRedis();
    stops.push(redis2.stop);
    const memBull = await memory('BullMQ (REDIS_URL set)', llm, redis2.url);
    const memLocal = await memory('In-process queue', llm, undefined);

    const config = { JOBS, IN_FLIGHT, POLL_MS, CONCURRENCY, MEMORY_N1, MEMORY_N2 };
    const head = `# Async job queue benchmark\n\nWritten by \`bench/queue.bench.mjs\` (\`npm run bench:queue\`).\nMachine: ${machine()}.\n`;
    await writeResult(
      'queue',
      `${head}\n${queueReport({ bull, local, memBull, memLocal, config })}`,
    );
  } finally {
    for (const stop of stops.reverse()) await stop();
    await llm.stop();
  }
}

await main();
process.exit(0);
