import { afterEach, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppProcess } from './support/app-process';
import { exampleConfig, HaproxyProcess } from './support/haproxy';
import { startAll } from './support/start-all';

const KEY = 'rollout-key-0123456789';
const headers = { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' };
/** Clients sending one request after another through haproxy. */
const CLIENTS = 8;

/** `/v1/models` and `/v1/search` in turn until `running()` is false; counts each status or error. */
async function client(url: string, running: () => boolean, seen: Record<string, number>) {
  for (let i = 0; running(); i += 1) {
    const request =
      i % 2 === 0
        ? fetch(`${url}/v1/models`, { headers })
        : fetch(`${url}/v1/search`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ query: 'readiness probe', max_results: 2 }),
          });
    const outcome = await request.then(
      async (res) => {
        await res.arrayBuffer();
        return `HTTP ${res.status}`;
      },
      (error: Error) => String((error.cause as { code?: string } | undefined)?.code ?? error),
    );
    seen[outcome] = (seen[outcome] ?? 0) + 1;
  }
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(50);
  }
}

describe('a replica shutting down behind haproxy (deploy/haproxy/haproxy.cfg, real processes)', () => {
  const apps: AppProcess[] = [];
  let proxy: HaproxyProcess | undefined;
  afterEach(async () => {
    await proxy?.stop();
    await Promise.all(apps.splice(0).map((app) => app.stop('SIGKILL')));
  });

  it('with SHUTDOWN_DRAIN_DELAY_MS, loses no request while one replica drains and exits, though haproxy retries only failed connections', async () => {
    const env = {
      API_KEYS: KEY,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_REQUESTS: '1000000',
      // Above the example's inter × fall (1 s × 2), with room for a slow machine.
      SHUTDOWN_DRAIN_DELAY_MS: '3000',
    };
    const [a, b] = await startAll([AppProcess.start(env), AppProcess.start(env)], (app) =>
      app.stop(),
    );
    apps.push(a, b);
    // haproxy's default retry-on: a 503 from a draining replica would reach the client.
    const started = await HaproxyProcess.start((port, socket) =>
      exampleConfig(port, socket, { a: a.url, b: b.url }, 'conn-failure'),
    );
    proxy = started;
    await until(
      async () => (await started.stats()).every((s) => s.status === 'UP'),
      'both replicas UP',
    );

    const seen: Record<string, number> = {};
    let running = true;
    const clients = Array.from({ length: CLIENTS }, () => client(started.url, () => running, seen));
    await until(() => Promise.resolve((seen['HTTP 200'] ?? 0) > 20), 'load flowing');
    const answeredByA = async () => (await started.stats()).find((s) => s.name === 'a')!.ok;
    const beforeSigterm = await answeredByA();
    a.child.kill('SIGTERM');
    const exitCode = await a.whenExited();
    const afterExit = await answeredByA();
    const statusOfA = await started.status('a');
    running = false;
    await Promise.all(clients);

    expect(Object.keys(seen)).toEqual(['HTTP 200']);
    expect(exitCode).toBe(0);
    // The draining replica kept answering through haproxy after SIGTERM, until haproxy took it out.
    expect(afterExit).toBeGreaterThan(beforeSigterm);
    expect(statusOfA).toMatch(/^DOWN/);
  });
});
