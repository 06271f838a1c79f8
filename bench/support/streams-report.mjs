// Markdown for bench/results/streams.md, from what streams.bench.mjs measured.

export const TARGET_MB = 250;

const mb = (n) => `${n.toFixed(0)} MB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** CPU time per SSE event the client received, in whole µs: the relaying process's, or `who`'s. */
export const usPerEvent = (r, who = 'app') => Math.round((r.cpu[who] * 1e6) / r.events);
const heapMb = (round, name) => round.atPeak?.metrics?.[name] / 1024 ** 2;

const ROWS = [
  ['App heap setting', (r) => r.heap],
  ['Questions', (r) => r.questions],
  ['Streams completed with `[DONE]`', (r) => `${r.completed} / ${r.streams}`],
  ['Errors', (r) => `**${r.errors}**${r.errors ? ` (${r.errorSamples.join('; ')})` : ''}`],
  [
    'Load average 1/5/15 min when the streams opened',
    (r) => r.loadBefore.map((n) => n.toFixed(2)).join(' / '),
  ],
  ['Peak streams open at once (client side)', (r) => String(r.peakOpen)],
  ['All streams open after', (r) => ms(r.allOpenMs)],
  [
    'Time to the first chunk, p50 / p95 / p99',
    (r) => `${ms(r.firstEvent.p50)} / ${ms(r.firstEvent.p95)} / ${ms(r.firstEvent.p99)}`,
  ],
  ['Wall time, first request to last `[DONE]`', (r) => ms(r.wallMs)],
  ['RSS idle after warm-up (heap used)', (r) => `${mb(r.idle.rssMb)} (${mb(r.idleHeapMb)})`],
  [
    'RSS at the peak scrape (streams open then)',
    (r) => (r.atPeak ? `${mb(r.atPeak.rssMb)} (${r.atPeak.open})` : 'n/a'),
  ],
  [
    'Heap used / total at the peak scrape',
    (r) =>
      `${mb(heapMb(r, 'answergate_nodejs_heap_size_used_bytes'))} / ${mb(heapMb(r, 'answergate_nodejs_heap_size_total_bytes'))}`,
  ],
  ['**Peak RSS (VmHWM)**', (r) => `**${mb(r.hwmMb)}**`],
  [
    'Peak RSS above idle, per stream',
    (r) => `${(((r.hwmMb - r.idle.rssMb) * 1024) / r.streams).toFixed(0)} KB`,
  ],
  ['App CPU per event relayed (user + system)', (r) => `${usPerEvent(r)} µs`],
  [
    'CPU seconds: app / fixture / client',
    (r) => `${r.cpu.app.toFixed(1)} / ${r.cpu.fixture.toFixed(1)} / ${r.cpu.client.toFixed(1)}`,
  ],
];

/** The same load through a bare node:http pipe: the machine's own cost of relaying it. */
function barePipeSection(pipe, config) {
  const perSecond = (config.STREAMS * 1000) / config.DELAY_MS;
  const cores = (us) => ((perSecond * us) / 1e6).toFixed(2);
  return `## The same load through a bare pipe

At ${config.DELAY_MS} ms a chunk, ${config.STREAMS.toLocaleString('en')} streams ask for ${perSecond.toLocaleString('en')} events a second. Before the rounds above,
the same ${config.STREAMS.toLocaleString('en')} streams (one question for all) went through a bare node:http process that pipes the
fixture's bytes back untouched (\`bench/support/bare-pipe.mjs\`: no parsing, re-encoding, search or
framework), warmed up the same way. At the load average ${pipe.loadBefore.map((n) => n.toFixed(2)).join(' / ')}:
${pipe.completed} / ${pipe.streams} completed, ${pipe.peakOpen} open at once at the peak, all open after ${ms(pipe.allOpenMs)},
first chunk p50 / p95 ${ms(pipe.firstEvent.p50)} / ${ms(pipe.firstEvent.p95)}, peak RSS ${mb(pipe.hwmMb)}, and it used **${usPerEvent(pipe)} µs of CPU
per event** (${cores(usPerEvent(pipe))} cores' worth at this pace); the fixture ${usPerEvent(pipe, 'fixture')} µs and the client
${usPerEvent(pipe, 'client')} µs per event. The app's own figure per round is in the table above: at this pace each
10 µs per event is ${cores(10)} of the machine's 2 cores, which it shares with the fixture and the client.
`;
}

export function streamsReport(rounds, config, pipe) {
  const verdicts = config.HEAPS.flatMap(({ label: heap }) =>
    config.QUESTIONS.map(({ label: questions }) => {
      const of = rounds.filter((r) => r.heap === heap && r.questions === questions);
      const peaks = of.map((r) => r.hwmMb);
      const errors = of.reduce((n, r) => n + r.errors, 0);
      // A round where the streams never were all open at once proves nothing about that many.
      const leastOpen = Math.min(...of.map((r) => r.peakOpen));
      const allOpen = leastOpen === config.STREAMS;
      const over = Math.max(...peaks) >= TARGET_MB || errors > 0;
      const verdict = !over && allOpen ? 'met' : over ? '**missed**' : '**not shown**';
      return { label: `${heap}, ${questions}`, peaks, errors, leastOpen, allOpen, verdict };
    }),
  );
  const lines = verdicts
    .map(
      (v) =>
        `- ${v.label}: peak RSS per round ${v.peaks.map(mb).join(', ')} (median ${mb(median(v.peaks))}), ` +
        `errors ${v.errors}${v.allOpen ? '' : `, as few as ${v.leastOpen} open at once in a round`}: ` +
        `${v.verdict}.`,
    )
    .join('\n');
  return `**Target: ${config.STREAMS.toLocaleString('en')} streams open at once with zero errors and a peak RSS
(VmHWM) under ${TARGET_MB} MB in every round, for each heap setting and each mix of questions.**

${lines}

## Method

Each of the ${config.ROUNDS} rounds starts a fresh app process for each question mix and heap setting: \`node dist/apps/api/src/main.js\` with
\`NODE_ENV=production\`, the local index over \`docs/\` (search cache on), \`LLM_BASE_URL\` = the LLM fixture, \`LOG_LEVEL=info\` with stdout to a file,
\`METRICS_TOKEN\` set, \`SWAGGER_ENABLED=false\`, \`RATE_LIMIT_REQUESTS=0\` and
\`RATE_LIMIT_CONCURRENT_STREAMS=0\` (the defaults would refuse this many streams from one key),
\`CITATION_CHECK\` at its default (\`flag\`). Two mixes of questions: every stream asks the same question (the first
answer's search is cached and serves the rest, and streams share what they can), or every stream asks
a different one (e.g. \`${JSON.stringify(config.example)}\`: eight topics over \`docs/\`, each made
unique by its number, so each stream has its own search, sources and prompt). Two heap settings, interleaved round by round: V8's
default (no flags; its heap limit here is ~4 GB) and the image's own settings for a pod limited to
the manifests' ${config.POD_MEMORY_MB}Mi: \`NODE_OPTIONS=${config.SHIPPED}\`, as printed by its entrypoint
(\`deploy/docker/node-heap.sh\` run with \`MEMORY_LIMIT_MB=${config.POD_MEMORY_MB}\`). The app answers 50 streamed
requests one after the other (warm-up), rests 1 s, and its idle RSS is read. Then the fixture
(\`test/fixtures/llm-server.ts\`, transpiled, its own process) waits ${config.DELAY_MS} ms before every
chunk of a ${config.WORDS}-word answer (one word a chunk, then a usage chunk: long, so that the first streams
are still open when the last ones open even with the app behind the pace; with 400 words they
were not, in half the rounds of the last run), and this process opens all
${config.STREAMS} streams at once (the same question: \`${JSON.stringify(config.body)}\`) through one keep-alive \`Agent\`.
The app's RSS is read from \`/proc/<pid>/status\` every 50 ms (VmHWM is the kernel's own peak), its
\`/metrics\` (heap) at most once a second while the most streams are open. "First chunk" is the
time from sending the request to the first \`data:\` event (the role chunk with the sources).

## Results

| | ${rounds.map((_, i) => `Round ${i + 1}`).join(' | ')} |
| --- | ${rounds.map(() => '---').join(' | ')} |
${ROWS.map(([label, f]) => `| ${label} | ${rounds.map(f).join(' | ')} |`).join('\n')}

${barePipeSection(pipe, config)}`;
}
