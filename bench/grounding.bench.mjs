// Grounding benchmark. (a) Time to the first answer token with page reading on and off, on the
// built app: a SearXNG-shaped JSON server returns 10 results whose pages (8 KB articles) answer
// after 50 ms; the LLM fixture runs in its own process. Interleaved rounds, unique questions,
// caches off, so every request searches and reads. (b) The citation check's cost per answer:
// a 500-token answer citing 10 sources of ~600 tokens, streamed in 3-word pieces, in process.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';
import { newAgent, streamChat } from './support/http-client.mjs';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import { BENCH_KEY, ROOT, startApp } from './support/processes.mjs';
import { machine, writeResult } from './support/results.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 500);
const PAGE_DELAY_MS = 50;
const RESULTS = 10;
const require = createRequire(import.meta.url);
const dist = (path) => require(join(ROOT, 'dist', path));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value) => value.toFixed(1);

function paragraph(topic, i) {
  return `<p>Section ${i} of the ${topic} article explains how the ${topic} works, with figures from ${1990 + i} and notes on maintenance, safety and the people who run it every day.</p>`;
}

function article(topic) {
  const body = Array.from({ length: 40 }, (_, i) => paragraph(topic, i)).join('\n');
  return `<!doctype html><html><head><title>${topic}</title></head><body><nav>Home</nav><article><h1>${topic}</h1>${body}</article></body></html>`;
}

function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: server.address().port })),
  );
}

/** The pages (50 ms each) and a SearXNG-shaped `/search` pointing at them. */
async function startWeb() {
  const pages = await listen((req, res) => {
    const topic = new URL(req.url, 'http://x').searchParams.get('topic') ?? 'lighthouse';
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(article(topic));
    }, PAGE_DELAY_MS);
  });
  const searx = await listen((req, res) => {
    const params = new URL(req.url, 'http://x').searchParams;
    const q = params.get('q') ?? '';
    const first = (params.get('pageno') ?? '1') === '1';
    const results = first
      ? Array.from({ length: RESULTS }, (_, i) => ({
          url: `http://127.0.0.1:${pages.port}/page/${i}?topic=${encodeURIComponent(q)}`,
          title: `${q} page ${i}`,
          content: `A short snippet about ${q}, number ${i}.`,
        }))
      : [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results }));
  });
  return { pages, searx };
}

async function ttftPhase(web, fixture) {
  const env = (pageFetch) => ({
    NODE_ENV: 'production',
    API_KEYS: BENCH_KEY,
    LOG_LEVEL: 'warn',
    LLM_BASE_URL: fixture.url,
    LLM_MODEL: 'fixture-model',
    SEARXNG_URL: `http://127.0.0.1:${web.searx.port}`,
    SEARCH_CACHE_TTL_SECONDS: '0',
    PAGE_FETCH: pageFetch,
    PAGE_FETCH_ALLOW_HOSTS: `127.0.0.1:${web.pages.port}`,
    PAGE_FETCH_MAX_PAGES: String(RESULTS),
    RATE_LIMIT_REQUESTS: '0',
    RATE_LIMIT_CONCURRENT_STREAMS: '0',
    SWAGGER_ENABLED: 'false',
  });
  const apps = { on: await startApp(env('on')), off: await startApp(env('off')) };
  const agent = newAgent();
  const times = { on: [], off: [] };
  const ask = async (side, round) => {
    const body = {
      model: 'sonar',
      stream: true,
      max_results: RESULTS,
      messages: [{ role: 'user', content: `lighthouse ${side} ${round}` }],
    };
    const result = await streamChat(`${apps[side].url}/v1/chat/completions`, body, {
      headers: { authorization: `Bearer ${BENCH_KEY}` },
      agent,
    });
    if (result.error || !result.done) throw new Error(`${side}: ${result.error ?? 'no [DONE]'}`);
    return result.firstContentMs;
  };
  try {
    for (let round = -5; round < ROUNDS; round += 1) {
      const order = round % 2 === 0 ? ['on', 'off'] : ['off', 'on'];
      for (const side of order) {
        const ttft = await ask(side, round);
        if (round >= 0) times[side].push(ttft);
      }
    }
  } finally {
    await apps.on.stop();
    await apps.off.stop();
  }
  return times;
}

/** A 500-token answer: sentences taken from the sources (cited right) and a few that are not. */
function checkFixture() {
  const { countTokens } = dist('libs/common/src/index.js');
  const sources = Array.from({ length: 10 }, (_, s) =>
    Array.from(
      { length: 16 },
      (_, i) =>
        `Source ${s} says the harbour tower number ${s * 100 + i} was repaired in ${1900 + i} by the coastal board, using stone from the northern quarry.`,
    ).join(' '),
  );
  const sentences = [];
  for (let i = 0; countTokens(sentences.join(' ')) < 500; i += 1) {
    const s = i % 10;
    sentences.push(
      i % 4 === 3
        ? `An invented claim about Paris in ${2000 + i} follows [${s + 1}].`
        : `The harbour tower number ${s * 100 + (i % 16)} was repaired in ${1900 + (i % 16)} by the coastal board [${s + 1}].`,
    );
  }
  const answer = sentences.join(' ');
  return { sources, answer, tokens: countTokens(answer), sourceTokens: countTokens(sources[0]) };
}

function checkPhase() {
  const { CitationChecker } = dist('libs/completion/src/grounding/citation-checker.js');
  const { sources, answer, tokens, sourceTokens } = checkFixture();
  const pieces = answer.match(/\s*\S+\s*\S*\s*\S*\s*/g);
  const once = () => {
    const started = performance.now();
    const checker = new CitationChecker(sources, 'flag');
    for (const piece of pieces) checker.push(piece);
    checker.end();
    return { ms: performance.now() - started, report: checker.report };
  };
  for (let i = 0; i < 50; i += 1) once();
  const times = [];
  let report;
  for (let i = 0; i < CHECKS; i += 1) {
    const run = once();
    times.push(run.ms);
    report = run.report;
  }
  return { times, tokens, sourceTokens, pieces: pieces.length, report };
}

const fixture = await startFixtureProcess();
const web = await startWeb();
let times;
try {
  times = await ttftPhase(web, fixture);
} finally {
  web.pages.server.close();
  web.searx.server.close();
  await fixture.stop();
}
const check = checkPhase();
const row = (label, values) =>
  `| ${label} | ${ms(percentile(values, 50))} | ${ms(percentile(values, 90))} | ${ms(percentile(values, 99))} |`;
const added = percentile(times.on, 50) - percentile(times.off, 50);
const markdown = `# Grounding benchmark

${machine()}

Run with \`npm run bench -- grounding\` (\`node bench/run.mjs grounding\` after a build). Source: \`bench/grounding.bench.mjs\`.

## Time to the first token, page reading on vs off

${ROUNDS} interleaved rounds (5 warm-up rounds dropped), one unique question a request, search and
page caches off. Each request: the built app (\`NODE_ENV=production\`) asks a SearXNG-shaped JSON
server for ${RESULTS} results; with \`PAGE_FETCH=on\` it reads all ${RESULTS} pages (8 KB HTML articles
that answer after ${PAGE_DELAY_MS} ms, on 127.0.0.1 through \`PAGE_FETCH_ALLOW_HOSTS\`), extracts them
with Readability, ranks their passages with BM25 and fills the \`low\` budget (2,000 tokens). The LLM
fixture runs in its own process; the web servers run in the benchmark's process.

| first content token (ms) | p50 | p90 | p99 |
| --- | --- | --- | --- |
${row('PAGE_FETCH=off (snippets)', times.off)}
${row('PAGE_FETCH=on (pages read)', times.on)}

Added at p50: **${ms(added)} ms** (target ≤ 300 ms with pages answering in ${PAGE_DELAY_MS} ms);
${ms(added - PAGE_DELAY_MS)} ms of it beyond the pages' own ${PAGE_DELAY_MS} ms.

## Citation check per answer

A ${check.tokens}-token answer (${check.pieces} streamed pieces) citing 10 sources of about
${check.sourceTokens} tokens each, checked in \`flag\` mode: ${check.report.checked} markers, ${check.report.supported} supported.
${CHECKS} runs after 50 warm-up runs, in one process.

| check (ms) | p50 | p90 | p99 |
| --- | --- | --- | --- |
${row('whole answer', check.times)}

Target: p50 < 2 ms.
`;
await writeResult('grounding', markdown);
console.log(
  `ttft p50 off ${ms(percentile(times.off, 50))} on ${ms(percentile(times.on, 50))}; check p50 ${ms(percentile(check.times, 50))} ms`,
);
