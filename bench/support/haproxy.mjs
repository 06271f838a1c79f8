// Debian's haproxy in front of the replicas for the rollout bench: its config written into a temp
// dir, run in the foreground as a child process (stopped by pid), and its view of each server read
// from its stats socket.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stopChild, track } from './processes.mjs';

export const HAPROXY = process.env.HAPROXY_BIN ?? '/usr/sbin/haproxy';

/** Health checks: every `inter` ms, `fall` failures take a server out, `rise` successes put it back. */
export const CHECKS = { inter: 1000, fastinter: 250, downinter: 500, fall: 2, rise: 2 };

/**
 * The config: round robin over `servers` (`[{ name, port }]`), each checked on `GET /health/ready`.
 * `serverClose`: one request per connection to the app (`option http-server-close`); otherwise
 * HAProxy keeps idle connections to the app and reuses them. `retryOn`: what HAProxy may replay on
 * another server (`option redispatch 1`).
 */
export function haproxyConfig({ port, servers, statsSocket, serverClose, retryOn }) {
  const { inter, fastinter, downinter, fall, rise } = CHECKS;
  return `global
    maxconn 4096
    stats socket ${statsSocket} mode 600 level admin

defaults
    mode http
    timeout connect 1s
    timeout client 300s
    timeout server 300s
    timeout http-request 10s
    timeout http-keep-alive 10s
    timeout queue 5s
    timeout check 2s
    # SSE: each event goes out as it arrives (HAProxy never buffers a response body; this also
    # turns off the small-packet merging).
    option http-no-delay
    ${serverClose ? 'option http-server-close' : 'option http-keep-alive'}
    # A request that could not reach a server (refused connection, a draining replica's 503,
    # ${retryOn.includes('empty-response') ? 'a server closing before any byte of answer, ' : ''}...) is replayed on another one.
    retries 3
    option redispatch 1
    retry-on ${retryOn}

frontend answergate
    bind 127.0.0.1:${port}
    default_backend replicas

backend replicas
    balance roundrobin
    option httpchk
    http-check send meth GET uri /health/ready ver HTTP/1.1 hdr Host localhost
    http-check expect status 200
    # No "on-marked-down shutdown-sessions": streams already open on a draining replica finish.
    default-server check inter ${inter} fastinter ${fastinter} downinter ${downinter} fall ${fall} rise ${rise}
${servers.map((s) => `    server ${s.name} 127.0.0.1:${s.port}`).join('\n')}
`;
}

/** Starts haproxy with `config(statsSocket)`; resolves once its stats socket answers. */
export async function startHaproxy(config) {
  const dir = mkdtempSync(join(tmpdir(), 'answergate-haproxy-'));
  const statsSocket = join(dir, 'stats.sock');
  const file = join(dir, 'haproxy.cfg');
  const text = config(statsSocket);
  writeFileSync(file, text);
  const check = spawnSync(HAPROXY, ['-c', '-q', '-f', file], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`haproxy -c rejected the config:\n${check.stderr}`);
  const child = track(spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'] }));
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited ${child.exitCode}: ${stderr}`);
    if (await statsCommand(statsSocket, 'show info').catch(() => '')) break;
    if (Date.now() > deadline) throw new Error('haproxy did not open its stats socket');
    await sleep(50);
  }
  return {
    config: text,
    pid: child.pid,
    /** `{ [server]: 'UP' | 'DOWN' | 'UP 1/2' | ... }` as HAProxy sees them now. */
    serverStates: () => serverStates(statsSocket),
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function statsCommand(socketPath, command) {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.end(`${command}\n`));
    socket.on('data', (piece) => (text += piece));
    socket.on('error', reject);
    socket.on('close', () => resolve(text));
  });
}

async function serverStates(socketPath) {
  const csv = await statsCommand(socketPath, 'show stat');
  const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
  const columns = header.split(',');
  const at = (name) => columns.indexOf(name);
  const states = {};
  for (const row of rows.map((line) => line.split(','))) {
    const name = row[at('svname')];
    if (row[at('pxname')] === 'replicas' && name !== 'BACKEND') states[name] = row[at('status')];
  }
  return states;
}

/** Polls until `predicate(states)` holds; resolves with the ms it took (rejects after `timeoutMs`). */
export async function waitForStates(proxy, predicate, timeoutMs = 30_000) {
  const started = Date.now();
  for (;;) {
    if (predicate(await proxy.serverStates())) return Date.now() - started;
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `haproxy states not reached in ${timeoutMs} ms: ${JSON.stringify(await proxy.serverStates())}`,
      );
    }
    await sleep(50);
  }
}
