// Markdown for bench/results/slow-readers.md, from what slow-readers.bench.mjs measured.

export const TARGET_MB = 10;
/** What one slow reader may cost beyond its socket buffers (issue 15). */
export const PER_READER_KB = 256;

const mb = (n) => n.toFixed(1);

export function slowReadersReport(runs, config) {
  const rows = [
    ['App heap setting', (r) => r.heap],
    [
      'Load average 1/5/15 min when the readers started',
      (r) => r.loadBefore.map((n) => n.toFixed(2)).join(' / '),
    ],
    ['RSS idle, before the readers (MB)', (r) => mb(r.idle)],
    [`RSS after ${config.READ_SECONDS} s of slow reading (MB)`, (r) => mb(r.during)],
    ['Peak RSS during the run (MB)', (r) => mb(r.peak)],
    ['**Peak RSS above idle (MB)**', (r) => `**${mb(r.peak - r.idle)}**`],
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
      'Peak RSS above idle, per reader (KB)',
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
  const verdict = (r) => {
    const above = r.peak - r.idle;
    const perReader = (above * 1024) / config.READERS;
    return `- \`CITATION_CHECK=${r.mode}\`, ${r.heap}: ${mb(above)} MB above idle, ${perReader.toFixed(0)} KB a reader: ${above < TARGET_MB && perReader < PER_READER_KB ? 'met' : '**missed**'}.`;
  };
  return `**Targets: 20 slow readers add less than ${TARGET_MB} MB of RSS above idle, and each holds less
than ${PER_READER_KB} KB beyond its socket buffers.**

${runs.map(verdict).join('\n')}

## Method

For each citation-check mode a fresh app process: \`NODE_ENV=production\`, the local index over
\`docs/\`, \`LLM_BASE_URL\` = the LLM fixture (\`test/fixtures/llm-server.ts\`, its own process),
\`LLM_TIMEOUT_MS=600000\`, rate limits off, \`LOG_LEVEL=warn\`; and for each mode two heap settings:
V8's default (no flags) and the image's own settings for a pod limited to the manifests'
${config.POD_MEMORY_MB}Mi: \`NODE_OPTIONS=${config.SHIPPED}\`, as printed by its entrypoint
(\`deploy/docker/node-heap.sh\` run with \`MEMORY_LIMIT_MB=${config.POD_MEMORY_MB}\`). One whole answer first (every code
path of a stream has run once), then the fixture is set to a ${config.WORDS.toLocaleString('en')}-word
answer (~14 MB of SSE from the fixture, one event a word; ~9 MB from the gateway with the check
at \`flag\`) written as fast as its socket takes it (it waits for each write to be flushed), 2 s
of rest, and the idle RSS is read. Then ${config.READERS} clients open streams at once
(\`${JSON.stringify(config.body)}\`); each pauses its response and reads 1 KB a second for
${config.READ_SECONDS} s. RSS from \`/proc/<pid>/status\` once a second; bytes from
\`/proc/<pid>/io\` of the app and of the fixture (\`rchar\`/\`wchar\`: everything read or written,
which here is the upstream and the readers). V8's heap spaces from the app's \`/metrics\` at idle and
once a second while the readers read (no GC is forced): the young generation's size tells whether
its semi-spaces grew under the load, the old space's use how much was promoted and not yet collected.

Kernel socket buffers (both ends of each loopback connection) are not part of the app's RSS, and
they are large: Linux grows a socket's send buffer up to \`net.ipv4.tcp_wmem\`'s maximum (4 MB on
this machine), so each reader's connection takes megabytes before \`res.write\` is ever refused.
Backpressure starts there: the gateway then stops reading the upstream (and pauses its socket)
until \`drain\`. In \`strip\` mode the gateway writes one chunk a sentence instead of one a word,
~2 MB for a whole answer, which fits in those buffers: it reads each answer to its end (14 MB
from the upstream) without being held back, and holds nothing for the readers in the process. With \`flag\` the gateway's output is larger than its socket
buffers, so every stream is held back after a few MB.


## Results

| | ${runs.map((r) => `\`CITATION_CHECK=${r.mode}\``).join(' | ')} |
| --- | ${runs.map(() => '---').join(' | ')} |
${rows.map(([label, f]) => `| ${label} | ${runs.map(f).join(' | ')} |`).join('\n')}

Before backpressure (issue 15's measurement) 20 slow readers took RSS from 164 to 676 MB.
`;
}
