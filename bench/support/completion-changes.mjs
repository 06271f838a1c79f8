// The "what each stream holds, and what changed" section of bench/results/completion.md: the
// measured breakdown (a one-off probe, not repeated by this bench) and the before/after table,
// the "after" column being this run.
const mb = (v) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');

// The same bench on the tree before the change (2026-11-24, load average 7.21 / 3.98 / 2.13), and
// the run committed before it (load 3.24 / 3.49 / 2.46).
const BEFORE = [
  { hwm: 582, atPeak: 520, heap: '170 / 392', perStream: 349, eventsPerS: 9280, appCpu: 0.43 },
  { hwm: 421, atPeak: 361, heap: '229 / 254', perStream: 228, eventsPerS: 6146, appCpu: 0.57 },
];
const COMMITTED = [551, 307];

function afterRow(l) {
  const perStream = ((l.atPeak?.rssMb - l.idle.rssMb) * 1024) / l.atPeak?.open;
  const heap = (kind) =>
    l.atPeak?.metrics?.[`answergate_nodejs_heap_size_${kind}_bytes`] / 1024 ** 2;
  return {
    hwm: l.hwmMb,
    atPeak: l.atPeak?.rssMb,
    heap: `${mb(heap('used'))} / ${mb(heap('total'))}`,
    perStream,
    eventsPerS: l.events / (l.wallMs / 1000),
    appCpu: l.cpu.app / (l.wallMs / 1000),
  };
}

const ROWS = [
  ['VmHWM (peak RSS)', (r) => `${mb(r.hwm)} MB`],
  ['RSS at the peak scrape', (r) => `${mb(r.atPeak)} MB`],
  ['Heap used / total at the peak scrape', (r) => `${r.heap} MB`],
  ['RSS per open stream', (r) => `${mb(r.perStream)} KB`],
  ['SSE events delivered per second', (r) => Math.round(r.eventsPerS).toLocaleString('en')],
  ['App CPU seconds per wall second', (r) => r.appCpu.toFixed(2)],
];

export function changesReport(loads) {
  const cells = loads.map((l, i) => [BEFORE[i], afterRow(l)]);
  const head = loads.map((l) => `${l.delayMs} ms: before | ${l.delayMs} ms: after`).join(' | ');
  const table = ROWS.map(
    ([label, f]) => `| ${label} | ${cells.map(([b, a]) => `${f(b)} | ${f(a)}`).join(' | ')} |`,
  ).join('\n');
  return `## What each open stream holds, and what changed

Measured once with a probe (not part of this bench): the built app with a \`--require\` hook that
writes \`process.memoryUsage()\`, heap-space sizes and the open sockets on a signal, and
\`v8.writeHeapSnapshot()\` at 1,000 open streams (50 ms a chunk), diffed against an idle snapshot;
plus \`--trace-gc\` and an RSS/heap timeline over the whole run.

- **The peak was garbage, not live data.** After all 1,000 streams opened, RSS was ~300 MB and the live
  heap (after a full GC) ~92 KB a stream. Then old space grew ~7-14 MB/s while the streams ran, and
  \`external\` ~3-5 MB/s (upstream read buffers), until the first major GC: heap used fell from 350 to
  157 MB, but the heap V8 had grown stayed, so RSS peaked at 530-580 MB. \`--trace-gc\`: a scavenge
  every ~120 ms, each promoting ~1 MB of per-token objects (a snapshot 9 s later showed the live set
  had grown only ~7 KB a stream, the answer text). Bigger young generations did not help
  (\`--max-semi-space-size\` 4 or 64: VmHWM 523 / 505 MB), nor did \`--no-allocation-site-pretenuring\`
  (484 MB). Cutting per-token allocations did: with the relay changes below, old space grows ~2-3 MB/s.
  The last two (one refreshed idle timer instead of a new \`setTimeout\` per chunk, and the content
  chunk as an object literal instead of \`{...header, choices, ...extra}\`) took the probe's VmHWM
  from 423-531 MB to 320-341 MB; either one alone gave 322-341 MB. Runs vary by ~±50 MB with the
  timing of V8's major GCs.
- **Live, a stream at 1,000 open held ~92 KB of heap** (self sizes from the snapshot diff): strings
  45 KB (the JSON body sent to the LLM, 14.5 KB, two-byte because snippets contain "…"; the system
  prompt, 14 KB; the six truncated snippets, 12.4 KB, cut again per request after the search cache;
  the response head, 1 KB), closures and contexts ~9 KB (81 closures, 73 contexts), arrays and
  objects ~15 KB, two sockets with their streams and parsers ~4 KB, five \`ReadableState\`s.
  axios' streamed response added an async generator, a second \`Readable\` and two async iterators
  (its \`maxContentLength\` check), and its closures kept the request config, body included, alive
  for the whole answer. After the change: ~68 KB (the body string and axios' layers are gone).
- Outside the heap: \`external\`/\`arrayBuffers\` ~14 KB a stream; socket write queues were empty
  (\`writableLength\` 0 on all 2,000 sockets); no follow-redirects (\`maxRedirects: 0\` already);
  pino's child logger and rxjs subscribers ~1-2 KB a stream. Idle RSS is ~178 MB (heap 85 MB total).

Changes:
- \`streamAsSse\` buffers the events of one tick and writes them with one \`res.write\` on
  \`process.nextTick\` (headers still go out at once; \`[DONE]\` goes with \`res.end\`; pending
  events are flushed before an error event).
- The LLM stream is POSTed with \`node:http\` (same connect-timeout transport, abort signal and error
  mapping; the 16 MiB cap is counted in the read loop) on a keep-alive \`http.Agent\` shared with axios
  (\`maxFreeSockets\` 64, no cap on sockets in use); \`CallGuard.touch()\` refreshes one timer.
- rxjs: a delta is passed on with \`filter\` instead of \`mergeMap(of(...))\`, and chunks are flattened
  without an inner subscription per token; the content chunk is one object literal.
- \`citation_tokens\` is the sum of per-source counts (each block with the separator after it, which
  gives exactly \`countTokens(formatSources(...))\`: a block always starts a new pre-tokenizer piece),
  remembered by the block's hash (LRU of 4,096), so repeated sources are not BPE-encoded again.

| | ${head} |
| --- | ${loads.map(() => '--- | ---').join(' | ')} |
${table}

"Before" is this bench on the tree just before the change, run on the same machine at load average
7.21 (the run committed before that, at load 3.24, had VmHWM ${COMMITTED.join(' / ')} MB). At 30 ms
a chunk the app is CPU-bound, so how many streams are open at once (and with it the memory) depends
on how busy the shared machine is: compare that column with care.
`;
}
