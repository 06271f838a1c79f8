// Slow readers: 20 streamed answers whose clients read 1 KB a second, against a fast LLM fixture
// with a long answer. With backpressure the app holds socket buffers per reader, not the answer.
// Reported: the app's RSS when idle and after READ_SECONDS of slow reading (target < 10 MB above idle).
import { request } from 'node:http';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import { BENCH_KEY, procMemory, startApp } from './support/processes.mjs';
import { machine, writeResult } from './support/results.mjs';

const READERS = 20;
const READ_SECONDS = Number(process.env.BENCH_SLOW_SECONDS ?? 20);
const WORDS = 60_000; // ~9 MB of SSE from the gateway per answer
const body = JSON.stringify({
  model: 'sonar',
  stream: true,
  messages: [{ role: 'user', content: 'How does Answergate cache search results?' }],
});

/** Opens one stream and reads 1 KB a second from it; resolves with the bytes read. */
function slowReader(url, stop) {
  return new Promise((resolve) => {
    let read = 0;
    const req = request(`${url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH_KEY}`, 'content-type': 'application/json' },
    });
    req.on('error', () => resolve(read));
    req.on('response', (res) => {
      res.pause();
      const timer = setInterval(() => {
        const piece = res.read(1024) ?? res.read();
        if (piece) read += piece.length;
      }, 1000);
      stop.then(() => {
        clearInterval(timer);
        res.destroy();
        resolve(read);
      });
    });
    req.end(body);
  });
}

async function main() {
  const fixture = await startFixtureProcess();
  await fixture.command({ delayMs: 0, words: WORDS });
  const app = await startApp({
    NODE_ENV: 'production',
    API_KEYS: BENCH_KEY,
    LOG_LEVEL: 'warn',
    LLM_BASE_URL: fixture.url,
    LLM_MODEL: 'fixture-model',
    LLM_TIMEOUT_MS: '600000',
    RATE_LIMIT_REQUESTS: '0',
    RATE_LIMIT_CONCURRENT_STREAMS: '0',
    SWAGGER_ENABLED: 'false',
  });
  try {
    // Warm up the routes once, then let the heap settle.
    await globalThis.fetch(`${app.url}/v1/models`, {
      headers: { authorization: `Bearer ${BENCH_KEY}` },
    });
    await sleep(2000);
    const idle = procMemory(app.pid).rssMb;
    let release;
    const stop = new Promise((resolve) => (release = resolve));
    const readers = Array.from({ length: READERS }, () => slowReader(app.url, stop));
    let peak = idle;
    for (let s = 0; s < READ_SECONDS; s += 1) {
      await sleep(1000);
      peak = Math.max(peak, procMemory(app.pid).rssMb);
    }
    const during = procMemory(app.pid).rssMb;
    release();
    const bytes = await Promise.all(readers);
    const result = { idle, during, peak, bytes };
    console.log(
      `${READERS} slow readers: RSS idle ${idle.toFixed(1)} MB, after ${READ_SECONDS} s ${during.toFixed(1)} MB, peak ${peak.toFixed(1)} MB`,
    );
    await writeResult('slow-readers', report(result));
  } finally {
    await app.stop();
    await fixture.stop();
  }
}

function report(r) {
  const above = r.peak - r.idle;
  const readKb = r.bytes.reduce((a, b) => a + b, 0) / 1024 / r.bytes.length;
  return `# Slow readers: memory held per client that reads slowly

Written by \`bench/slow-readers.bench.mjs\` (\`npm run bench slow-readers\`).
Machine: ${machine()}.

${READERS} streamed answers at once; each client reads 1 KB a second for ${READ_SECONDS} s (it read
${readKb.toFixed(1)} KB on average). The LLM fixture streams a ${WORDS}-word answer as fast as its
socket takes it (it waits for each write to be flushed). The app: \`NODE_ENV=production\`,
\`LLM_BASE_URL\` = the fixture, the local index. RSS from \`/proc/<pid>/status\`.

| App RSS | MB |
| --- | --- |
| idle, before the readers | ${r.idle.toFixed(1)} |
| after ${READ_SECONDS} s of slow reading | ${r.during.toFixed(1)} |
| peak during the run | ${r.peak.toFixed(1)} |
| **peak above idle** | **${above.toFixed(1)}** |

Target < 10 MB above idle: ${above < 10 ? 'met' : '**missed**'}. Before backpressure (issue 15's
measurement) 20 slow readers took RSS from 164 to 676 MB.
`;
}

await main();
process.exit(0);
