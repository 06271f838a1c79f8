// Markdown for bench/results/production.md, from what production.bench.mjs measured.
import { cpus } from 'node:os';

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const pct = (ratio) => `${(ratio * 100).toFixed(0)} %`;
const env = (vars) =>
  Object.entries(vars)
    .map(([k, v]) => `\`${k}=${v}\``)
    .join(', ');

export function productionReport(servers, runs, proof, config) {
  const rps = runs.map((list) => median(list.map((r) => r.rps)));
  const [on, off, express, bare] = rps;
  const perRound = runs[0].map((r, i) => pct(r.rps / runs[1][i].rps)).join(', ');
  const rows = servers
    .map((server, i) => {
      const list = runs[i];
      const ok = list.reduce((n, r) => n + r.ok, 0);
      const total = list.reduce((n, r) => n + r.total, 0);
      const each = list.map((r) => Math.round(r.rps)).join(' / ');
      const p50 = median(list.map((r) => r.p50));
      const p99 = median(list.map((r) => r.p99));
      return `| ${server.label} | **${Math.round(rps[i])}** | ${each} | ${p50} / ${p99} | ${ok} / ${total} |`;
    })
    .join('\n');
  const ratio = on / off;
  return `## Method

autocannon in the bench process, ${config.CONNECTIONS} connections, \`GET /v1/models\` with
\`Authorization: Bearer <key>\` (a ${config.bytes}-byte JSON answer). Each server is its own process,
all running for the whole bench but loaded one at a time: a 2 s warm-up each, then ${config.ROUNDS}
rounds of ${config.SECONDS} s per server, the servers interleaved within each round so drift
(other work on the machine, CPU frequency) hits them alike. The figure is the median of the rounds.
On this ${cpus().length}-CPU machine autocannon, the server and (for "on") redis-server share the CPUs.

- **On** (production): ${env(config.onEnv)}; stdout (the JSON request logs) to a file; Swagger at its
  default (on); CORS at its default (\`*\`). Redis is a \`redis-server --save '' --appendonly no\`
  the bench starts on a free port and stops by pid.
- **Off** (the cheapest the config allows): ${env(config.offEnv)}; no \`REDIS_URL\`.
- **Bare Express** and **bare node:http**: one route answering the same JSON bytes, nothing else.

What cannot be switched off by configuration, so "off" still runs it: the bearer-key guard (with
no \`API_KEYS\` the app generates a key, it never runs open), helmet, CORS, the HTTP metrics
middleware (\`METRICS_TOKEN\` only guards \`/metrics\`; every request is timed into the histogram
either way), pino-http (with \`LOG_LEVEL=silent\` it still assigns a request id and sets
\`X-Request-Id\`), the drain check, the throttler guard (its \`skipIf\` short-cuts when the limit is 0),
the global validation pipe and exception filter. The "off" line therefore measures these too,
and the bare servers show what they cost together.

## Results

| Server | req/s (median) | req/s per round | latency p50 / p99 ms | 2xx / total |
| --- | --- | --- | --- | --- |
${rows}

- On / off: **${pct(ratio)}** (per round: ${perRound}). Target at least 70 %: ${ratio >= 0.7 ? 'met' : '**missed**'}.
- Off / bare Express: ${pct(off / express)}; on / bare Express: ${pct(on / express)}; bare Express / bare node:http: ${pct(express / bare)}.

Evidence that the "on" middleware ran during the measurement:

- Redis held ${proof.keys.length} rate-limit key(s) (\`${proof.keys.join(', ')}\`), counting
  **${proof.counted}** requests in the current 60 s window.
- A request afterwards got \`x-ratelimit-limit-requests: ${proof.headers['x-ratelimit-limit-requests']}\`,
  \`x-ratelimit-remaining-requests: ${proof.headers['x-ratelimit-remaining-requests']}\`.
- The log file held **${proof.logLines}** request lines (level info), the last one:

\`\`\`json
${proof.sampleLog}
\`\`\`

Noticed on the way: the request log line carries \`"route"\` twice (pino-http calls \`customProps\`
when the request starts, while \`req.route\` is still the middleware's \`{/*splat}\`, and again at the end), and the Redis key repeats the throttler's
name (\`answergate:rl:requests:requests:…\`). A CPU profile of the "off" app under this load
(one-off, not repeated by the bench) showed pino-http still creating a child logger per request at
\`LOG_LEVEL=silent\` (~11 % of its CPU) and GC ~10 %. The machine was shared with other engineers'
builds and tests while this ran (load average in the machine line); the interleaved rounds are
there so that noise hits every configuration alike.
`;
}
