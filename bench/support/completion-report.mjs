// Markdown for bench/results/completion.md, from what completion.bench.mjs measured.
const ms = (v) => (Number.isFinite(v) ? v.toFixed(2) : 'n/a');
const mb = (v) => (Number.isFinite(v) ? v.toFixed(0) : 'n/a');
const verdict = (ok) => (ok ? 'met' : '**missed**');
const row = (label, s) =>
  `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.mean)} |`;

function phaseTable(p) {
  return `### ${p.label}

${p.ttft.n} measured iterations; ${p.sources} sources, an upstream prompt of ${p.promptChars} characters.

| Milestone (ms from sending the request) | p50 | p95 | p99 | mean |
| --- | --- | --- | --- | --- |
${row('Gateway: sources chunk (first `data:` event)', p.tts)}
${row('Gateway: first content token', p.ttft)}
${row('Gateway: end of stream (`[DONE]`)', p.end)}
${row('Fixture LLM directly: first content token', p.directTtft)}
${row('Fixture LLM directly: end of stream', p.directEnd)}
${row('`POST /v1/search` through the gateway (round trip)', p.search)}
${row('`GET /v1/models` through the gateway (round trip)', p.models)}
| **Overhead, computed per iteration, then percentiles** | | | | |
${row('A. first token, gateway − direct (search included)', p.overTtft)}
${row('**E. A − (`/v1/search` − `/v1/models`): overhead beyond the search**', p.estimate)}
${row('B. A − `/v1/search` round trip (lower bound)', p.beyondSearch)}
${row('C. (first token − sources chunk) − direct first token (lower bound)', p.afterSources)}
${row('D. end of stream, gateway − direct − `/v1/search` round trip', p.overEnd)}
`;
}

export function latencyReport(phases, config) {
  const verdicts = phases
    .map(
      (p) =>
        `- ${p.label}: E p50 **${ms(p.estimate.p50)} ms** (bounds: B ${ms(p.beyondSearch.p50)}, C ${ms(p.afterSources.p50)}, A ${ms(p.overTtft.p50)}): ${verdict(p.estimate.p50 < 5)}.`,
    )
    .join('\n');
  return `## Configuration

- The app: \`node dist/apps/api/src/main.js\` as its own process, \`NODE_ENV=production\`,
  \`SEARCH_PROVIDER=local\` over \`docs/\`, \`LLM_BASE_URL\` = the fixture, \`LLM_MODEL=fixture-model\`,
  \`LOG_LEVEL=info\` with stdout to a file (${Math.round(config.logBytes / 1024)} KB of JSON lines over the run),
  \`METRICS_TOKEN\` set, \`SWAGGER_ENABLED=false\`, \`RATE_LIMIT_REQUESTS=0\`, \`RATE_LIMIT_CONCURRENT_STREAMS=0\`
  (the default 600 requests a minute would refuse this many sequential requests), no Redis.
- The LLM: \`test/fixtures/llm-server.ts\` (transpiled with @swc/core) in its own process, OpenAI chunk
  shapes, one word a chunk, a usage chunk (the app asks for \`include_usage\`), \`data: [DONE]\`.
- The client: this bench's process, \`node:http\` with a keep-alive \`Agent\`, timing from just before
  each request is sent. Chat request: \`{"model":"sonar","stream":true,"messages":[{"role":"user","content":"${config.QUESTION}"}]}\`.

## (a, b) Latency and the gateway's overhead

Each iteration sends, one at a time: (1) the fixture directly, with the exact body the gateway sends
it (captured from the fixture once: the same system prompt with the numbered sources, the same
\`stream_options\`); (2) \`POST /v1/search\` through the gateway with the question, \`max_results: 6\`,
\`max_tokens_per_page: 256\` (what the chat route searches with); (3) \`GET /v1/models\` through the
gateway; (4) the chat request through the gateway. ${config.WARMUP} warm-up iterations, then
${config.ITERATIONS} measured. The fixture answers without delay here, so these are all software
costs. Two app processes in turn: one with the search cache on (after the warm-up every search is a
cache hit), one with \`SEARCH_CACHE_TTL_SECONDS=0\` (every search runs the local index).

The overhead beyond the search itself, per iteration:
- **E** (the figure judged against the target): first token through the gateway − first token directly
  − the search's own cost, estimated as the \`/v1/search\` round trip minus a \`/v1/models\` round trip
  (the same HTTP, auth, logging and metrics work around a route that does nothing).
- **B** subtracts the whole \`/v1/search\` round trip, HTTP work included: a lower bound.
- **C** is what the gateway adds after it has sent its sources chunk (building the prompt, calling the
  LLM, decoding and re-encoding the first chunk): a lower bound too, as it leaves out the request's
  parsing, auth and validation before the search. **A** (search included) is the upper bound.

The app defines \`answergate_search_duration_seconds\` and \`answergate_search_cache_requests_total\`
in its metrics registry, but nothing records them yet, so the app's own search timing could not be
read from \`/metrics\`.

${phases.map(phaseTable).join('\n')}
Target, gateway overhead beyond the search itself p50 < 5 ms:
${verdicts}
`;
}

export function tokenizerReport(t) {
  return `## Where the gateway's time goes: tokenizing on every request

A CPU profile of the app under load (\`node --cpu-prof\`, 400 streams, taken while writing this
bench) put gpt-tokenizer among the top costs. Every answer BPE-encodes its sources twice, even on a
search cache hit: \`SearchService.search\` truncates each snippet to \`max_tokens_per_page\` *after*
the cache (so cached results are re-tokenized), and the pipeline's \`done\` event counted
\`citation_tokens\` over the whole sources block (it now sums per-source counts remembered by
hash, so the second row is paid once per distinct source, not per answer). Timed here in the bench process on this question's
${t.snippetChars.toLocaleString('en')} characters of snippets, with the built functions from \`dist/\`:

| Per answer | p50 ms | p99 ms |
| --- | --- | --- |
| \`truncateToTokens\` on the 6 snippets (256 tokens each) | ${ms(t.truncate.p50)} | ${ms(t.truncate.p99)} |
| \`countTokens\` of the sources block (\`citation_tokens\`) | ${ms(t.citations.p50)} | ${ms(t.citations.p99)} |
`;
}

const LOAD_ROWS = [
  ['Streams completed with `[DONE]`', (l) => `**${l.completed} / ${l.streams}**`],
  [
    'Errors',
    (l) => `**${l.errors}**${l.errorSamples.length ? ` (${l.errorSamples.join('; ')})` : ''}`,
  ],
  [
    'Bytes received / SSE events',
    (l) => `${(l.bytes / 1024 ** 2).toFixed(1)} MB / ${l.events.toLocaleString('en')}`,
  ],
  ['Peak streams open at once (client side)', (l) => l.peakOpen],
  ['All streams open after', (l) => `${ms(l.allOpenMs)} ms`],
  ['Wall time, first request to last `[DONE]`', (l) => `${ms(l.wallMs)} ms`],
  [
    'SSE events delivered per second (all streams)',
    (l) => Math.round(l.events / (l.wallMs / 1000)).toLocaleString('en'),
  ],
  ['App CPU seconds per wall second', (l) => (l.cpu.app / (l.wallMs / 1000)).toFixed(2)],
  [
    'CPU seconds used meanwhile: app / fixture / client',
    (l) => `${l.cpu.app.toFixed(1)} / ${l.cpu.fixture.toFixed(1)} / ${l.cpu.client.toFixed(1)}`,
  ],
  [
    'Sources chunk under load, p50 / p99',
    (l) => `${ms(l.firstEvent.p50)} / ${ms(l.firstEvent.p99)} ms`,
  ],
  [
    'Streams open at the peak scrape: client / `answergate_active_sse_streams`',
    (l) =>
      `${l.atPeak?.open ?? 'n/a'} / ${l.atPeak?.metrics?.answergate_active_sse_streams ?? 'n/a'}`,
  ],
  ['RSS idle after warm-up (heap used)', (l) => `${mb(l.idle.rssMb)} MB (${mb(l.idleHeapMb)} MB)`],
  ['RSS at the peak scrape', (l) => `${mb(l.atPeak?.rssMb)} MB`],
  [
    'Heap used / total at the peak scrape',
    (l) => `${mb(heapMb(l, 'used'))} / ${mb(heapMb(l, 'total'))} MB`,
  ],
  ['Highest RSS sampled / VmHWM (peak RSS)', (l) => `**${mb(l.peakRss)} / ${mb(l.hwmMb)} MB**`],
  [
    'RSS per open stream ((peak scrape − idle) / streams open then)',
    (l) => `${(((l.atPeak?.rssMb - l.idle.rssMb) * 1024) / l.atPeak?.open).toFixed(0)} KB`,
  ],
];
const heapMb = (l, kind) =>
  l.atPeak?.metrics?.[`answergate_nodejs_heap_size_${kind}_bytes`] / 1024 ** 2;
const title = (l) =>
  `${l.delayMs} ms a chunk, ${l.words} words (${((l.delayMs * (l.words + 2)) / 1000).toFixed(1)} s unloaded)`;

export function loadReport(loads) {
  const streams = loads[0].streams;
  const verdicts = loads
    .map(
      (l) =>
        `- ${title(l)}: zero errors: ${verdict(l.errors === 0 && l.completed === l.streams)}; VmHWM under 300 MB: ${verdict(l.hwmMb < 300)}; all ${streams} open at once: ${l.peakOpen === l.streams ? 'yes' : `**no** (peak ${l.peakOpen})`}.`,
    )
    .join('\n');
  return `## (c) ${streams.toLocaleString('en')} concurrent streams

For each fixture setting below, a fresh app process (same configuration as above, search cache on)
is warmed with 50 sequential requests; then the fixture is slowed to the given delay before every
chunk, answering the given number of words (one word a chunk), and the client opens all ${streams}
streams at once through one keep-alive \`Agent\` with ${streams + 100} sockets (\`ulimit -n\` here:
20000). The app's memory is read from \`/proc/<pid>/status\` every 50 ms, and its \`/metrics\`
(heap, open streams) at most once a second whenever the client has as many streams open as ever
(open = sources chunk received, \`[DONE]\` not yet): the last such scrape is the "peak scrape".
CPU seconds come from \`/proc/<pid>/stat\` (app, fixture) and \`process.cpuUsage()\` (client).

| | ${loads.map(title).join(' | ')} |
| --- | ${loads.map(() => '---').join(' | ')} |
${LOAD_ROWS.map(([label, f]) => `| ${label} | ${loads.map(f).join(' | ')} |`).join('\n')}

Targets (${streams} streams with zero errors; peak RSS under 300 MB):
${verdicts}

What limits it: the app relays every upstream chunk as its own SSE event (decode, \`JSON.parse\`,
rxjs operators, \`JSON.stringify\`) on one event loop; events of the same tick now share one
\`res.write\` (one \`writev\`), which only helps once the loop lags and reads carry several chunks.
When the streams together ask for more events per second than that loop can relay, every stream
slows down (the wall time above against the unloaded length) and new requests wait behind the
relaying (the sources-chunk p99), so fewer streams are open at once. A one-off CPU profile of the
app before the change (\`--cpu-prof\`, 400 streams at 30 ms a chunk, not repeated by this bench) had
~12.9 s busy: \`writev\` 2.3 s self time, rxjs 3.2 s inclusive, gpt-tokenizer 1.5 s inclusive, GC 0.7 s.
Note: the machine was shared with other engineers' builds and test runs while this ran (load average
in the machine line), so the CPU-bound figures here are pessimistic.
`;
}
