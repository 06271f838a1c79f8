import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port';

export const MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'api', 'src', 'main.js');

/** The built service running as a real process, with its output kept for assertions. */
export class AppProcess {
  readonly output: string[] = [];
  private readonly exited: Promise<number | null>;
  /** Called after every chunk of output (see `waitForLog`). */
  private readonly onOutput = new Set<() => void>();

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    const collect = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      for (const listener of [...this.onOutput]) listener();
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts `node dist/.../main.js` (run `npm run build` first) and waits until it serves. */
  static async start(env: Record<string, string>, liveTimeoutMs?: number): Promise<AppProcess> {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const app = new AppProcess(child, `http://127.0.0.1:${port}`);
    await app.waitUntilLive(liveTimeoutMs);
    return app;
  }

  /** Lines of output that parse as JSON log records. */
  logRecords(): Array<Record<string, unknown>> {
    return this.output.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }

  /**
   * The first log record matching `match`, as soon as the app writes it (the log stream is
   * asynchronous, so it may come after the response). Rejects, with the output so far, if
   * the app exits first or nothing matches within `timeoutMs` (a bound for failing, not a wait).
   */
  waitForLog(
    match: (record: Record<string, unknown>) => boolean,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const fail = (why: string) => {
        if (!this.onOutput.delete(check)) return;
        clearTimeout(timer);
        reject(new Error(`${why} before the log record came:\n${this.output.join('\n')}`));
      };
      const check = () => {
        const found = this.logRecords().find(match);
        if (!found) return;
        this.onOutput.delete(check);
        clearTimeout(timer);
        resolve(found);
      };
      const timer = setTimeout(() => fail(`${timeoutMs} ms passed`), timeoutMs);
      this.onOutput.add(check);
      check();
      void this.exited.then((code) => fail(`the app exited with ${code}`));
    });
  }

  /** Sends `signal` and resolves with the exit code. */
  stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill(signal);
    return this.exited;
  }

  whenExited(): Promise<number | null> {
    return this.exited;
  }

  // Under the e2e bound (90 s): loading the app on a loaded 2-core machine was seen to take over 25 s.
  private async waitUntilLive(timeoutMs = 75_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) {
        throw new Error(`the app exited with ${this.child.exitCode}:\n${this.output.join('\n')}`);
      }
      try {
        const res = await fetch(`${this.url}/health/live`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    this.child.kill('SIGKILL');
    throw new Error(`the app did not become live in ${timeoutMs} ms:\n${this.output.join('\n')}`);
  }
}
