// Opens many SSE streams at once against a separate app process while sampling its memory
// (/proc), with its heap and open-stream gauge (/metrics) when the most streams are open.
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { newAgent, streamChat, summarize } from './http-client.mjs';
import { procCpuSeconds, procMemory, scrapeMetrics } from './processes.mjs';

const GAUGES = [
  'answergate_nodejs_heap_size_used_bytes',
  'answergate_nodejs_heap_size_total_bytes',
  'answergate_active_sse_streams',
];

/**
 * `app`: { url, pid }; `fixturePid` for its CPU time; `body(i)` is stream i's request body.
 * Resolves when every stream has ended.
 */
export async function openStreams({ app, fixturePid, metricsToken, streams, body, headers }) {
  const agent = newAgent(streams + 100);
  let open = 0;
  let peakOpen = 0;
  let peakRss = 0;
  let atPeak;
  let scraping = false;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, procMemory(app.pid).rssMb);
    // The scrape nearest the most streams open (at most one a second) is the "at peak" reading.
    if (scraping || open === 0 || (atPeak && (open < atPeak.open || Date.now() - atPeak.at < 1000)))
      return;
    scraping = true;
    const sample = { open, at: Date.now(), ...procMemory(app.pid) };
    void scrapeMetrics(app.url, metricsToken, GAUGES)
      .then((metrics) => (atPeak = { ...sample, metrics }))
      .finally(() => (scraping = false));
  }, 50);

  const cpuBefore = [procCpuSeconds(app.pid), procCpuSeconds(fixturePid), process.cpuUsage()];
  const started = performance.now();
  let allOpenMs = NaN;
  const onFirstEvent = () => {
    open += 1;
    peakOpen = Math.max(peakOpen, open);
    if (open === streams) allOpenMs = performance.now() - started;
  };
  const results = await Promise.all(
    Array.from({ length: streams }, (_, i) =>
      streamChat(`${app.url}/v1/chat/completions`, body(i), { headers, agent, onFirstEvent }).then(
        (result) => {
          if (result.events > 0) open -= 1;
          return result;
        },
      ),
    ),
  );
  const wallMs = performance.now() - started;
  const clientCpu = process.cpuUsage(cpuBefore[2]);
  const cpu = {
    app: procCpuSeconds(app.pid) - cpuBefore[0],
    fixture: procCpuSeconds(fixturePid) - cpuBefore[1],
    client: (clientCpu.user + clientCpu.system) / 1e6,
  };
  clearInterval(sampler);
  await sleep(200); // lets a scrape still in flight land
  agent.destroy();

  const failed = results.filter((r) => r.error || !r.done || r.status !== 200);
  const reasons = failed.map((r) => r.error ?? `no [DONE] (status ${r.status})`);
  return {
    streams,
    completed: results.length - failed.length,
    errors: failed.length,
    errorSamples: [...new Set(reasons)].slice(0, 3),
    bytes: results.reduce((n, r) => n + r.bytes, 0),
    events: results.reduce((n, r) => n + r.events, 0),
    wallMs,
    cpu,
    allOpenMs,
    peakOpen,
    firstEvent: summarize(results.map((r) => r.firstEventMs)),
    atPeak,
    peakRss,
    hwmMb: procMemory(app.pid).hwmMb,
  };
}
