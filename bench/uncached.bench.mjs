// Uncached answers: the gateway against the same work done by hand. Every question is new and the
// search cache is off; search is Debian's searx over a synthetic web, the LLM the streaming fixture.
// Per iteration, in alternating order: (1) through the gateway, a streamed chat request; (2) by
// hand, the same searx query (`format=json`, `categories=general`, page 1) then the same streaming
// LLM call with the exact body the gateway sent for that question (captured in a first pass).
// Reported: first content token and end of answer, p50/p95/p99, and the paired differences, per
// round (the spread) and over all rounds; the load average before and after.
import { closeSync, openSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { URLSearchParams } from 'node:url';
import { newAgent, streamChat, summarize } from './support/http-client.mjs';
import { startBareProxy } from './support/bare-proxy.mjs';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import { BENCH_KEY, startApp } from './support/processes.mjs';
import { machine, writeResult } from './support/results.mjs';
import { startSearx } from './support/searx.mjs';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 80);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
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

async function bare(proxyUrl, q, llmBody, agent) {
  const r = await streamChat(`${proxyUrl}/`, { q, llmBody }, { agent });
  if (r.error || !r.done) throw new Error(`bare proxy answer failed: ${r.error ?? 'no [DONE]'}`);
  return { ttft: r.firstContentMs, end: r.endMs };
}

/** The six orders of gateway (g), by hand (h) and bare proxy (b), taken in turn. */
const ORDERS = ['ghb', 'hbg', 'bgh', 'gbh', 'hgb', 'bhg'];

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
  // A steady pace: the fixture shares this machine's two cores with the path being measured, and
  // paced after each write it would charge that path for slowing the model itself down.
  await fixture.command({ delayMs: CHUNK_DELAY_MS, words: WORDS, steady: true });
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
        // Page reading has its own benchmark (grounding); here the work is one search and one call.
        PAGE_FETCH: 'off',
        RATE_LIMIT_REQUESTS: '0',
        RATE_LIMIT_CONCURRENT_STREAMS: '0',
        SWAGGER_ENABLED: 'false',
      },
      { stdout: fd },
    );
  } finally {
    closeSync(fd);
  }
  const proxy = await startBareProxy(searx.url, fixture.url);
  try {
    const loadBefore = loadavg();
    const agent = newAgent();
    const total = WARMUP + ROUNDS * ITERATIONS;
    // Pass 1: the exact LLM body the gateway sends for each question.
    const bodies = [];
    for (let i = 0; i < total; i += 1) {
      await gateway(app.url, question(i), agent);
      const { last } = await fixture.command({ last: true });
      bodies.push({ ...last, stream: true });
    }
    const askedBefore = await searx.pagesAsked();
    // Pass 2: interleaved, each of the six orders in turn.
    const rounds = Array.from({ length: ROUNDS }, () => []);
    for (let i = 0; i < total; i += 1) {
      const q = question(i);
      const run = {
        g: () => gateway(app.url, q, agent),
        h: () => byHand(searx.url, fixture.url, q, bodies[i], agent),
        b: () => bare(proxy.url, q, bodies[i], agent),
      };
      const row = {};
      const order = ORDERS[i % ORDERS.length];
      for (const who of order) row[who] = await run[who]();
      // The fixture's own time for each answer (one LLM call each, in the order they ran).
      const { durations } = await fixture.command({ durations: true });
      if (durations.length === order.length)
        [...order].forEach((who, k) => (row[who].llm = durations[k]));
      if (i >= WARMUP) rounds[Math.floor((i - WARMUP) / ITERATIONS)].push(row);
    }
    const askedAfter = await searx.pagesAsked();
    agent.destroy();
    const rows = rounds.flat();
    const of = (list, f) => summarize(list.map(f));
    const result = {
      gTtft: of(rows, (r) => r.g.ttft),
      hTtft: of(rows, (r) => r.h.ttft),
      gEnd: of(rows, (r) => r.g.end),
      hEnd: of(rows, (r) => r.h.end),
      bTtft: of(rows, (r) => r.b.ttft),
      bEnd: of(rows, (r) => r.b.end),
      dTtft: of(rows, (r) => r.g.ttft - r.h.ttft),
      dEnd: of(rows, (r) => r.g.end - r.h.end),
      bdTtft: of(rows, (r) => r.b.ttft - r.h.ttft),
      bdEnd: of(rows, (r) => r.b.end - r.h.end),
      gbTtft: of(rows, (r) => r.g.ttft - r.b.ttft),
      gbEnd: of(rows, (r) => r.g.end - r.b.end),
      gLlm: of(rows, (r) => r.g.llm),
      hLlm: of(rows, (r) => r.h.llm),
      bLlm: of(rows, (r) => r.b.llm),
      dLlm: of(rows, (r) => r.g.llm - r.h.llm),
      bdLlm: of(rows, (r) => r.b.llm - r.h.llm),
      perRound: rounds.map((list) => ({
        dTtft: of(list, (r) => r.g.ttft - r.h.ttft).p50,
        dEnd: of(list, (r) => r.g.end - r.h.end).p50,
        bdTtft: of(list, (r) => r.b.ttft - r.h.ttft).p50,
        bdEnd: of(list, (r) => r.b.end - r.h.end).p50,
        hTtft: of(list, (r) => r.h.ttft).p50,
      })),
      // Pass 2 only: the by-hand side asks page 1 only, so pages beyond are the gateway's.
      pages: Object.fromEntries(
        Object.entries(askedAfter).map(([n, count]) => [n, count - (askedBefore[n] ?? 0)]),
      ),
      loadBefore,
      loadAfter: loadavg(),
    };
    console.log(
      `added p50: first token ${result.dTtft.p50.toFixed(2)} ms, whole answer ${result.dEnd.p50.toFixed(2)} ms; ` +
        `per round: ${result.perRound.map((r) => `${r.dTtft.toFixed(2)}/${r.dEnd.toFixed(2)}`).join(', ')}; ` +
        `bare proxy added p50: ${result.bdTtft.p50.toFixed(2)} / ${result.bdEnd.p50.toFixed(2)} ms; ` +
        `pages asked: ${JSON.stringify(result.pages)}; ` +
        `the fixture's own time, gateway/bare proxy − by hand p50: ${result.dLlm.p50.toFixed(2)} / ${result.bdLlm.p50.toFixed(2)} ms`,
    );
    await writeResult('uncached', report(result));
  } finally {
    await proxy.stop();
    await app.stop();
    await fixture.stop();
    await searx.stop();
  }
}

const ms = (v) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
const row = (label, s) =>
  `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.mean)} |`;

const load = (l) => l.map((n) => n.toFixed(2)).join(' / ');

function report(r) {
  const met = (s) => (s.p50 <= 5 ? 'met' : '**missed**');
  const pages = Object.entries(r.pages)
    .map(([n, count]) => `page ${n}: ${count}`)
    .join(', ');
  const perRound = r.perRound
    .map(
      (x, i) =>
        `| ${i + 1} | ${ms(x.hTtft)} | ${ms(x.dTtft)} | ${ms(x.dEnd)} | ${ms(x.bdTtft)} | ${ms(x.bdEnd)} |`,
    )
    .join('\n');
  return `# Uncached answers: the gateway against the same work by hand

Written by \`bench/uncached.bench.mjs\` (\`npm run build && node bench/run.mjs uncached\`).
Machine: ${machine()}. Load average 1/5/15 min before the measured pass: ${load(r.loadBefore)};
after it: ${load(r.loadAfter)}.

## Set-up

- Search: Debian's \`searx\` 1.1 with one engine over a synthetic web in its own process: every
  question has 3-8 results, all on page 1 (a narrow question). Every question is new.
- LLM: the fixture (\`test/fixtures/llm-server.ts\`) in its own process, ${WORDS} words, one a chunk,
  ${CHUNK_DELAY_MS} ms apart at a steady pace: each chunk is due ${CHUNK_DELAY_MS} ms after the one before was due,
  not after it was written, as a model server on its own hardware keeps its pace whoever reads it.
  Paced after each write (before 2026-12-01), the fixture, which shares the two cores with the path
  being measured, took ~0.9 ms longer over an answer when the gateway or the bare proxy was in the
  path (one run at load ~1.8), and that was counted as the path's own cost. The table's last rows
  give the fixture's own time per answer, so the pace can be checked.
- The gateway: \`node dist/apps/api/src/main.js\`, \`NODE_ENV=production\`, \`LOG_LEVEL=info\` to a file,
  \`SEARCH_CACHE_TTL_SECONDS=0\`, \`PAGE_FETCH=off\`, \`SEARXNG_URL\` and \`LLM_BASE_URL\` as above, rate
  limits off. A streamed \`sonar\` request, one user message.
- By hand: \`GET /search?q=…&format=json&categories=general&pageno=1\` on searx, then the streaming
  \`POST /chat/completions\` to the fixture with the exact body the gateway sent for that question
  (captured from the fixture in a first pass over all questions).
- Bare proxy (\`bench/support/bare-proxy.mjs\`): the same two calls made by a separate node:http
  process that pipes the LLM's bytes back. It has no framework, validation, prompt building or
  re-encoding, so what it adds is the cost of any extra process in the path on this machine at
  this load: the floor for the gateway.
- ${WARMUP} warm-up iterations, then ${ROUNDS} rounds of ${ITERATIONS}; each iteration runs the three one
  after another, the order rotating through all six. One keep-alive agent for all. Times from just
  before the request is sent; differences are paired per question.
- searx pages asked during the measured pass (by hand asks page 1 only, so pages beyond 1 are the
  gateway's): ${pages}. With the cache off the gateway asks searx for the results the request wants
  (6), not the 10 a shared cache entry holds, so a page 1 of 6-8 results is enough.

## Results (ms), all rounds

| | p50 | p95 | p99 | mean |
| --- | --- | --- | --- | --- |
${row('Gateway: first content token', r.gTtft)}
${row('By hand: first content token', r.hTtft)}
${row('Bare proxy: first content token', r.bTtft)}
${row('Gateway: end of answer', r.gEnd)}
${row('By hand: end of answer', r.hEnd)}
${row('Bare proxy: end of answer', r.bEnd)}
| **Added, per question** | | | | |
${row('**First token, gateway − by hand**', r.dTtft)}
${row('**Whole answer, gateway − by hand**', r.dEnd)}
${row('First token, bare proxy − by hand', r.bdTtft)}
${row('Whole answer, bare proxy − by hand', r.bdEnd)}
${row('First token, gateway − bare proxy', r.gbTtft)}
${row('Whole answer, gateway − bare proxy', r.gbEnd)}
| **The LLM fixture's own time, arrival to end of answer** | | | | |
${row('Asked by the gateway', r.gLlm)}
${row('Asked by hand', r.hLlm)}
${row('Asked by the bare proxy', r.bLlm)}
${row('Gateway − by hand, per question', r.dLlm)}
${row('Bare proxy − by hand, per question', r.bdLlm)}

## Spread: p50 per round

| round | by hand, first token | gateway added, first token | gateway added, whole answer | bare proxy added, first token | bare proxy added, whole answer |
| --- | --- | --- | --- | --- | --- |
${perRound}

Target p50 ≤ 5 ms added (gateway − by hand): first token ${met(r.dTtft)}, whole answer ${met(r.dEnd)}.
`;
}

await main();
process.exit(0);
