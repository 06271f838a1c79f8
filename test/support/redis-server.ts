import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';
import { stopByPid, waitUntilReady } from './child-process';
import { freePort } from './free-port';

/** A real `redis-server` on a free port of 127.0.0.1, nothing persisted; stop it by its pid. */
export class RedisServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** `port` restarts a server where a stopped one listened (a Redis restart, data lost). */
  static async start(port?: number): Promise<RedisServer> {
    port ??= await freePort();
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const server = new RedisServer(child, port);
    await waitUntilReady(
      child,
      () => server.ping(),
      'redis-server',
      () => output,
    );
    return server;
  }

  /** A fresh connection for assertions (the caller disconnects it). */
  client(): Redis {
    return new Redis(this.url, { lazyConnect: true, maxRetriesPerRequest: 0 });
  }

  async ping(): Promise<boolean> {
    const client = this.client();
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } finally {
      client.disconnect();
    }
  }

  /** Freezes the server (SIGSTOP): connections stay open, commands hang, as in a stall. */
  stall(): void {
    this.signal('SIGSTOP');
  }

  /** Wakes a stalled server (SIGCONT); it then runs the commands that waited. */
  resume(): void {
    this.signal('SIGCONT');
  }

  private signal(signal: NodeJS.Signals): void {
    const running = this.child.exitCode === null && this.child.signalCode === null;
    if (running && this.child.pid) process.kill(this.child.pid, signal);
  }

  /** Kills it hard (SIGKILL, after waking it so the signal is not held). */
  async kill(): Promise<void> {
    if (!this.child.pid || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    process.kill(this.child.pid, 'SIGKILL');
    await exited;
  }

  stop(): Promise<void> {
    this.resume();
    return stopByPid(this.child);
  }
}
