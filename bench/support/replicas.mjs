// Replicas of the built app on fixed ports (the proxy's config names them), each restartable on
// its own port; every process is tracked by pid so a crash of the bench kills it.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { MAIN, track } from './processes.mjs';

export class Replica {
  /** `logFile`: where its stdout and stderr go (appended across restarts); `main`: the build run. */
  constructor(name, port, env, logFile) {
    Object.assign(this, {
      name,
      port,
      env,
      logFile,
      main: MAIN,
      child: undefined,
      exited: undefined,
    });
  }

  get running() {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and resolves when `/health/live` answers 200. */
  async start(timeoutMs = 30_000) {
    const fd = openSync(this.logFile, 'a');
    const child = track(
      spawn(process.execPath, [this.main], {
        env: { PATH: process.env.PATH, HOST: '127.0.0.1', PORT: String(this.port), ...this.env },
        stdio: ['ignore', fd, fd],
      }),
    );
    closeSync(fd);
    this.child = child;
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve(code ?? signal)),
    );
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}`);
      const live = await globalThis.fetch(`${this.url}/health/live`).catch(() => undefined);
      if (live?.ok) return;
      await sleep(50);
    }
    throw new Error(`${this.name} was not live within ${timeoutMs} ms`);
  }

  /** Sends `signal` by pid; resolves with the exit code (or signal name) once the process is gone. */
  async signal(signal) {
    if (this.running) process.kill(this.child.pid, signal);
    return this.exited;
  }
}
