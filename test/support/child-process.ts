import type { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `ready` until it resolves true, or fails with the child's output when it exits or time runs out. */
export async function waitUntilReady(
  child: ChildProcess,
  ready: () => Promise<boolean>,
  what: string,
  output: () => string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${what} exited with ${child.exitCode}:\n${output()}`);
    }
    if (await ready().catch(() => false)) return;
    await sleep(50);
  }
  throw new Error(`${what} was not ready within ${timeoutMs} ms:\n${output()}`);
}

/** SIGTERM by pid, SIGKILL if it lingers; resolves once the process is gone. */
export async function stopByPid(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
    child.stdout?.destroy();
    child.stderr?.destroy();
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(child.pid, 'SIGTERM');
  const killed = sleep(graceMs, undefined, { ref: false }).then(() => {
    if (child.exitCode === null && child.signalCode === null && child.pid)
      process.kill(child.pid, 'SIGKILL');
  });
  await Promise.race([exited, killed.then(() => exited)]);
  // Our ends of its pipes would otherwise keep the test process alive.
  child.stdout?.destroy();
  child.stderr?.destroy();
}
