// Rolling restart behind a real proxy: three replicas of the built app behind Debian's haproxy
// (health-checking /health/ready), one redis-server, the streaming LLM fixture, and load through
// the proxy (autocannon: plain chat answers and /v1/search; our own client: SSE streams, each
// checked for its `data: [DONE]`). Run 1, per proxy setup: SIGTERM each replica in turn, wait for
// it to exit, start it again, wait until haproxy has it UP, then the next. Run 2: kill -9 one
// replica under load. Counts per phase go to bench/results/rollout.md.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHECKS, haproxyConfig, startHaproxy, waitForStates } from './support/haproxy.mjs';
import { startFixtureProcess } from './support/llm-fixture.mjs';
import { BENCH_KEY, MAIN, freePort, startRedis } from './support/processes.mjs';
import { Replica } from './support/replicas.mjs';
import { RolloutLoad } from './support/rollout-load.mjs';
import { rolloutReport } from './support/rollout-report.mjs';
import { machine, writeResult } from './support/results.mjs';

const STEADY_MS = Number(process.env.BENCH_ROLLOUT_STEADY_MS ?? 5000);
const LOAD = { plainConnections: 20, streams: 10 };
/** Streams of ~40 words at 50 ms a chunk: about 2 s each, well inside the grace period. */
const FIXTURE = { delayMs: 50, words: 40 };
const GRACE_MS = 10_000;
/** Good answers of each kind before the measured phases: every replica has loaded its index. */
const WARM_UP = 30;
/** At least haproxy's time to mark a server DOWN: inter × fall (fastinter after the first failure). */
const DRAIN_DELAY_MS = 3000;
/**
 * An older build to measure the same way (`BENCH_ROLLOUT_BASELINE=/path/to/dist/apps/api/src/main.js`,
 * labelled by `BENCH_ROLLOUT_BASELINE_LABEL`), e.g. the commit before SHUTDOWN_DRAIN_DELAY_MS.
 */
const BASELINE = process.env.BENCH_ROLLOUT_BASELINE;
const BASELINE_LABEL = process.env.BENCH_ROLLOUT_BASELINE_LABEL ?? BASELINE;
const keepAlive = { retryOn: 'conn-failure', serverClose: false };
/** The build, its drain delay, and haproxy's retry and connection settings: one rolling restart each. */
const SETUPS = [
  ...(BASELINE ? [{ main: BASELINE, build: BASELINE_LABEL, drainDelayMs: 0, ...keepAlive }] : []),
  { drainDelayMs: 0, retryOn: 'conn-failure', serverClose: true },
  { drainDelayMs: 0, ...keepAlive },
  { drainDelayMs: DRAIN_DELAY_MS, ...keepAlive },
  { drainDelayMs: DRAIN_DELAY_MS, retryOn: 'conn-failure empty-response 503', serverClose: false },
].map((setup) => ({
  main: MAIN,
  build: 'this build',
  ...setup,
  name: `${setup.build ?? 'this build'}, SHUTDOWN_DRAIN_DELAY_MS=${setup.drainDelayMs}, haproxy retry-on ${setup.retryOn}, ${setup.serverClose ? 'http-server-close' : 'keep-alive to the app'}`,
}));
/** kill -9 with and without haproxy replaying requests that got no answer. */
const KILL_SETUPS = SETUPS.slice(-2).reverse();

const isUp = (state) => state === 'UP';

/** Starts haproxy over `replicas` and waits until every server is UP. */
async function proxyOver(replicas, setup) {
  const port = await freePort();
  const servers = replicas.map((r) => ({ name: r.name, port: r.port }));
  const proxy = await startHaproxy((statsSocket) =>
    haproxyConfig({ port, servers, statsSocket, ...setup }),
  );
  await waitForStates(proxy, (states) => replicas.every((r) => isUp(states[r.name])));
  return { ...proxy, url: `http://127.0.0.1:${port}` };
}

/** Ms from now until haproxy shows `replica` in a state matching `predicate`. */
const whenState = (proxy, replica, predicate, timeoutMs) =>
  waitForStates(proxy, (states) => predicate(states[replica.name] ?? ''), timeoutMs);

async function rollingRestart(replicas, setup) {
  const proxy = await proxyOver(replicas, setup);
  const load = new RolloutLoad(proxy.url, LOAD);
  const steps = [];
  let phases;
  try {
    load.start();
    await load.warmedUp(WARM_UP);
    load.setPhase('before');
    await sleep(STEADY_MS);
    for (const replica of replicas) {
      load.setPhase(`restart ${replica.name}`);
      const started = Date.now();
      const markedDown = whenState(proxy, replica, (s) => s.startsWith('DOWN'), 60_000);
      const exitCode = await replica.signal('SIGTERM');
      const exitMs = Date.now() - started;
      const downMs = await markedDown;
      const startedAgain = Date.now();
      await replica.start();
      const liveMs = Date.now() - startedAgain;
      const upMs = liveMs + (await whenState(proxy, replica, isUp, 60_000));
      steps.push({ replica: replica.name, exitCode, downMs, exitMs, liveMs, upMs });
    }
    load.setPhase('after');
    await sleep(STEADY_MS);
  } finally {
    phases = await load.stop();
    await proxy.stop();
  }
  return { setup, config: proxy.config, phases, steps };
}

async function killOne(replicas, setup) {
  const proxy = await proxyOver(replicas, setup);
  const load = new RolloutLoad(proxy.url, LOAD);
  const victim = replicas[1];
  let timeline;
  let phases;
  try {
    load.start();
    await load.warmedUp(WARM_UP);
    load.setPhase('before');
    await sleep(STEADY_MS);
    load.setPhase(`kill -9 ${victim.name}, until haproxy marks it DOWN`);
    const killed = Date.now();
    const markedDown = whenState(proxy, victim, (s) => s.startsWith('DOWN'), 60_000);
    await victim.signal('SIGKILL');
    const downMs = await markedDown;
    load.setPhase(`${victim.name} DOWN, two replicas serve`);
    await sleep(STEADY_MS);
    load.setPhase(`${victim.name} started again`);
    const restarted = Date.now();
    await victim.start();
    const upMs = Date.now() - restarted + (await whenState(proxy, victim, isUp, 60_000));
    load.setPhase('after');
    await sleep(STEADY_MS);
    timeline = { replica: victim.name, downMs, upMs, sinceKillMs: Date.now() - killed };
  } finally {
    phases = await load.stop();
    await proxy.stop();
  }
  return { setup, phases, timeline };
}

/** (Re)starts every replica not running the setup's build and drain delay, before any load. */
async function runSetup(replicas, { main, drainDelayMs }) {
  for (const replica of replicas) {
    const delay = String(drainDelayMs);
    const same = replica.main === main && replica.env.SHUTDOWN_DRAIN_DELAY_MS === delay;
    if (replica.running && same) continue;
    Object.assign(replica, { main, env: { ...replica.env, SHUTDOWN_DRAIN_DELAY_MS: delay } });
    if (replica.running) await replica.signal('SIGKILL');
    await replica.start();
  }
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'answergate-rollout-'));
  const redis = await startRedis();
  const fixture = await startFixtureProcess();
  await fixture.command(FIXTURE);
  const env = {
    NODE_ENV: 'production',
    API_KEYS: BENCH_KEY,
    SEARCH_PROVIDER: 'local',
    LLM_BASE_URL: fixture.url,
    LLM_MODEL: 'fixture-model',
    REDIS_URL: redis.url,
    // The schema's maximum: the bench measures restarts, not the limiter.
    RATE_LIMIT_REQUESTS: '1000000',
    RATE_LIMIT_CONCURRENT_STREAMS: '100000',
    SHUTDOWN_GRACE_MS: String(GRACE_MS),
    LOG_LEVEL: 'info',
  };
  const replicas = [];
  for (const name of ['r1', 'r2', 'r3']) {
    replicas.push(new Replica(name, await freePort(), env, join(dir, `${name}.log`)));
  }
  try {
    const rolling = [];
    for (const setup of SETUPS) {
      console.log(`rolling restart: ${setup.name}`);
      await runSetup(replicas, setup);
      rolling.push(await rollingRestart(replicas, setup));
    }
    const kills = [];
    for (const setup of KILL_SETUPS) {
      console.log(`kill -9 one replica: ${setup.name}`);
      await runSetup(replicas, setup);
      kills.push(await killOne(replicas, setup));
    }
    const logs = replicas.map((r) => readFileSync(r.logFile, 'utf8')).join('\n');
    const markdown = rolloutReport({
      machine: machine(),
      load: LOAD,
      fixture: FIXTURE,
      graceMs: GRACE_MS,
      checks: CHECKS,
      rolling,
      kills,
      graceOver: logs.split('\n').filter((l) => l.includes('Grace period over')).length,
    });
    await writeResult('rollout', markdown);
  } finally {
    await Promise.all(replicas.map((r) => r.running && r.signal('SIGKILL')));
    await fixture.stop();
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
