// Completion benchmark: `POST /v1/chat/completions` with `stream: true` on the built app (local
// search over docs/, the TypeScript LLM fixture over real HTTP). (a) time to the sources chunk and
// to the first token; (b) the gateway's overhead beside the same LLM called directly, on search
// cache hits and with the cache off; (c) 1,000 concurrent streams, the app's RSS and heap.
// App, fixture and this client are three processes.
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { newAgent, requestJson, streamChat, summarize } from './support/http-client.mjs';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import { BENCH_KEY, METRICS_TOKEN, ROOT, fixtureAppEnv, procMemory } from './support/processes.mjs';
import { scrapeMetrics, startApp } from './support/processes.mjs';
import { latencyReport, loadReport, tokenizerReport } from './support/completion-report.mjs';
import { changesReport } from './support/completion-changes.mjs';
import { openStreams } from './support/stream-load.mjs';
import { machine, writeResult } from './support/results.mjs';

const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 300);
const WARMUP = 30;
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
// Per-chunk delay and answer length of the fixture: ~20 s and ~4.5 s a stream when unloaded.
const LOADS = [
  { delayMs: 50, words: 400 },
  { delayMs: 30, words: 150 },
];
const QUESTION = 'How does Answergate cache search results?';
const auth = { authorization: `Bearer ${BENCH_KEY}` };
const chatBody = { model: 'sonar', stream: true, messages: [{ role: 'user', content: QUESTION }] };
// What the chat route searches with: 6 results, 256 tokens a page (`search_context_size: low`).
const searchBody = { query: QUESTION, max_results: 6, max_tokens_per_page: 256 };
const HEAP_USED = 'answergate_nodejs_heap_size_used_bytes';
const require = createRequire(import.meta.url);
const LOG_FILE = join(tmpdir(), `answergate-bench-completion-${process.pid}.log`);
process.once('exit', () => rmSync(LOG_FILE, { force: true }));

/** One app process logging JSON lines (level info) to LOG_FILE, as in production. */
async function startLoggedApp(env) {
  const fd = openSync(LOG_FILE, 'a');
  try {
    return await startApp(env, { stdout: fd });
  } finally {
    closeSync(fd);
  }
}

function check(result, what) {
  if (result.error || !result.done)
    throw new Error(`${what} failed: ${result.error ?? 'no [DONE]'}`);
  return result;
}

/** Per iteration: the fixture directly, `/v1/search`, `/v1/models`, then the answer through the app. */
async function latencyPhase(label, appUrl, fixture) {
  const agent = newAgent();
  const gateway = () =>
    streamChat(`${appUrl}/v1/chat/completions`, chatBody, { headers: auth, agent });
  await fixture.command({});
  check(await gateway(), 'the first chat request');
  const { last } = await fixture.command({ last: true });
  const directBody = { ...last, stream: true };
  const direct = () => streamChat(`${fixture.url}/chat/completions`, directBody, { agent });
  const search = () => requestJson(`${appUrl}/v1/search`, searchBody, { headers: auth, agent });
  const models = () => requestJson(`${appUrl}/v1/models`, undefined, { headers: auth, agent });
  const rows = [];
  for (let i = 0; i < WARMUP + ITERATIONS; i += 1) {
    const d = check(await direct(), 'a direct LLM call');
    const s = await search();
    const m = await models();
    if (s.status !== 200 || m.status !== 200) throw new Error(`/v1/search or /v1/models failed`);
    const g = check(await gateway(), 'a chat request');
    if (i >= WARMUP) rows.push({ d, s, m, g });
    if (i % 50 === 0) await fixture.command({}); // lets the fixture forget its recorded requests
  }
  agent.destroy();
  const of = (f) => summarize(rows.map(f));
  const phase = {
    label,
    promptChars: directBody.messages.reduce((n, m) => n + m.content.length, 0),
    sources: rows[0].s.json.results.length,
    tts: of((r) => r.g.firstEventMs),
    ttft: of((r) => r.g.firstContentMs),
    end: of((r) => r.g.endMs),
    directTtft: of((r) => r.d.firstContentMs),
    directEnd: of((r) => r.d.endMs),
    search: of((r) => r.s.ms),
    models: of((r) => r.m.ms),
    overTtft: of((r) => r.g.firstContentMs - r.d.firstContentMs),
    beyondSearch: of((r) => r.g.firstContentMs - r.d.firstContentMs - r.s.ms),
    estimate: of((r) => r.g.firstContentMs - r.d.firstContentMs - (r.s.ms - r.m.ms)),
    afterSources: of((r) => r.g.firstContentMs - r.g.firstEventMs - r.d.firstContentMs),
    overEnd: of((r) => r.g.endMs - r.d.endMs - r.s.ms),
  };
  console.log(
    `${label}: sources p50 ${phase.tts.p50.toFixed(2)} ms, first token p50 ${phase.ttft.p50.toFixed(2)} ms, ` +
      `overhead beyond search p50 ${phase.estimate.p50.toFixed(2)} ms`,
  );
  return phase;
}

/** STREAMS streams at once against a slowed fixture, on a fresh app process. */
async function loadPhase(fixture, llmUrl, { delayMs, words }) {
  const app = await startLoggedApp(fixtureAppEnv(llmUrl));
  try {
    await fixture.command({ delayMs: 0, words: 0 });
    const agent = newAgent();
    const url = `${app.url}/v1/chat/completions`;
    for (let i = 0; i < 50; i += 1) {
      check(await streamChat(url, chatBody, { headers: auth, agent }), 'warm-up');
    }
    agent.destroy();
    await sleep(1000);
    const idle = procMemory(app.pid);
    const heap = await scrapeMetrics(app.url, METRICS_TOKEN, [HEAP_USED]);
    await fixture.command({ delayMs, words });
    const options = { app, fixturePid: fixture.pid, metricsToken: METRICS_TOKEN, streams: STREAMS };
    const load = await openStreams({ ...options, body: () => chatBody, headers: auth });
    console.log(
      `${STREAMS} streams, ${delayMs} ms a chunk: ${load.completed} completed, ${load.errors} errors, ` +
        `peak open ${load.peakOpen}, VmHWM ${load.hwmMb.toFixed(0)} MB`,
    );
    return { ...load, delayMs, words, idle, idleHeapMb: heap[HEAP_USED] / 1024 ** 2 };
  } finally {
    await app.stop();
  }
}

/** CPU the app spends tokenizing per answer: snippet truncation and the citation-token count. */
async function tokenizerCost(appUrl) {
  const dist = (path) => require(join(ROOT, 'dist', path));
  const { countTokens, cutAtTokens, tokenEnds } = dist('libs/common/src/tokens/gpt-tokens.js');
  const truncateToTokens = (text, maxTokens) => cutAtTokens(text, tokenEnds(text), maxTokens);
  const { formatSources } = dist('libs/completion/src/numbered-sources.js');
  const full = await requestJson(
    `${appUrl}/v1/search`,
    { query: QUESTION, max_results: 6 },
    { headers: auth },
  );
  const sources = full.json.results.map((r, i) => ({
    ...r,
    index: i + 1,
    snippet: truncateToTokens(r.snippet, 256),
  }));
  const sourcesText = formatSources(sources);
  const time = (f) => {
    for (let i = 0; i < 20; i += 1) f();
    return summarize(
      Array.from({ length: 200 }, () => {
        const started = performance.now();
        f();
        return performance.now() - started;
      }),
    );
  };
  return {
    snippetChars: full.json.results.reduce((n, r) => n + r.snippet.length, 0),
    truncate: time(() => full.json.results.forEach((r) => truncateToTokens(r.snippet, 256))),
    citations: time(() => countTokens(sourcesText)),
  };
}

async function main() {
  const fixture = await startFixtureProcess();
  const llmUrl = fixture.url;
  const phases = [];
  let tokens;
  try {
    for (const [label, extra] of [
      ['cache hits (SEARCH_CACHE_TTL_SECONDS=300, same question)', {}],
      [
        'cache off (SEARCH_CACHE_TTL_SECONDS=0, every search runs)',
        { SEARCH_CACHE_TTL_SECONDS: '0' },
      ],
    ]) {
      const app = await startLoggedApp(fixtureAppEnv(llmUrl, extra));
      try {
        phases.push(await latencyPhase(label, app.url, fixture));
        tokens ??= await tokenizerCost(app.url);
      } finally {
        await app.stop();
      }
    }
    const loads = [];
    for (const load of LOADS) loads.push(await loadPhase(fixture, llmUrl, load));
    const logBytes = statSync(LOG_FILE).size;
    const config = { ITERATIONS, WARMUP, QUESTION, logBytes };
    const head = `# Completion benchmark\n\nWritten by \`bench/completion.bench.mjs\` (\`npm run bench:completion\`).\nMachine: ${machine()}.\n`;
    await writeResult(
      'completion',
      [
        head,
        latencyReport(phases, config),
        tokenizerReport(tokens),
        loadReport(loads),
        changesReport(loads),
      ].join('\n'),
    );
  } finally {
    await fixture.stop();
    rmSync(LOG_FILE, { force: true });
  }
}

await main();
process.exit(0);
