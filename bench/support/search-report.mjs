// The search benchmark's results file: what was measured, against what ran before.
import { CONNECTIONS, HTTP_SECONDS, ROUNDS, WARMUP_SECONDS } from './search-http.mjs';
import { DOCS, QUERIES, VOCABULARY } from './search-corpus.mjs';
import { ms } from './search-local.mjs';
import { machine } from './results.mjs';

const verdict = (ok) => (ok ? 'met' : '**missed**');
const pct = (ratio) => `${(100 * ratio).toFixed(0)} %`;
const pct1 = (ratio) => `${(100 * ratio).toFixed(1)} %`;
const row = (r) =>
  `| ${r.label} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.hits.toFixed(1)} |`;
const rounds = (ratios) => ratios.map((r) => (100 * r).toFixed(0)).join(', ');
const httpRow = (r) =>
  `| ${r.label} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${pct(r.ratio)} (${rounds(r.ratios)}) | ${Math.round(r.cpuUs)} | ${r.ok} / ${r.total} |`;

function localSection({ buildMs, heap, shipped }, { rows, build, overlap }, scan) {
  return `## Local index: ${DOCS.toLocaleString('en')} generated documents

Documents are generated deterministically (seeded): a Zipf-distributed vocabulary of
${VOCABULARY.length.toLocaleString('en')} words, titles of 4-8 words, bodies of 100-190 words.
${QUERIES} queries of 1-3 mid-frequency words; every fifth is a prefix, every tenth has a typo.
Latency includes cutting the snippets of the (at most 10) results, as the provider does.

- Shipped \`LocalIndex\`: build **${(buildMs / 1000).toFixed(2)} s**, heap **+${Math.round(heap)} MB**;
  query p50 **${ms(shipped.p50)} ms**, p99 **${ms(shipped.p99)} ms** (target p99 < 10 ms: ${verdict(shipped.p99 < 10)}).
- MiniSearch, as shipped before, same corpus and run: build ${(build.buildMs / 1000).toFixed(2)} s, heap +${Math.round(build.heap)} MB.
- Ranking moved little: over the first ${overlap.queries} queries the new top 10 shares
  ${pct1(overlap.shared)} of its results with MiniSearch's, and the same first result in ${pct1(overlap.sameFirst)}.

| Variant | p50 ms | p99 ms | max ms | hits/query (≤10) |
| --- | --- | --- | --- | --- |
${[shipped, ...rows, scan].map(row).join('\n')}`;
}

function httpSection(http) {
  const rows = ['search', 'cut', 'logged', 'models', 'bare', 'beforeSearch', 'beforeModels']
    .map((id) => http[id])
    .filter(Boolean);
  return `## \`POST /v1/search\` on cache hits

autocannon in the bench process, ${CONNECTIONS} connections. Every server runs in its own child process,
all started up front; after a ${WARMUP_SECONDS} s warm-up each, ${ROUNDS} rounds load them one at a time for
${HTTP_SECONDS} s each, the order rotating every round. A ratio compares a server with bare Express in the
same round; the table gives medians over the rounds, and each round's ratio in brackets. CPU µs per
request is the server process's user + system time (from /proc) over the requests it answered:
it moves less than throughput when neighbours share the machine.
The app runs as in production (auth guard, rate-limit guard with the limit off, validation pipe,
security headers, error filter, metrics, request logs with \`LOG_LEVEL=silent\`; the "request logs
at \`info\`" row writes every request's line to /dev/null). The bare Express handler parses the JSON
body and returns the same ${http.bytes}-byte response (${http.results} results).

| Server | req/s | p50 ms | p99 ms | % of bare Express (rounds) | CPU µs/request | 2xx / total |
| --- | --- | --- | --- | --- | --- | --- |
${rows.map(httpRow).join('\n')}

\`/v1/search\` cache hits: **${pct(http.search.ratio)}** of bare Express (target at least 60 %: ${verdict(http.search.ratio >= 0.6)});
by CPU per request ${pct(http.search.cpuRatio)} (rounds: ${rounds(http.search.cpuRatios)}).
The app-wide stack alone (\`GET /v1/models\`: security headers, request logging, metrics, bearer guard,
rate-limit guard; no body, no validation, a small response) reaches ${pct(http.models.ratio)} of bare Express;
the search route costs another ${pct(1 - http.search.rps / http.models.rps)} of what the stack leaves
(body parsing, DTO validation, cache lookup and fusion, a ${http.bytes}-byte response).`;
}

export function report(local, alternatives, scan, http, notes) {
  return `# Search benchmark

Written by \`bench/search.bench.mjs\` (\`npm run bench:search\`).
Machine: ${machine()}.

${localSection(local, alternatives, scan)}

${httpSection(http)}

${notes}
`;
}
