// Slow readers: 20 streamed answers whose clients read 1 KB a second, against a fast LLM fixture
// with a long answer. With backpressure the app holds socket buffers per reader, not the answer.
// Reported, for the citation check at its default (flag) and in strip mode: the app's RSS when
// idle and while the readers read (target < 10 MB above idle), and the bytes that went through
// meanwhile (/proc/<pid>/io of the app and of the LLM fixture).
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { newAgent, streamChat } from './support/http-client.mjs';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import {
  BENCH_KEY,
  METRICS_TOKEN,
  ROOT,
  procMemory,
  shippedNodeOptions,
  startApp,
} from './support/processes.mjs';
import { machine, writeResult } from './support/results.mjs';
import { slowReadersReport } from './support/slow-readers-report.mjs';

const READERS = 20;
const READ_SECONDS = Number(process.env.BENCH_SLOW_SECONDS ?? 20);
const WORDS = 60_000; // ~14 MB of SSE from the fixture per answer, ~9 MB from the gateway (flag)
const MODES = ['flag', 'strip'];
// V8's default heap, and what the image's entrypoint sets in a pod limited to the manifests'
// 512Mi (a smaller young generation and an old-space limit), as streams.bench.mjs measures.
const POD_MEMORY_MB = 512;
const SHIPPED = shippedNodeOptions(POD_MEMORY_MB);
const HEAPS = [
  { label: "V8's default heap", nodeOptions: undefined },
  { label: `the image's settings for ${POD_MEMORY_MB}Mi (\`${SHIPPED}\`)`, nodeOptions: SHIPPED },
];
const body = {
  model: 'sonar',
  stream: true,
  messages: [{ role: 'user', content: 'How does Answergate cache search results?' }],
};
const auth = { authorization: `Bearer ${BENCH_KEY}` };

/** Bytes a process has read and written (any file or socket) so far. */
function ioBytes(pid) {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8');
  return { read: Number(/rchar: (\d+)/.exec(io)[1]), written: Number(/wchar: (\d+)/.exec(io)[1]) };
}

/**
 * V8's heap spaces from the app's /metrics, in MB: the young generation's size (new space,
 * which grows its semi-spaces under allocation) and the old space's size and use.
 */
async function heapSpaces(url) {
  const res = await globalThis.fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  const text = await res.text();
  const read = (kind, space) =>
    Number(
      new RegExp(
        `^answergate_nodejs_heap_space_size_${kind}_bytes\\{space="${space}"\\} (\\S+)`,
        'm',
      ).exec(text)?.[1] ?? NaN,
    ) /
    1024 ** 2;
  return {
    newTotal: read('total', 'new'),
    oldTotal: read('total', 'old'),
    oldUsed: read('used', 'old'),
  };
}

/** Each space's largest value over `samples`. */
const largest = (samples) =>
  Object.fromEntries(
    Object.keys(samples[0]).map((k) => [k, Math.max(...samples.map((s) => s[k]))]),
  );

/** Opens one stream and reads 1 KB a second from it until `stop`; resolves with the bytes read. */
function slowReader(url, stop) {
  return new Promise((resolve) => {
    let read = 0;
    const req = request(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
    });
    req.on('error', () => resolve(read));
    req.on('response', (res) => {
      res.pause();
      const timer = setInterval(() => {
        const piece = res.read(1024) ?? res.read();
        if (piece) read += piece.length;
      }, 1000);
      void stop.then(() => {
        clearInterval(timer);
        res.destroy();
        resolve(read);
      });
    });
    req.end(JSON.stringify(body));
  });
}

/**
 * A fresh app with the check in `mode` and the heap setting `heap`: warmed up with one whole
 * answer, then 20 slow readers.
 */
async function measure(fixture, mode, heap) {
  const app = await startApp({
    NODE_ENV: 'production',
    API_KEYS: BENCH_KEY,
    LOG_LEVEL: 'warn',
    SEARCH_PROVIDER: 'local',
    LOCAL_INDEX_DIR: join(ROOT, 'docs'),
    LLM_BASE_URL: fixture.url,
    LLM_MODEL: 'fixture-model',
    LLM_TIMEOUT_MS: '600000',
    CITATION_CHECK: mode,
    RATE_LIMIT_REQUESTS: '0',
    RATE_LIMIT_CONCURRENT_STREAMS: '0',
    SWAGGER_ENABLED: 'false',
    METRICS_TOKEN,
    ...(heap.nodeOptions ? { NODE_OPTIONS: heap.nodeOptions } : {}),
  });
  try {
    // Every code path of an answer runs once before "idle" is read, then the heap settles.
    const agent = newAgent();
    await fixture.command({ delayMs: 0, words: 0 });
    const warm = await streamChat(`${app.url}/v1/chat/completions`, body, { headers: auth, agent });
    if (warm.error || !warm.done) throw new Error(`warm-up failed: ${warm.error ?? 'no [DONE]'}`);
    agent.destroy();
    await fixture.command({ delayMs: 0, words: WORDS });
    await sleep(2000);
    const idle = procMemory(app.pid).rssMb;
    const idleSpaces = await heapSpaces(app.url);
    const loadBefore = loadavg();
    const appBefore = ioBytes(app.pid);
    const upstreamBefore = ioBytes(fixture.pid).written;
    let release;
    const stop = new Promise((resolve) => (release = resolve));
    const readers = Array.from({ length: READERS }, () => slowReader(app.url, stop));
    let peak = idle;
    const spaces = [idleSpaces];
    for (let s = 0; s < READ_SECONDS; s += 1) {
      await sleep(1000);
      peak = Math.max(peak, procMemory(app.pid).rssMb);
      spaces.push(await heapSpaces(app.url));
    }
    const during = procMemory(app.pid).rssMb;
    const appAfter = ioBytes(app.pid);
    const appRead = appAfter.read - appBefore.read;
    const appWritten = appAfter.written - appBefore.written;
    const upstreamWrote = ioBytes(fixture.pid).written - upstreamBefore;
    release();
    const bytes = await Promise.all(readers);
    console.log(
      `CITATION_CHECK=${mode}, ${heap.label}: ${READERS} slow readers, RSS idle ${idle.toFixed(1)} MB, after ` +
        `${READ_SECONDS} s ${during.toFixed(1)} MB, peak ${peak.toFixed(1)} MB; the app read ` +
        `${(appRead / 1024 ** 2).toFixed(1)} MB`,
    );
    return {
      mode,
      heap: heap.label,
      idle,
      during,
      peak,
      idleSpaces,
      peakSpaces: largest(spaces),
      bytes,
      appRead,
      appWritten,
      upstreamWrote,
      loadBefore,
    };
  } finally {
    await app.stop();
  }
}

async function main() {
  const fixture = await startFixtureProcess();
  try {
    const runs = [];
    for (const mode of MODES) {
      for (const heap of HEAPS) runs.push(await measure(fixture, mode, heap));
    }
    const config = { READERS, READ_SECONDS, WORDS, body, SHIPPED, POD_MEMORY_MB };
    const head =
      '# Slow readers: memory held per client that reads slowly\n\n' +
      'Written by `bench/slow-readers.bench.mjs` (`npm run bench:slow-readers`).\n' +
      `Machine: ${machine()}.\n`;
    await writeResult('slow-readers', `${head}\n${slowReadersReport(runs, config)}`);
  } finally {
    await fixture.stop();
  }
}

await main();
process.exit(0);
