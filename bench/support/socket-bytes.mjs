// Per-connection byte counts from the kernel (`ss -tin`): how much of each upstream answer a
// process has read, connection by connection, without any help from that process.
import { spawnSync } from 'node:child_process';

/**
 * Established TCP connections on this machine to 127.0.0.1:`port`, keyed by their local port:
 * `read`, the bytes the connecting process has taken from its socket so far (the kernel's
 * `bytes_received` less what is still queued in its receive buffer), and that `queued` count.
 */
export function bytesReadFrom(port) {
  const result = spawnSync('ss', ['-tinH', 'state', 'established', 'dst', `127.0.0.1:${port}`], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`ss failed: ${result.stderr}`);
  const connections = new Map();
  const lines = result.stdout.split('\n');
  for (let i = 0; i + 1 < lines.length; i += 1) {
    // "Recv-Q Send-Q local peer" (no state column with a state filter), then the details line.
    const head = /^(\d+)\s+\d+\s+\S+:(\d+)\s+\S+:(\d+)\s*$/.exec(lines[i]);
    if (!head || Number(head[3]) !== port) continue;
    const received = Number(/bytes_received:(\d+)/.exec(lines[i + 1])?.[1] ?? 0);
    const queued = Number(head[1]);
    connections.set(Number(head[2]), { read: received - queued, queued });
    i += 1;
  }
  return connections;
}
