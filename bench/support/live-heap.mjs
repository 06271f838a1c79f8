// The live memory of another Node process, read through its inspector after a forced full GC:
// what the process holds, not the garbage it has not yet collected (which RSS includes).
import { setTimeout as sleep } from 'node:timers/promises';
import { connectInspector } from './inspector-client.mjs';
import { freePort } from './processes.mjs';

/**
 * NODE_OPTIONS for a process whose live heap will be read: `nodeOptions` plus an inspector on a
 * free loopback port (bench-only; nothing in the product changes).
 */
export async function withInspector(nodeOptions) {
  const port = await freePort();
  const inspect = `--inspect=127.0.0.1:${port}`;
  return { port, nodeOptions: nodeOptions ? `${nodeOptions} ${inspect}` : inspect };
}

/**
 * Connects to the inspector at `port`. `read()` forces a full GC twice (the second collects what
 * the first one's finalizers released, such as Buffers' backing stores), then returns
 * `process.memoryUsage()` of that process, in bytes.
 */
export async function openLiveHeap(port) {
  const inspector = await connectInspector(port);
  return {
    inspector,
    async read() {
      await inspector.send('HeapProfiler.collectGarbage');
      await sleep(100);
      await inspector.send('HeapProfiler.collectGarbage');
      const { result } = await inspector.send('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())',
        returnByValue: true,
      });
      return JSON.parse(result.value);
    },
    close: () => inspector.close(),
  };
}
