// The search benchmark's results file: what was measured, against what ran before.
import { CONNECTIONS, CUT_BODY, HTTP_SECONDS, WARMUP_SECONDS } from './search-http.mjs';
import { DOCS, QUERIES, VOCABULARY } from './search-corpus.mjs';
import { ms } from './search-local.mjs';
import { machine } from './results.mjs';

const verdict = (ok) => (ok ? 'met' : '**missed**');
const pct = (ratio) => `${(100 * ratio).toFixed(0)} %`;
const pct1 = (ratio) => `${(100 * ratio).toFixed(1)} %`;
const row = (r) =>
  `| ${r.label} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${r.hits.toFixed(1)} |`;
const httpRow = (label, r) =>
  `| ${label} | ${Math.round(r.rps)} | ${r.p99} | ${r.ok} / ${r.total} |`;

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
  const ratio = http.nest.rps / http.plain.rps;
  return `## \`POST /v1/search\` on cache hits

autocannon in the bench process, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${HTTP_SECONDS} s measured; each server
in its own child process (one after the other), so the load generator does not share its event loop.
The app runs as in production (auth guard, rate-limit guard with the limit off, validation pipe,
helmet, error filter, pino with level silent). The bare Express handler parses the JSON body and
returns the same ${http.bytes}-byte response (${http.results} results).

| Server | req/s | p99 latency ms | 2xx / total |
| --- | --- | --- | --- |
${httpRow('Answergate `/v1/search` (cache hit)', http.nest)}
${httpRow(`Answergate \`/v1/search\` (cache hit, \`max_tokens_per_page: ${CUT_BODY.max_tokens_per_page}\`)`, http.cut)}
${httpRow('Answergate `GET /v1/models` (same stack, no search)', http.models)}
${httpRow('Bare Express, same JSON', http.plain)}

Ratio: **${pct(ratio)}** of bare Express (target at least 50 %: ${verdict(ratio >= 0.5)}).
The app-wide stack alone (\`GET /v1/models\`: helmet, request logging, metrics, bearer guard,
rate-limit guard; no body, no validation, a small response) reaches ${pct(http.models.rps / http.plain.rps)} of bare Express;
the search route costs another ${pct(1 - http.nest.rps / http.models.rps)} of what the stack leaves
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
