// Child processes for benchmarks (the built app, redis-server, fixtures): started on free ports,
// stopped by pid, and killed by pid when the bench exits for any reason.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
export const MAIN = join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js');
export const BENCH_KEY = 'bench-key-0123456789';
export const METRICS_TOKEN = 'bench-metrics-token';

/**
 * The app as production runs it over the LLM fixture at `llmUrl` and the local index of `docs/`,
 * request logs at info, limits off (a bench sends far more than the defaults allow); `extra` adds.
 */
export function fixtureAppEnv(llmUrl, extra = {}) {
  return {
    NODE_ENV: 'production',
    API_KEYS: BENCH_KEY,
    LOG_LEVEL: 'info',
    LLM_BASE_URL: llmUrl,
    LLM_MODEL: 'fixture-model',
    SEARCH_PROVIDER: 'local',
    LOCAL_INDEX_DIR: join(ROOT, 'docs'),
    RATE_LIMIT_REQUESTS: '0',
    RATE_LIMIT_CONCURRENT_STREAMS: '0',
    METRICS_TOKEN,
    SWAGGER_ENABLED: 'false',
    ...extra,
  };
}

/**
 * The NODE_OPTIONS the image's entrypoint (deploy/docker/node-heap.sh) sets for a container
 * limited to `memoryLimitMb`: the script itself is run, so a bench measures what ships.
 */
export function shippedNodeOptions(memoryLimitMb) {
  const script = join(ROOT, 'deploy', 'docker', 'node-heap.sh');
  const result = spawnSync('sh', [script, 'sh', '-c', 'printf %s "$NODE_OPTIONS"'], {
    env: { PATH: process.env.PATH, MEMORY_LIMIT_MB: String(memoryLimitMb) },
    encoding: 'utf8',
  });
  if (result.status !== 0 || !result.stdout) throw new Error(`${script} set no NODE_OPTIONS`);
  return result.stdout;
}

const children = new Set();

/** Remembers `child` so an exit of the bench (even a crash) kills it by pid. */
export function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

function killAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

/** SIGTERM by pid, SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stopChild(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(child, ready, what, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    if (await ready().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms`);
}

/**
 * `node dist/apps/api/src/main.js` with exactly `env` (plus PATH, HOST, PORT); `stdout` is
 * 'ignore', 'inherit' or a file descriptor (logs must not go to a TTY when measuring them).
 */
export async function startApp(env, { stdout = 'ignore' } = {}) {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  const port = await freePort();
  const child = track(
    spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', stdout, 'inherit'],
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitFor(child, async () => (await globalThis.fetch(`${url}/health/live`)).ok, 'the app');
  return { url, pid: child.pid, stop: () => stopChild(child) };
}

/** A throwaway redis-server on a free port: nothing persisted. */
export async function startRedis() {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = track(spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'inherit'] }));
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  await waitFor(child, async () => output.includes('Ready to accept connections'), 'redis-server');
  return { url: `redis://127.0.0.1:${port}`, pid: child.pid, stop: () => stopChild(child) };
}

/** VmRSS and VmHWM (peak RSS) of a process, in MB, from /proc. */
export function procMemory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, hwmMb: kb('VmHWM') / 1024 };
}

/** Reads named series (no labels) from a Prometheus text scrape. */
export async function scrapeMetrics(url, token, names) {
  const res = await globalThis.fetch(`${url}/metrics`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const text = await res.text();
  return Object.fromEntries(
    names.map((name) => [name, Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN)]),
  );
}

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function procCpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ 100)
}
