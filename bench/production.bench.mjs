// Production middleware benchmark: requests per second of `GET /v1/models` with the production
// middleware on (auth, rate limit counted in a real Redis, metrics, request logs at info to a file)
// and off (the cheapest configuration the app allows), beside bare Express and node:http servers
// returning the same JSON. Every server is its own process; autocannon runs here, one server at a
// time, the configurations interleaved over several rounds.
import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_KEY, startApp, startRedis, stopChild, track } from './support/processes.mjs';
import { productionReport } from './support/production-report.mjs';
import { machine, writeResult } from './support/results.mjs';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
// The schema's maximum: far above what one run sends (the counter lives for one 60 s window).
const RATE_LIMIT = '1000000';
const LOG_FILE = join(tmpdir(), `answergate-bench-production-${process.pid}.log`);
process.once('exit', () => rmSync(LOG_FILE, { force: true }));

const base = { NODE_ENV: 'production', API_KEYS: BENCH_KEY, SEARCH_PROVIDER: 'local' };
const onEnv = (redisUrl) => ({
  ...base,
  RATE_LIMIT_REQUESTS: RATE_LIMIT,
  REDIS_URL: redisUrl,
  LOG_LEVEL: 'info',
  METRICS_TOKEN: 'bench-metrics-token',
});
const offEnv = {
  ...base,
  RATE_LIMIT_REQUESTS: '0',
  RATE_LIMIT_CONCURRENT_STREAMS: '0',
  LOG_LEVEL: 'silent',
  SWAGGER_ENABLED: 'false',
};

/** A bare server in a child process (`--serve express|http`), answering every GET with BENCH_SAMPLE. */
async function serveBare(kind) {
  const body = process.env.BENCH_SAMPLE;
  let server;
  if (kind === 'express') {
    const express = require('express');
    const app = express();
    app.get('/v1/models', (_req, res) => res.type('application/json').send(body));
    server = app.listen(0, '127.0.0.1');
  } else {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    }).listen(0, '127.0.0.1');
  }
  server.once('listening', () => process.stdout.write(`PORT ${server.address().port}\n`));
}

function startBare(kind, sample) {
  const args = [fileURLToPath(import.meta.url), '--serve', kind];
  const child = track(
    spawn(process.execPath, args, {
      env: { PATH: process.env.PATH, BENCH_SAMPLE: sample },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      const port = /PORT (\d+)/.exec(chunk.toString())?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) });
    });
  });
}

async function load(url, seconds) {
  const result = await autocannon({
    url: `${url}/v1/models`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${BENCH_KEY}` },
  });
  const total = result['2xx'] + result.non2xx + result.errors + result.timeouts;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    total,
  };
}

/** What shows the "on" middleware really ran: Redis counters, rate-limit headers, log lines. */
async function evidence(on, redisUrl) {
  const { Redis } = require('ioredis');
  const redis = new Redis(redisUrl);
  const keys = await redis.keys('answergate:rl:*');
  const counted = keys.length ? Number(await redis.get(keys[0])) : 0;
  redis.disconnect();
  const res = await globalThis.fetch(`${on.url}/v1/models`, {
    headers: { authorization: `Bearer ${BENCH_KEY}` },
  });
  const headers = ['x-ratelimit-limit-requests', 'x-ratelimit-remaining-requests', 'x-request-id'];
  const lines = readFileSync(LOG_FILE, 'utf8').split('\n').filter(Boolean);
  const requestLogs = lines.filter((line) => line.includes('"url":"/v1/models"'));
  return {
    keys,
    counted,
    headers: Object.fromEntries(headers.map((h) => [h, res.headers.get(h)])),
    logLines: requestLogs.length,
    sampleLog: requestLogs.at(-1),
  };
}

async function main() {
  const redis = await startRedis();
  const servers = [];
  try {
    const fd = openSync(LOG_FILE, 'w');
    const on = await startApp(onEnv(redis.url), { stdout: fd }).finally(() => closeSync(fd));
    servers.push({ label: 'Answergate, production middleware on', ...on });
    const off = await startApp(offEnv);
    servers.push({ label: 'Answergate, cheapest configuration', ...off });
    const sample = await (
      await globalThis.fetch(`${off.url}/v1/models`, {
        headers: { authorization: `Bearer ${BENCH_KEY}` },
      })
    ).text();
    servers.push({ label: 'Bare Express, same JSON', ...(await startBare('express', sample)) });
    servers.push({ label: 'Bare node:http, same JSON', ...(await startBare('http', sample)) });

    for (const server of servers) await load(server.url, 2); // warm-up
    const runs = servers.map(() => []);
    for (let round = 1; round <= ROUNDS; round += 1) {
      for (const [i, server] of servers.entries()) {
        const run = await load(server.url, SECONDS);
        runs[i].push(run);
        console.log(
          `round ${round}, ${server.label}: ${Math.round(run.rps)} req/s, p99 ${run.p99} ms, ${run.ok}/${run.total} 2xx`,
        );
      }
    }
    const proof = await evidence(on, redis.url);
    const config = {
      SECONDS,
      ROUNDS,
      CONNECTIONS,
      RATE_LIMIT,
      onEnv: onEnv('redis://127.0.0.1:<port>'),
      offEnv,
      bytes: sample.length,
    };
    const head = `# Production middleware benchmark\n\nWritten by \`bench/production.bench.mjs\` (\`npm run bench:production\`).\nMachine: ${machine()}.\n`;
    await writeResult('production', `${head}\n${productionReport(servers, runs, proof, config)}`);
  } finally {
    for (const server of servers) await server.stop();
    await redis.stop();
    rmSync(LOG_FILE, { force: true });
  }
}

if (process.argv[2] === '--serve') {
  await serveBare(process.argv[3]);
} else {
  await main();
  process.exit(0);
}
