// The TypeScript LLM fixture (test/fixtures/llm-server.ts) for benchmarks: transpiled with
// @swc/core into a temp dir, and run as its own process (`node llm-fixture.mjs`), steered over IPC,
// so it never shares an event loop with the client or the app being measured.
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { track, stopChild } from './processes.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const SOURCES = ['llm-server', 'llm-fixture-shapes', 'llm-fixture-stream', 'llm-fixture-research'];

/** Transpiles the fixture to CommonJS and returns the `LlmFixtureServer` class. */
export function loadFixtureClass() {
  const { transformFileSync } = require('@swc/core');
  const out = join(tmpdir(), 'answergate-bench-fixtures');
  mkdirSync(out, { recursive: true });
  for (const name of SOURCES) {
    const { code } = transformFileSync(join(here, '..', '..', 'test', 'fixtures', `${name}.ts`), {
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
      sourceMaps: false,
    });
    writeFileSync(join(out, `${name}.js`), code);
  }
  return require(join(out, 'llm-server.js')).LlmFixtureServer;
}

/** Starts the fixture in a child process; `command()` changes its delay and answer length. */
export async function startFixtureProcess() {
  const child = track(fork(fileURLToPath(import.meta.url), ['--serve'], { stdio: 'inherit' }));
  const pending = [];
  const url = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the LLM fixture exited with ${code}`)));
    child.once('message', (message) => resolve(message.url));
  });
  child.on('message', (message) => pending.shift()?.(message));
  return {
    url,
    pid: child.pid,
    /**
     * Sends `{ delayMs?, words?, steady?, reset?, last?, durations? }`; resolves with the
     * fixture's reply (`last`: the last request's body; `durations`: each request's time from
     * arrival to the end of its answer, in order, since the last command). Or
     * `{ outcomes: 'text' }`, which changes nothing: how the requests since the last other
     * command whose messages contain that text have ended so far, by outcome.
     */
    command: (message) =>
      new Promise((resolve) => {
        pending.push(resolve);
        child.send(message);
      }),
    stop: () => stopChild(child),
  };
}

/** How many of `requests` that mention `text` ended each way so far (`open`: not yet). */
async function countOutcomes(requests, text) {
  const counts = { open: 0 };
  for (const record of requests) {
    if (!JSON.stringify(record.body?.messages ?? []).includes(text)) continue;
    // An outcome already settled wins the race against the one settled just now.
    const outcome = await Promise.race([record.outcome, Promise.resolve('open')]);
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}

/** Milliseconds from a request's arrival to the end of its answer, on the fixture's clock. */
const durationOf = (record) => (record.endedAt ?? NaN) - record.receivedAt;

/** The default answer (citing the prompt's sources), stretched to about `count` words. */
function stretch(answer, count) {
  const words = answer.split(' ');
  return Array.from({ length: count }, (_, i) => words[i % words.length]).join(' ');
}

async function serve() {
  const LlmFixtureServer = loadFixtureClass();
  const fixture = await LlmFixtureServer.start();
  let words = 0;
  const defaultRespond = fixture.respond;
  process.on('message', async (message) => {
    if (message.outcomes) {
      process.send({ ok: true, outcomes: await countOutcomes(fixture.requests, message.outcomes) });
      return;
    }
    if (message.reset) fixture.reset();
    if (message.delayMs !== undefined) fixture.chunkDelayMs = message.delayMs;
    if (message.steady !== undefined) fixture.steadyPace = message.steady;
    if (message.words !== undefined) words = message.words;
    fixture.respond = (request) => {
      const answer = defaultRespond(request);
      return words > 0 ? stretch(answer, words) : answer;
    };
    const last = message.last ? fixture.requests.at(-1)?.body : undefined;
    const durations = message.durations ? fixture.requests.map(durationOf) : undefined;
    // Recorded requests would pile up over thousands of calls: keep none between commands.
    fixture.requests.length = 0;
    process.send({ ok: true, last, durations });
  });
  process.on('disconnect', () => void fixture.close().then(() => process.exit(0)));
  process.send({ url: fixture.url });
}

if (process.argv[2] === '--serve') await serve();
