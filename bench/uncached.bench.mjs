// Uncached answers: the gateway against the same work done by hand. Every question is new and the
// search cache is off; search is Debian's searx over a synthetic web, the LLM the streaming fixture.
// Per iteration, in alternating order: (1) through the gateway, a streamed chat request; (2) by
// hand, the same searx query (`format=json`, `categories=general`, page 1) then the same streaming
// LLM call with the exact body the gateway sent for that question (captured in a first pass).
// Reported: first content token and end of answer, p50/p95/p99, and the paired differences.
import { closeSync, openSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URLSearchParams } from 'node:url';
import { newAgent, streamChat, summarize } from './support/http-client.mjs';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import { BENCH_KEY, startApp } from './support/processes.mjs';
import { machine, writeResult } from './support/results.mjs';
import { startSearx } from './support/searx.mjs';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 150);
const WARMUP = 15;
const CHUNK_DELAY_MS = 5;
const WORDS = 30;
const auth = { authorization: `Bearer ${BENCH_KEY}` };
const LOG_FILE = join(tmpdir(), `answergate-bench-uncached-${process.pid}.log`);
process.once('exit', () => rmSync(LOG_FILE, { force: true }));

const question = (i) =>
  `How does the retention policy number ${i} (${(i * 7919) % 10007}) handle archived records?`;
const chatBody = (q) => ({
  model: 'sonar',
  stream: true,
  messages: [{ role: 'user', content: q }],
});

function searxPage(searxUrl, q, agent) {
  const params = new URLSearchParams({ q, format: 'json', categories: 'general', pageno: '1' });
  return new Promise((resolve, reject) => {
    const req = request(`${searxUrl}/search?${params}`, {
      agent,
      headers: { accept: 'application/json' },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (piece) => (text += piece));
      res.on('end', () => resolve(JSON.parse(text)));
    });
    req.end();
  });
}

async function byHand(searxUrl, fixtureUrl, q, body, agent) {
  const started = performance.now();
  const page = await searxPage(searxUrl, q, agent);
  if (!Array.isArray(page.results) || page.results.length === 0)
    throw new Error('searx: no results');
  const searchMs = performance.now() - started;
  const llm = await streamChat(`${fixtureUrl}/chat/completions`, body, { agent });
  if (llm.error || !llm.done) throw new Error(`direct LLM call failed: ${llm.error}`);
  return { ttft: searchMs + llm.firstContentMs, end: searchMs + llm.endMs };
}

async function gateway(appUrl, q, agent) {
  const r = await streamChat(`${appUrl}/v1/chat/completions`, chatBody(q), {
    headers: auth,
    agent,
  });
  if (r.error || !r.done) throw new Error(`gateway answer failed: ${r.error ?? 'no [DONE]'}`);
  return { ttft: r.firstContentMs, end: r.endMs };
}

async function main() {
  const searx = await startSearx();
  const fixture = await startFixtureProcess();
  await fixture.command({ delayMs: CHUNK_DELAY_MS, words: WORDS });
  const fd = openSync(LOG_FILE, 'a');
  let app;
  try {
    app = await startApp(
      {
        NODE_ENV: 'production',
        API_KEYS: BENCH_KEY,
        LOG_LEVEL: 'info',
        SEARXNG_URL: searx.url,
        SEARCH_CACHE_TTL_SECONDS: '0',
        LLM_BASE_URL: fixture.url,
        LLM_MODEL: 'fixture-model',
        RATE_LIMIT_REQUESTS: '0',
        RATE_LIMIT_CONCURRENT_STREAMS: '0',
        SWAGGER_ENABLED: 'false',
      },
      { stdout: fd },
    );
  } finally {
    closeSync(fd);
  }
  try {
    const agent = newAgent();
    const total = WARMUP + ITERATIONS;
    // Pass 1: the exact LLM body the gateway sends for each question.
    const bodies = [];
    for (let i = 0; i < total; i += 1) {
      await gateway(app.url, question(i), agent);
      const { last } = await fixture.command({ last: true });
      bodies.push({ ...last, stream: true });
    }
    // Pass 2: interleaved, alternating which goes first.
    const rows = [];
    for (let i = 0; i < total; i += 1) {
      const q = question(i);
      const hand = () => byHand(searx.url, fixture.url, q, bodies[i], agent);
      const gate = () => gateway(app.url, q, agent);
      let g;
      let h;
      if (i % 2 === 0) {
        g = await gate();
        h = await hand();
      } else {
        h = await hand();
        g = await gate();
      }
      if (i % 50 === 0) await fixture.command({});
      if (i >= WARMUP) rows.push({ g, h });
    }
    agent.destroy();
    const of = (f) => summarize(rows.map(f));
    const result = {
      gTtft: of((r) => r.g.ttft),
      hTtft: of((r) => r.h.ttft),
      gEnd: of((r) => r.g.end),
      hEnd: of((r) => r.h.end),
      dTtft: of((r) => r.g.ttft - r.h.ttft),
      dEnd: of((r) => r.g.end - r.h.end),
    };
    console.log(
      `added p50: first token ${result.dTtft.p50.toFixed(2)} ms, whole answer ${result.dEnd.p50.toFixed(2)} ms`,
    );
    await writeResult('uncached', report(result));
  } finally {
    await app.stop();
    await fixture.stop();
    await searx.stop();
  }
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
const row = (label, s) =>
  `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.mean)} |`;

function report(r) {
  const met = (s) => (s.p50 <= 5 ? 'met' : '**missed**');
  return `# Uncached answers: the gateway against the same work by hand

Written by \`bench/uncached.bench.mjs\` (\`npm run bench uncached\`).
Machine: ${machine()}.

## Set-up

- Search: Debian's \`searx\` 1.1 with one engine over a synthetic web in its own process: every
  question has 3-8 results, all on page 1 (a narrow question). Every question is new.
- LLM: the fixture (\`test/fixtures/llm-server.ts\`) in its own process, ${WORDS} words, one a chunk,
  ${CHUNK_DELAY_MS} ms apart.
- The gateway: \`node dist/apps/api/src/main.js\`, \`NODE_ENV=production\`, \`LOG_LEVEL=info\` to a file,
  \`SEARCH_CACHE_TTL_SECONDS=0\`, \`SEARXNG_URL\` and \`LLM_BASE_URL\` as above, rate limits off.
- By hand: \`GET /search?q=…&format=json&categories=general&pageno=1\` on searx, then the streaming
  \`POST /chat/completions\` to the fixture with the exact body the gateway sent for that question.
- ${WARMUP} warm-up iterations, then ${ITERATIONS} measured; gateway and by-hand alternate which goes
  first. One keep-alive agent for all. Times from just before the request is sent.

## Results (ms)

| | p50 | p95 | p99 | mean |
| --- | --- | --- | --- | --- |
${row('Gateway: first content token', r.gTtft)}
${row('By hand: first content token', r.hTtft)}
${row('Gateway: end of answer', r.gEnd)}
${row('By hand: end of answer', r.hEnd)}
| **Added by the gateway, per iteration** | | | | |
${row('**First token, gateway − by hand**', r.dTtft)}
${row('**Whole answer, gateway − by hand**', r.dEnd)}

Target p50 ≤ 5 ms added: first token ${met(r.dTtft)}, whole answer ${met(r.dEnd)}.
`;
}

await main();
process.exit(0);
