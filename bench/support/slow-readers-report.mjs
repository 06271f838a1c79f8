// Markdown for bench/results/slow-readers.md, from what slow-readers.bench.mjs measured.

export const TARGET_MB = 10;
/** What one slow reader may cost beyond its socket buffers (issue 15). */
export const PER_READER_KB = 256;

const mb = (n) => n.toFixed(1);

export function slowReadersReport(runs, config) {
  const rows = [
    [
      'Load average 1/5/15 min when the readers started',
      (r) => r.loadBefore.map((n) => n.toFixed(2)).join(' / '),
    ],
    ['RSS idle, before the readers (MB)', (r) => mb(r.idle)],
    [`RSS after ${config.READ_SECONDS} s of slow reading (MB)`, (r) => mb(r.during)],
    ['Peak RSS during the run (MB)', (r) => mb(r.peak)],
    ['**Peak RSS above idle (MB)**', (r) => `**${mb(r.peak - r.idle)}**`],
    [
      'Peak RSS above idle, per reader (KB)',
      (r) => (((r.peak - r.idle) * 1024) / config.READERS).toFixed(0),
    ],
    [
      'Read by each client, on average (KB)',
      (r) => (r.bytes.reduce((a, b) => a + b, 0) / 1024 / r.bytes.length).toFixed(1),
    ],
    [
      'Bytes the app read meanwhile (MB; `rchar`, all its sockets)',
      (r) => mb(r.appRead / 1024 ** 2),
    ],
  ];
  const verdict = (r) => {
    const above = r.peak - r.idle;
    const perReader = (above * 1024) / config.READERS;
    return `- \`CITATION_CHECK=${r.mode}\`: ${mb(above)} MB above idle, ${perReader.toFixed(0)} KB a reader: ${above < TARGET_MB && perReader < PER_READER_KB ? 'met' : '**missed**'}.`;
  };
  return `**Targets: 20 slow readers add less than ${TARGET_MB} MB of RSS above idle, and each holds less
than ${PER_READER_KB} KB beyond its socket buffers.**

${runs.map(verdict).join('\n')}

## Method

For each citation-check mode a fresh app process: \`NODE_ENV=production\`, the local index over
\`docs/\`, \`LLM_BASE_URL\` = the LLM fixture (\`test/fixtures/llm-server.ts\`, its own process),
\`LLM_TIMEOUT_MS=600000\`, rate limits off, \`LOG_LEVEL=warn\`. One whole answer first (every code
path of a stream has run once), then the fixture is set to a ${config.WORDS.toLocaleString('en')}-word
answer (~9 MB of SSE from the gateway) written as fast as its socket takes it (it waits for each
write to be flushed), 2 s of rest, and the idle RSS is read. Then ${config.READERS} clients open
streams at once (\`${JSON.stringify(config.body)}\`); each pauses its response and reads 1 KB a
second for ${config.READ_SECONDS} s. RSS from \`/proc/<pid>/status\` once a second; the bytes
the app read come from \`/proc/<pid>/io\` (\`rchar\`: everything it read from the upstream and the
clients), to show the answers were not drained into memory: without backpressure the app would
read all ${config.READERS} answers (~${config.READERS * 9} MB of SSE from the fixture) within seconds.
Kernel socket buffers (both ends of each loopback connection) are not part of the app's RSS.

## Results

| | ${runs.map((r) => `\`CITATION_CHECK=${r.mode}\``).join(' | ')} |
| --- | ${runs.map(() => '---').join(' | ')} |
${rows.map(([label, f]) => `| ${label} | ${runs.map(f).join(' | ')} |`).join('\n')}

Before backpressure (issue 15's measurement) 20 slow readers took RSS from 164 to 676 MB.
`;
}
