// Markdown for bench/results/slow-readers.md, from what slow-readers.bench.mjs measured.

export const TARGET_MB = 10;
/** What one slow reader may cost beyond its socket buffers (issue 15). */
export const PER_READER_KB = 256;

const mb = (n) => n.toFixed(1);
const kb = (bytes) => (bytes / 1024).toFixed(0);
const mbOf = (bytes) => mb(bytes / 1024 ** 2);
/** What a process holds after a full GC: V8's used heap plus memory outside it (Buffers). */
const held = (usage) => usage.heapUsed + usage.external;
const heldCell = (usage) =>
  `${mbOf(held(usage))} (${mbOf(usage.heapUsed)} + ${mbOf(usage.external)})`;
/** Minimum–maximum of `values` bytes, in MB. */
const range = (values) =>
  values.length === 0
    ? 'none open'
    : `${mbOf(Math.min(...values))}–${mbOf(Math.max(...values))} (${values.length} open)`;
const outcome = (r, name) => r.held.outcomes[name] ?? 0;

export function slowReadersReport(runs, config) {
  const rows = [
    ['App heap setting', (r) => r.heap],
    [
      'Load average 1/5/15 min when the readers started',
      (r) => r.loadBefore.map((n) => n.toFixed(2)).join(' / '),
    ],
    ['RSS after the one warm-up answer (MB)', (r) => mb(r.coldIdle)],
    [
      `RSS idle after ${config.READERS} fast readers of the same answer, before the slow ones (MB)`,
      (r) => mb(r.idle),
    ],
    [`RSS after ${config.READ_SECONDS} s of slow reading (MB)`, (r) => mb(r.during)],
    ['Peak RSS during the run (MB)', (r) => mb(r.peak)],
    ['**Peak RSS above idle (MB)**', (r) => `**${mb(r.peak - r.idle)}**`],
    [
      'Peak RSS above the RSS after the one warm-up answer (MB; the figure before 2026-12-01)',
      (r) => mb(r.peak - r.coldIdle),
    ],
    [
      'Young generation (new space) size, idle → largest (MB)',
      (r) => `${mb(r.idleSpaces.newTotal)} → ${mb(r.peakSpaces.newTotal)}`,
    ],
    [
      'Old space used / size, idle → largest (MB)',
      (r) =>
        `${mb(r.idleSpaces.oldUsed)} / ${mb(r.idleSpaces.oldTotal)} → ${mb(r.peakSpaces.oldUsed)} / ${mb(r.peakSpaces.oldTotal)}`,
    ],
    [
      `Peak RSS above idle ÷ ${config.READERS} (KB; not memory held: see the method)`,
      (r) => (((r.peak - r.idle) * 1024) / config.READERS).toFixed(0),
    ],
    [
      'Read by each client, on average (KB)',
      (r) => (r.bytes.reduce((a, b) => a + b, 0) / 1024 / r.bytes.length).toFixed(1),
    ],
    [
      'Bytes the LLM fixture wrote to the app meanwhile (MB; its `wchar`)',
      (r) => mb(r.upstreamWrote / 1024 ** 2),
    ],
    [
      'Bytes the app read meanwhile (MB; `rchar`, almost all from the upstream)',
      (r) => mb(r.appRead / 1024 ** 2),
    ],
    [
      'Bytes the app wrote meanwhile (MB; `wchar`, almost all to the readers)',
      (r) => mb(r.appWritten / 1024 ** 2),
    ],
  ];
  const heldRows = [
    ['App heap setting', (r) => r.heap],
    [
      'Load average 1/5/15 min when the paused readers started',
      (r) => r.held.loadBefore.map((n) => n.toFixed(2)).join(' / '),
    ],
    [
      'Live memory idle, after a full GC (MB; heap used + external)',
      (r) => heldCell(r.held.idleLive),
    ],
    [
      `Live memory with ${config.READERS} paused readers, after a full GC (MB; heap used + external)`,
      (r) => heldCell(r.held.pausedLive),
    ],
    [
      '**Held per paused reader (KB)** (heap + external)',
      (r) =>
        `**${kb(r.held.heldPerReader)}** (${kb((r.held.pausedLive.heapUsed - r.held.idleLive.heapUsed) / config.READERS)} + ${kb((r.held.pausedLive.external - r.held.idleLive.external) / config.READERS)})`,
    ],
    [
      'Seconds until the streams were held back (the app reading < 256 KB/s)',
      (r) => (Number.isNaN(r.held.settledSeconds) ? 'not within the limit' : r.held.settledSeconds),
    ],
    [
      'Readers whose stream had ended (closed, failed, not 200) when it was read',
      (r) => r.held.cut,
    ],
    [
      `Read by the app meanwhile, per stream (MB; its \`rchar\` since idle ÷ ${config.READERS})`,
      (r) => mbOf(r.held.appRead / config.READERS),
    ],
    [
      'Read by the app from each upstream connection still open then (MB, min–max; `ss`)',
      (r) => range(r.held.upstream),
    ],
    ['A whole answer from the upstream (MB on the wire)', (r) => mbOf(r.wholeAnswer)],
    [
      'Upstream answers the fixture had written in full (to its socket; the app may not have read them) / not yet',
      (r) => `${outcome(r, 'completed')} / ${outcome(r, 'open')}`,
    ],
    [
      'RSS of the process when the paused readers were read (MB)',
      (r) => mbOf(r.held.pausedLive.rss),
    ],
  ];
  const verdict = (r) => {
    const above = r.peak - r.idle;
    const perReader = r.held.heldPerReader / 1024;
    return (
      `- \`CITATION_CHECK=${r.mode}\`, ${r.heap}: RSS ${mb(above)} MB above idle: ` +
      `${above < TARGET_MB ? 'met' : '**missed**'}; held ${perReader.toFixed(0)} KB a paused reader: ` +
      `${perReader < PER_READER_KB ? 'met' : '**missed**'}.`
    );
  };
  const table = (rowsOf) => `| | ${runs.map((r) => `\`CITATION_CHECK=${r.mode}\``).join(' | ')} |
| --- | ${runs.map(() => '---').join(' | ')} |
${rowsOf.map(([label, f]) => `| ${label} | ${runs.map(f).join(' | ')} |`).join('\n')}`;
  return `**Targets: ${config.READERS} slow readers add less than ${TARGET_MB} MB of RSS above idle, and each
holds less than ${PER_READER_KB} KB beyond its socket buffers** (judged on the memory held after a
full GC, not on RSS: see the method).

${runs.map(verdict).join('\n')}

## Method

For each citation-check mode a fresh app process: \`NODE_ENV=production\`, the local index over
\`docs/\`, \`LLM_BASE_URL\` = the LLM fixture (\`test/fixtures/llm-server.ts\`, its own process),
\`LLM_TIMEOUT_MS=600000\`, rate limits off, \`LOG_LEVEL=warn\`; and for each mode two heap settings:
V8's default (no flags) and the image's own settings for a pod limited to the manifests'
${config.POD_MEMORY_MB}Mi: \`NODE_OPTIONS=${config.SHIPPED}\`, as printed by its entrypoint
(\`deploy/docker/node-heap.sh\` run with \`MEMORY_LIMIT_MB=${config.POD_MEMORY_MB}\`). The bench adds
\`--inspect=127.0.0.1:<free port>\` to read the live heap (below); no product code is involved. One
whole answer first (every code path of a stream has run once), then the fixture is set to a
${config.WORDS.toLocaleString('en')}-word answer (~14 MB of SSE from the fixture, one event a word;
~9 MB from the gateway with the check at \`flag\`) written as fast as its socket takes it (it waits
for each write to be flushed).

**RSS** (the first phase; no GC is forced in it): 2 s of rest, and the RSS is read (the baseline
until 2026-12-01, still reported). Then ${config.READERS} clients ask the same question at once and
read their answers at full speed to the end, 2 s of rest, and the idle RSS is read: the readers'
target is judged above it. A process that has served one answer has not yet paid what any busy
process pays once (young-generation pages first touched, old-space garbage, code compiled; an ad
hoc run on 2026-12-01 saw RSS grow 6-9 MB over 50 short and 40 long answers with no slow reader),
and the fast readers process the same text the slow ones make it process, so what is above their
idle is what the readers' slowness adds. Then ${config.READERS} clients open streams at once
(\`${JSON.stringify(config.body)}\`); each pauses its response and reads 1 KB a second for
${config.READ_SECONDS} s. RSS from \`/proc/<pid>/status\` once a second; bytes from
\`/proc/<pid>/io\` of the app and of the fixture (\`rchar\`/\`wchar\`: everything read or written,
which here is the upstream and the readers). V8's heap spaces from the app's \`/metrics\` at idle and
once a second while the readers read: the young generation's size tells whether its semi-spaces grew
under the load, the old space's use how much was promoted and not yet collected. RSS above idle is
mostly that garbage (V8 collects the old space when it decides to), so RSS above idle divided by
the readers is not what a reader holds.

**Memory held per reader** (the second phase, same process, once the first readers and their upstream
requests have ended): the app's live memory is read through its inspector (the Chrome DevTools
Protocol over a WebSocket: \`HeapProfiler.collectGarbage\` twice, then \`process.memoryUsage()\`
evaluated in the app), idle and again with ${config.READERS} new paused readers (the same request with
"(paused)" added to its question, so the fixture tells their upstream requests apart; 1 KB a
second) once their streams are held back: every upstream request has arrived and the app
reads less than 256 KB a second from its upstreams, twice in a row (the readers' 1 KB a second lets
a little through). Held = V8's heap used + \`external\` (memory outside the heap that JS objects own,
Buffers included: a response's queued writes count as held), after the GC, with the readers minus
idle, divided by ${config.READERS}. The kernel's socket buffers are not in it (they are not the
process's memory). How far the streams got: the app's \`rchar\` since idle (almost all of it from the
upstream) per stream, and per connection from the app to the fixture still open, the bytes the app
had taken from its socket (\`ss -tin\`: \`bytes_received\` less the receive queue); the fixture's
count of answers written in full only says what it handed to the kernel (loopback buffers on both
ends hold up to ~10 MB). The idle reading comes after the first phase's
readers, so most one-time costs (code compiled for the paths a slow reader takes first, caches
filled once) are not counted against the readers; what is compiled only in the second phase is, so
the figure errs high.

Kernel socket buffers (both ends of each loopback connection) are not part of the app's memory, and
they are large: Linux grows a socket's send buffer up to \`net.ipv4.tcp_wmem\`'s maximum (4 MB on
this machine), so each reader's connection takes megabytes before \`res.write\` is ever refused.
Backpressure starts there: the gateway then stops reading the upstream (and pauses its socket)
until \`drain\`. In \`strip\` mode the gateway writes one chunk a sentence instead of one a word,
~2 MB for a whole answer, which fits in those buffers: it reads each answer to its end (14 MB
from the upstream) without being held back. With \`flag\` the gateway's output is larger than its
socket buffers, so every stream is held back after a few MB.

## Results

### RSS (no GC forced)

${table(rows)}

### Memory held per paused reader (after a full GC)

${table(heldRows)}

Before backpressure (issue 15's measurement) 20 slow readers took RSS from 164 to 676 MB.
`;
}
