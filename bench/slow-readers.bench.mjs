// Slow readers: 20 streamed answers whose clients read 1 KB a second, against a fast LLM fixture
// with a long answer. With backpressure the app holds socket buffers per reader, not the answer.
// Reported, for the citation check at its default (flag) and in strip mode: the app's RSS when
// idle and while the readers read (target < 10 MB above idle), the memory it holds per paused
// reader (live heap and Buffers after a forced full GC, read through the inspector; target
// < 256 KB), how far each upstream answer was read, and the bytes that went through meanwhile
// (/proc/<pid>/io of the app and of the LLM fixture).
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { newAgent, streamChat } from './support/http-client.mjs';
import { openLiveHeap, withInspector } from './support/live-heap.mjs';
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
import { bytesReadFrom } from './support/socket-bytes.mjs';

const READERS = 20;
const READ_SECONDS = Number(process.env.BENCH_SLOW_SECONDS ?? 20);
/** The longest wait for the paused readers' streams to be held back before reading memory. */
const SETTLE_LIMIT_SECONDS = 90;
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
/**
 * The paused readers' question: the same, marked, so the fixture tells their upstream requests
 * from any of the first readers' that arrive late.
 */
const PAUSED_MARK = '(paused)';
const pausedBody = {
  ...body,
  messages: [{ role: 'user', content: `${body.messages[0].content} ${PAUSED_MARK}` }],
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

/** What a process holds after a full GC: V8's used heap plus memory outside it (Buffers), bytes. */
const held = (usage) => usage.heapUsed + usage.external;

/**
 * How far each upstream answer was read: for every connection to the fixture now, the bytes the
 * app took from it since `before` (the same connection's count then, for a kept-alive one).
 */
function upstreamProgress(port, before) {
  return [...bytesReadFrom(port)]
    .map(([local, now]) => now.read - (before.get(local)?.read ?? 0))
    .filter((read) => read > 0) // kept-alive connections that no stream used
    .sort((a, b) => a - b);
}

/** Bytes on the wire (head and chunked body) of one whole answer to `body` from `url`. */
function wireBytes(url, payload) {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      agent: false,
      headers: { 'content-type': 'application/json' },
    });
    req.on('error', reject);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.socket.bytesRead));
      res.on('error', reject);
    });
    req.end(JSON.stringify(payload));
  });
}

/**
 * Opens one stream and reads 1 KB a second from it until `stop` (which also ends a request still
 * waiting for its response); resolves with the bytes read. `cut` counts the streams that ended
 * (closed, failed or not 200) before `stop`.
 */
function slowReader(url, stop, question, cut) {
  return new Promise((resolve) => {
    let read = 0;
    let timer;
    const req = request(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
    });
    let stopped = false;
    const ended = () => {
      if (!stopped) cut.count += 1;
      stopped = true;
    };
    req.on('error', ended);
    req.on('response', (res) => {
      if (res.statusCode !== 200) ended();
      res.pause();
      res.on('error', ended);
      res.on('close', ended);
      timer = setInterval(() => {
        const piece = res.read(1024) ?? res.read();
        if (piece) read += piece.length;
      }, 1000);
    });
    void stop.then(() => {
      stopped = true;
      clearInterval(timer);
      req.destroy();
      resolve(read);
    });
    req.end(JSON.stringify(question));
  });
}

/** Opens the slow readers; `release()` ends them, `done` resolves with each one's bytes. */
function openReaders(url, question) {
  let release;
  const stop = new Promise((resolve) => (release = resolve));
  const cut = { count: 0 };
  const readers = Array.from({ length: READERS }, () => slowReader(url, stop, question, cut));
  return { release, done: Promise.all(readers), cut };
}

/**
 * The same 20 streams read at full speed to their end: the text the slow readers make the app
 * process, without their slowness. RSS above idle after this is what the readers' slowness adds,
 * not what a process pays on its first busy seconds (young-generation pages first touched,
 * old-space garbage, code compiled).
 */
async function fastReaders(app) {
  const agent = newAgent(READERS);
  const answers = await Promise.all(
    Array.from({ length: READERS }, () =>
      streamChat(`${app.url}/v1/chat/completions`, body, { headers: auth, agent }),
    ),
  );
  agent.destroy();
  const failed = answers.find((a) => a.error || !a.done);
  if (failed) throw new Error(`a fast reader failed: ${failed.error ?? 'no [DONE]'}`);
}

/**
 * RSS with 20 slow readers, and the bytes that went through meanwhile. No GC is forced here:
 * RSS as the process lets it grow. Idle is read after 20 fast readers of the same answer; the
 * RSS after the one warm-up answer is kept too (`coldIdle`: the baseline before 2026-12-01).
 */
async function rssPhase(app, fixture) {
  await sleep(2000);
  const coldIdle = procMemory(app.pid).rssMb;
  await fastReaders(app);
  await sleep(2000);
  const idle = procMemory(app.pid).rssMb;
  const idleSpaces = await heapSpaces(app.url);
  const loadBefore = loadavg();
  const appBefore = ioBytes(app.pid);
  const upstreamBefore = ioBytes(fixture.pid).written;
  const readers = openReaders(app.url, body);
  let peak = idle;
  const spaces = [idleSpaces];
  for (let s = 0; s < READ_SECONDS; s += 1) {
    await sleep(1000);
    peak = Math.max(peak, procMemory(app.pid).rssMb);
    spaces.push(await heapSpaces(app.url));
  }
  const during = procMemory(app.pid).rssMb;
  peak = Math.max(peak, during);
  const appAfter = ioBytes(app.pid);
  const upstreamWrote = ioBytes(fixture.pid).written - upstreamBefore;
  readers.release();
  const bytes = await readers.done;
  return {
    coldIdle,
    idle,
    during,
    peak,
    idleSpaces,
    peakSpaces: largest(spaces),
    bytes,
    appRead: appAfter.read - appBefore.read,
    appWritten: appAfter.written - appBefore.written,
    upstreamWrote,
    loadBefore,
  };
}

/** Whether the streams are held back: no more than this read from the upstream in a second. */
const QUIET_BYTES = 256 * 1024;

/**
 * Waits until every reader's upstream request has arrived and the app has stopped reading its
 * upstreams (each answer read to its end, or held back by its reader): the app's `rchar` grows
 * by less than QUIET_BYTES a second, twice in a row (the readers' 1 KB a second lets a little
 * more through). Resolves with the seconds that took, or NaN after SETTLE_LIMIT_SECONDS.
 */
async function settle(app, fixture) {
  let quiet = 0;
  let before = ioBytes(app.pid).read;
  for (let s = 1; s <= SETTLE_LIMIT_SECONDS; s += 1) {
    await sleep(1000);
    const now = ioBytes(app.pid).read;
    const { outcomes } = await fixture.command({ outcomes: PAUSED_MARK });
    const arrived = Object.values(outcomes).reduce((a, b) => a + b, 0);
    quiet = now - before < QUIET_BYTES && arrived >= READERS ? quiet + 1 : 0;
    before = now;
    if (quiet === 2) return s;
  }
  return NaN;
}

/** Waits (up to SETTLE_LIMIT_SECONDS) until no upstream request to the fixture is still open. */
async function upstreamsEnded(fixture) {
  for (let s = 0; s < SETTLE_LIMIT_SECONDS; s += 1) {
    const { outcomes } = await fixture.command({ outcomes: body.messages[0].content });
    if (outcomes.open === 0) return;
    await sleep(1000);
  }
  throw new Error("the first readers' upstream requests did not end");
}

/**
 * What the app holds for 20 paused readers: its live memory after a forced full GC, idle and
 * again once the streams are held back (the readers have read almost nothing by then), and how
 * far each upstream answer was read by that time.
 */
async function heldPhase(app, live, fixture) {
  const fixturePort = Number(new URL(fixture.url).port);
  await upstreamsEnded(fixture);
  await sleep(2000);
  const idleLive = await live.read();
  const idleUpstream = bytesReadFrom(fixturePort);
  const readBefore = ioBytes(app.pid).read;
  const loadBefore = loadavg();
  const readers = openReaders(app.url, pausedBody);
  const settledSeconds = await settle(app, fixture);
  const appRead = ioBytes(app.pid).read - readBefore;
  const pausedLive = await live.read();
  const cut = readers.cut.count;
  const upstream = upstreamProgress(fixturePort, idleUpstream);
  const { outcomes } = await fixture.command({ outcomes: PAUSED_MARK });
  readers.release();
  await readers.done;
  return {
    idleLive,
    pausedLive,
    heldPerReader: (held(pausedLive) - held(idleLive)) / READERS,
    settledSeconds,
    upstream,
    appRead,
    cut,
    outcomes,
    loadBefore,
  };
}

/** The app's env for this bench: the check in `mode`, `nodeOptions` for its heap and inspector. */
const appEnv = (fixture, mode, nodeOptions) => ({
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
  NODE_OPTIONS: nodeOptions,
});

/**
 * Every code path of an answer runs once; then the fixture switches to the long answer, whose
 * whole size the bench reads once itself (the warm-up's own request to the fixture, sent again).
 */
async function warmUp(app, fixture) {
  const agent = newAgent();
  await fixture.command({ delayMs: 0, words: 0 });
  const warm = await streamChat(`${app.url}/v1/chat/completions`, body, { headers: auth, agent });
  if (warm.error || !warm.done) throw new Error(`warm-up failed: ${warm.error ?? 'no [DONE]'}`);
  agent.destroy();
  const { last } = await fixture.command({ delayMs: 0, words: WORDS, last: true });
  return wireBytes(`${fixture.url}/chat/completions`, last);
}

const mbOf = (bytes) => (bytes / 1024 ** 2).toFixed(1);

/**
 * A fresh app with the check in `mode` and the heap setting `heap`: warmed up with one whole
 * answer, then 20 slow readers for RSS, then 20 paused readers for the memory held.
 */
async function measure(fixture, mode, heap) {
  const inspect = await withInspector(heap.nodeOptions);
  const app = await startApp(appEnv(fixture, mode, inspect.nodeOptions));
  const live = await openLiveHeap(inspect.port);
  try {
    const wholeAnswer = await warmUp(app, fixture);
    const rss = await rssPhase(app, fixture);
    const kept = await heldPhase(app, live, fixture);
    const { upstream, outcomes } = kept;
    console.log(
      `CITATION_CHECK=${mode}, ${heap.label}: ${READERS} slow readers, RSS idle ${rss.idle.toFixed(1)} MB, ` +
        `after ${READ_SECONDS} s ${rss.during.toFixed(1)} MB, peak ${rss.peak.toFixed(1)} MB; the app read ` +
        `${mbOf(rss.appRead)} MB. Held after a full GC: idle ${mbOf(held(kept.idleLive))} MB, ` +
        `paused readers ${mbOf(held(kept.pausedLive))} MB, ${(kept.heldPerReader / 1024).toFixed(0)} KB a ` +
        `reader after ${kept.settledSeconds} s (${kept.cut} streams cut); upstream read per stream ${mbOf(upstream[0] ?? 0)}-${mbOf(upstream.at(-1) ?? 0)} MB ` +
        `of ${mbOf(wholeAnswer)} MB (${upstream.length} connections); upstream requests by outcome ` +
        JSON.stringify(outcomes),
    );
    return { mode, heap: heap.label, wholeAnswer, ...rss, held: kept };
  } finally {
    live.close();
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
