// 1,000 open SSE streams: the app's peak RSS while every stream is open at once, against a
// slowed LLM fixture (50 ms a chunk, 800 words: ~40 s a stream unloaded, long enough that the
// first streams are still open when the last ones open, even with the app behind the pace).
// Each round starts a fresh app process (production settings, request logs at info to a file),
// warms it up, reads its idle memory, then opens all streams at once; once with V8's default
// heap, once with the heap limit a 512Mi pod would set. App, fixture and this client are three
// processes.
// Target: peak RSS (VmHWM) under 250 MB with zero errors and every stream open at once, judged
// for each heap setting and each question mix.
import { closeSync, openSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { newAgent, streamChat } from './support/http-client.mjs';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import {
  BENCH_KEY,
  METRICS_TOKEN,
  fixtureAppEnv,
  procMemory,
  shippedNodeOptions,
  scrapeMetrics,
  startApp,
} from './support/processes.mjs';
import { openStreams } from './support/stream-load.mjs';
import { startBarePipe } from './support/bare-pipe.mjs';
import { streamsReport, TARGET_MB, usPerEvent } from './support/streams-report.mjs';
import { machine, writeResult } from './support/results.mjs';

const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
// V8's default heap (its limit is ~4 GB on this machine), and what the image's entrypoint sets in
// a pod limited to the manifests' 512Mi: with a small limit V8 collects sooner instead of growing
// the heap.
const POD_MEMORY_MB = 512;
const SHIPPED = shippedNodeOptions(POD_MEMORY_MB);
const HEAPS = [
  { label: "V8's default heap", nodeOptions: undefined },
  { label: `the image's settings for ${POD_MEMORY_MB}Mi (\`${SHIPPED}\`)`, nodeOptions: SHIPPED },
];
// One question for every stream (the search cache and shared sources serve them all), and a
// different question per stream (each has its own search, sources and prompt): the worst case.
const TOPICS = [
  'How does Answergate cache search results?',
  'How are API keys checked?',
  'Which search providers can be configured?',
  'How is a streamed answer cut into events?',
  'What does the deployment need in Kubernetes?',
  'Which models does the API list?',
  'How are errors returned to clients?',
  'How are the tests run?',
];
const QUESTIONS = [
  { label: 'one question for all', question: () => TOPICS[0] },
  {
    label: 'a different question each',
    question: (i) => `${TOPICS[i % TOPICS.length]} (question ${i + 1})`,
  },
];
const DELAY_MS = 50;
const WORDS = 800;
const HEAP_USED = 'answergate_nodejs_heap_size_used_bytes';
const auth = { authorization: `Bearer ${BENCH_KEY}` };
const bodyOf = (content) => ({
  model: 'sonar',
  stream: true,
  messages: [{ role: 'user', content }],
});
const chatBody = bodyOf(TOPICS[0]);
const LOG_FILE = join(tmpdir(), `answergate-bench-streams-${process.pid}.log`);
process.once('exit', () => rmSync(LOG_FILE, { force: true }));

/** One round: a fresh app, 50 sequential warm-up answers, then STREAMS streams at once. */
async function round(fixture, heap, questions) {
  const fd = openSync(LOG_FILE, 'w');
  const env = fixtureAppEnv(
    fixture.url,
    heap.nodeOptions ? { NODE_OPTIONS: heap.nodeOptions } : {},
  );
  const app = await startApp(env, { stdout: fd }).finally(() => closeSync(fd));
  try {
    await fixture.command({ delayMs: 0, words: 0 });
    const agent = newAgent();
    for (let i = 0; i < 50; i += 1) {
      const warm = await streamChat(`${app.url}/v1/chat/completions`, chatBody, {
        headers: auth,
        agent,
      });
      if (warm.error || !warm.done) throw new Error(`warm-up failed: ${warm.error ?? 'no [DONE]'}`);
    }
    agent.destroy();
    await sleep(1000);
    const idle = procMemory(app.pid);
    const idleHeap = (await scrapeMetrics(app.url, METRICS_TOKEN, [HEAP_USED]))[HEAP_USED];
    await fixture.command({ delayMs: DELAY_MS, words: WORDS });
    const loadBefore = loadavg();
    const options = { app, fixturePid: fixture.pid, metricsToken: METRICS_TOKEN, streams: STREAMS };
    const body = (i) => bodyOf(questions.question(i));
    const load = await openStreams({ ...options, body, headers: auth });
    console.log(
      `${heap.label}, ${questions.label}, ${STREAMS} streams: ${load.completed} completed, ${load.errors} errors, peak open ` +
        `${load.peakOpen}, idle RSS ${idle.rssMb.toFixed(0)} MB, VmHWM ${load.hwmMb.toFixed(0)} MB, ` +
        `first chunk p50 ${load.firstEvent.p50.toFixed(0)} ms`,
    );
    return {
      ...load,
      heap: heap.label,
      questions: questions.label,
      idle,
      idleHeapMb: idleHeap / 1024 ** 2,
      loadBefore,
    };
  } finally {
    await app.stop();
  }
}

/**
 * The same load (one question for all) through a bare node:http pipe instead of the app: what
 * relaying this many streams costs on this machine with no gateway in the way.
 */
async function barePipeRound(fixture) {
  const pipe = await startBarePipe(fixture.url);
  try {
    await fixture.command({ delayMs: 0, words: 0 });
    const agent = newAgent();
    for (let i = 0; i < 50; i += 1) await streamChat(`${pipe.url}/`, chatBody, { agent });
    agent.destroy();
    await fixture.command({ delayMs: DELAY_MS, words: WORDS });
    const loadBefore = loadavg();
    const load = await openStreams({
      app: pipe,
      fixturePid: fixture.pid,
      metricsToken: METRICS_TOKEN,
      streams: STREAMS,
      body: () => chatBody,
      headers: {},
    });
    console.log(
      `bare pipe, ${STREAMS} streams: ${load.completed} completed, peak open ${load.peakOpen}, ` +
        `CPU ${usPerEvent(load)} µs a chunk`,
    );
    return { ...load, loadBefore };
  } finally {
    await pipe.stop();
  }
}

async function main() {
  const fixture = await startFixtureProcess();
  try {
    const pipe = await barePipeRound(fixture);
    // The heap settings interleaved, so drift on the machine hits both alike.
    const rounds = [];
    for (let i = 0; i < ROUNDS; i += 1) {
      for (const questions of QUESTIONS) {
        for (const heap of HEAPS) rounds.push(await round(fixture, heap, questions));
      }
    }
    const config = {
      STREAMS,
      ROUNDS,
      DELAY_MS,
      WORDS,
      HEAPS,
      QUESTIONS,
      example: bodyOf(QUESTIONS[1].question(0)),
      SHIPPED,
      POD_MEMORY_MB,
      body: chatBody,
    };
    const head =
      `# ${STREAMS.toLocaleString('en')} open SSE streams: peak memory\n\n` +
      'Written by `bench/streams.bench.mjs` (`npm run bench:streams`).\n' +
      `Machine: ${machine()}.\n`;
    await writeResult('streams', `${head}\n${streamsReport(rounds, config, pipe)}`);
    for (const heap of HEAPS) {
      const worst = Math.max(...rounds.filter((r) => r.heap === heap.label).map((r) => r.hwmMb));
      console.log(`peak RSS, ${heap.label}: ${worst.toFixed(0)} MB (target < ${TARGET_MB} MB)`);
    }
  } finally {
    await fixture.stop();
  }
}

await main();
process.exit(0);
