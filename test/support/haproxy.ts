import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopByPid, waitUntilReady } from './child-process';
import { freePort } from './free-port';

/** Debian installs it in /usr/sbin, which a non-root PATH may lack. */
export const HAPROXY =
  process.env.HAPROXY_BIN ?? (existsSync('/usr/sbin/haproxy') ? '/usr/sbin/haproxy' : 'haproxy');
export const EXAMPLE_CONFIG = join(__dirname, '..', '..', 'deploy', 'haproxy', 'haproxy.cfg');

/** Replaces exactly one match of `pattern`, or fails: the example's layout is what the test relies on. */
function replaceOne(text: string, pattern: RegExp, by: string): string {
  const found = text.match(new RegExp(pattern.source, `${pattern.flags}g`))?.length ?? 0;
  if (found !== 1) throw new Error(`${pattern} matched ${found} times in ${EXAMPLE_CONFIG}`);
  return text.replace(pattern, by);
}

/**
 * `deploy/haproxy/haproxy.cfg` on this machine: its bind, stats socket and servers replaced by
 * the test's, everything else as operators get it; `retryOn` replaces its `retry-on` line.
 */
export function exampleConfig(
  port: number,
  statsSocket: string,
  servers: Record<string, string>,
  retryOn?: string,
): string {
  let text = readFileSync(EXAMPLE_CONFIG, 'utf8');
  text = replaceOne(text, /^(\s*)bind \S+$/m, `$1bind 127.0.0.1:${port}`);
  text = replaceOne(text, /^(\s*)stats socket \S+/m, `$1stats socket ${statsSocket}`);
  if (retryOn) text = replaceOne(text, /^(\s*)retry-on .*$/m, `$1retry-on ${retryOn}`);
  text = text.replace(/^\s*server \S+ \S+\n?/gm, '');
  const lines = Object.entries(servers).map(
    ([name, url]) => `    server ${name} ${new URL(url).host}`,
  );
  return `${text.trimEnd()}\n${lines.join('\n')}\n`;
}

/** Debian's haproxy in the foreground, with a stats socket to read what it thinks of each server. */
export class HaproxyProcess {
  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    private readonly statsSocket: string,
    readonly url: string,
  ) {}

  /** Starts haproxy with `config(port, statsSocket)`; resolves once its stats socket answers. */
  static async start(
    config: (port: number, statsSocket: string) => string,
  ): Promise<HaproxyProcess> {
    const dir = mkdtempSync(join(tmpdir(), 'answergate-haproxy-'));
    const statsSocket = join(dir, 'stats.sock');
    const port = await freePort();
    const file = join(dir, 'haproxy.cfg');
    writeFileSync(file, config(port, statsSocket));
    const check = spawnSync(HAPROXY, ['-c', '-q', '-f', file], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`haproxy -c rejected the config:\n${check.stderr}`);
    const child = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const proxy = new HaproxyProcess(child, dir, statsSocket, `http://127.0.0.1:${port}`);
    await waitUntilReady(
      child,
      async () => (await proxy.stats()).length > 0,
      'haproxy',
      () => output,
    );
    return proxy;
  }

  /** `show stat` rows of the backend's servers: name, status (UP, DOWN, ...) and 2xx answers. */
  async stats(): Promise<Array<{ name: string; status: string; ok: number }>> {
    const csv = await new Promise<string>((resolve, reject) => {
      const socket = connect(this.statsSocket);
      let text = '';
      socket.setEncoding('utf8');
      socket.on('connect', () => socket.end('show stat\n'));
      socket.on('data', (piece: string) => (text += piece));
      socket.on('error', reject);
      socket.on('close', () => resolve(text));
    });
    const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
    const columns = header.split(',');
    const at = (row: string[], name: string) => row[columns.indexOf(name)];
    return rows
      .map((line) => line.split(','))
      .filter((row) => at(row, 'type') === '2')
      .map((row) => ({
        name: at(row, 'svname'),
        status: at(row, 'status'),
        ok: Number(at(row, 'hrsp_2xx')),
      }));
  }

  async status(server: string): Promise<string | undefined> {
    return (await this.stats()).find((s) => s.name === server)?.status;
  }

  async stop(): Promise<void> {
    await stopByPid(this.child);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
