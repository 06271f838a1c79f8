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

  static async start(): Promise<RedisServer> {
    const port = await freePort();
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

  stop(): Promise<void> {
    return stopByPid(this.child);
  }
}
