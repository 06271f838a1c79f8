// What changed in search and how it measured before: the fixed part of bench/results/search.md
// with this run's numbers in the After column.
const ms = (value) => value.toFixed(2);
const pct = (ratio) => `${(100 * ratio).toFixed(0)} %`;

/** The before/after of the request path, when the run measured an earlier build beside it. */
function beforeAfter(http) {
  if (!http.beforeSearch) {
    return `This run measured no earlier build (set \`BENCH_BEFORE_DIST\` to the \`dist/\` of one to add it).`;
  }
  const cpu = (after, before) => `${Math.round(before.cpuUs)} → ${Math.round(after.cpuUs)} µs`;
  const commit = process.env.BENCH_BEFORE_COMMIT ?? 'not given (BENCH_BEFORE_COMMIT)';
  return `Measured in the same run, interleaved with the rows above: the build before changes 19-20
(\`BENCH_BEFORE_DIST\`, commit ${commit}). Earlier steps, each measured against the build before
it: changes 1-6 took cache hits from 30 % to 45 % of bare Express in the run of 2026-11-30 17:04,
changes 7 and 8 were within the noise, changes 9-13 took them to 54 % in the run of 2026-11-30 20:29,
changes 14-18 to 61 % on 2026-12-01 01:38. \`/v1/search\` cache hits went from ${pct(http.beforeSearch.ratio)} to
${pct(http.search.ratio)} of bare Express (CPU per request ${cpu(http.search, http.beforeSearch)}), \`GET /v1/models\`
from ${pct(http.beforeModels.ratio)} to ${pct(http.models.ratio)} (${cpu(http.models, http.beforeModels)}).`;
}

const requestPath = (http) => `## What changed on the request path (issue 15), and before / after

${beforeAfter(http)}

A CPU profile (\`node --cpu-prof\`) of \`/v1/search\` cache hits led to these changes; each keeps what
the tests check:

1. **Request logging**: nestjs-pino / pino-http made two child loggers per request and serialised
   the request up front, at any level. Now one middleware (\`requestLifecycle\`) writes the same
   final line (\`reqId\`, \`req\`, \`res\`, \`responseTime\`, route, key id, the time split, the
   outcome) with pino when the response closes, and nothing at all when its level is off. Lines
   written while serving a request still carry its \`reqId\` (an \`AsyncLocalStorage\` with one
   small object). Because it runs first, 413, 415 and invalid-JSON answers are logged now too.
2. **One middleware instead of four**: request id, timings, security headers, metrics and the log
   line share one layer and one \`close\` listener.
3. **Security headers**: helmet's headers (same options) are worked out once at startup and set
   in one loop, instead of running helmet's dozen middlewares per request.
4. **No ETag**: every JSON answer carries a fresh \`id\`, so the SHA-1 of the body could never match.
5. **The API key is hashed once per request** (it was hashed by the body parser's gate, the guard's
   check and the fingerprint): \`ApiKeyStore.check(req)\` keeps the verdict on the request, the
   fingerprint comes from the same digest, and the digest is Node's one-shot \`crypto.hash\`.
6. **Fusion of one list** (one query) only drops duplicates: no scores, no sort.
7. **The request's AbortSignal is made only on a cache miss**: the \`AbortController\` and its
   \`close\` listener were made for every request; a hit never reads the signal.
8. **Shutdown draining folded into \`requestLifecycle\`**: the request is counted in flight until
   the same \`close\` listener, and \`Connection: close\` / the 503 while refusing are decided there,
   so the separate \`drainRequests\` layer and its \`once('close')\` listener are gone. A refused
   request now gets its 503 before CORS and body parsing (so without CORS headers).

9. **Validation of a body seen before**: the global pipe remembers the DTOs of the last 512
   bodies that passed (by a key that is equal only for the same fields, order, values and
   classes; bodies over 2 KB or holding anything else are not remembered). An identical body
   gets an exact copy of that DTO instead of running class-transformer and class-validator
   again. A body that fails is transformed and validated every time, so every 400 still comes
   from the validator with the same message.
10. **The response JSON is spliced**: each cached result's JSON is made and UTF-8 encoded once
   per result object (a \`WeakMap\`, so it goes when the cache drops the result) and \`/v1/search\`
   sends \`{"id":…,"results":[…]}\` as bytes copied from those pieces: the same bytes and
   Content-Type as \`res.json\`. (Sent as a string, the whole answer was built, flattened and
   encoded again on every request: about 14 KB of heap each.)
11. **Guards**: \`@Public()\` is looked up once per controller and handler instead of through
   reflect-metadata on every request (both guards asked); the bearer guard answers a valid key
   without a promise; the rate-limit guard passes public routes, and every route while the limit
   is off, with a plain \`true\` (no per-route lookups, no promise for Nest to await).
12. **No request context when logging is off**: with \`LOG_LEVEL=silent\` no line can carry a
   request id, so requests run without the \`AsyncLocalStorage\` context, whose promise hook
   costs on every promise a request makes. At any other level it is kept (the \`info\` row).
13. **Fewer per-request objects in the search route**: the request signal is a plain lazy function
   rather than a custom parameter decorator (Nest ran the global pipes on it), and the filters
   are built from the filter fields instead of a spread of the whole DTO.
14. **One Express layer for the app-wide middlewares**: the lifecycle, the JSON-only gate, the
   body parser and CORS run in sequence inside one layer (\`inSequence\`): each layer cost the
   router a match, its parameter handling and a few objects on every request.
15. **JSON bodies read directly**: a body with a declared length within the limit, no
   compression, \`Content-Type: application/json\` (optionally \`charset=utf-8\`) and text that
   starts with \`{\` or \`[\` and parses is read and parsed without body-parser's content-type
   parsing, decoder and stream bookkeeping. Anything else, and every body that does not parse,
   goes to body-parser as before, so every error is its own (a spec compares both on twelve
   kinds of body).
16. **The usual Content-Type is recognised by one regular expression** before \`type-is\` parses
   it, in the JSON-only gate and the body reader.
17. **The key's verdict is made once per key**: a valid key's \`{ valid, keyId }\` (with its
   fingerprint) is made at startup and shared by its requests; the digest is still compared
   with every stored key.
18. **Smaller things**: the lifecycle ends a request once by a flag rather than removing its
   listeners; \`Server-Timing\` is one template rather than a mapped and joined list.
19. **Every response has the same V8 hidden class** (Node 20 and 22): Express swaps a response's
    prototype and then adds \`res.locals\`, which gave each response a map of its own, so property
    reads in Node's write path missed V8's caches. A \`request\` listener that runs before
    Express's gives each response those properties first (\`shareResponseShape\`).
20. **class-validator's rule lookups are remembered per class** (\`rememberValidationRules\`): it
    filtered the rules of every known class for each object it validated. This bench's body is
    always the same, so change 9 already skips validation here; new bodies gain from it.

With changes 10 (bytes) and 14-18, the heap allocated per cache hit went from about 83 KB to
about 63 KB (V8's sampling heap profiler, counting collected objects too; 2026-11-30).

Left as they are: Nest's guard/pipe/handler pipeline, Express routing and the response write
(in a side measurement on 2026-11-30, a minimal Nest app with one POST route returning the same
text used about the CPU of the bare handler, which also serialises the body and hashes an ETag:
262 against 277 µs a request, so the framework itself is not the gap); the eleven security headers, the metrics, the key digest and
the rest of the app-wide stack that \`GET /v1/models\` measures; garbage collection, which
follows the bytes allocated per request.
`;

export const changes = ({ local, others, http }) => `${requestPath(http)}
## What changed in the local index, and before / after

Before: the runs of the previous code on this machine, the committed results of 2026-11-24 and a
re-run before the change (the host was busier then). After: the tables above; the MiniSearch rows
are the previous index, measured in the same run as the new one.

| Measure | Before (2026-11-24 / re-run) | After |
| --- | --- | --- |
| 100k build | 51.6 s / 92.4 s | ${(local.buildMs / 1000).toFixed(1)} s (MiniSearch in this run: ${(others.build.buildMs / 1000).toFixed(1)} s) |
| 100k index memory | +646 MB / +646 MB | +${Math.round(local.heap)} MB (heap and ArrayBuffers) |
| Query p50 / p99 (+ snippets) | 2.96 / 25.92 ms, 2.81 / 27.88 ms | ${ms(local.shipped.p50)} / ${ms(local.shipped.p99)} ms |
| \`/v1/search\` cache hit / bare Express | 36 %, 34 % | ${(100 * http.search.ratio).toFixed(0)} % |

Three full runs after the change (2026-11-24, medians): \`LocalIndex\` build 16.4 s
(MiniSearch 58.2 s in the same runs); query p50 0.27 ms, p99 1.42 ms (MiniSearch as shipped
before: 2.51 / 29.98 ms; AND first: 3.88 / 39.18 ms); \`/v1/search\` cache hits 1596 req/s,
39 % of bare Express (runs: 39, 39, 43 %), \`GET /v1/models\` 65 % (runs: 60, 66, 65 %); with
\`max_tokens_per_page: 64\` 1661 req/s (a smaller response). The index memory of those runs was
measured too early (freed ArrayBuffers still counted); the bench now waits for the sweeper.

1. **Local index** (\`libs/search/src/providers/local\`): MiniSearch kept a JavaScript \`Map\` per
   term and field with an entry per document, and on every query built, filtered and sorted a result
   object for every document matching any term. The new \`InvertedIndex\` keeps each term's postings
   in one \`Int32Array\` (\`[doc, packed field frequencies]\`); a query adds BM25 into a score array
   allocated once (\`ScoreBoard\`), keeps the top \`limit\` in one pass, and runs the provider's
   filter only on documents that would enter the top. Only the term dictionary (MiniSearch's radix
   tree, \`SearchableMap\`, for prefix and one-typo lookups) is still MiniSearch. Ranking is kept: the
   same BM25+ parameters, field boosts, prefix and typo weights, and the score multiplied by the
   number of query terms matched; the prefix (last term, 3+ characters) and one-typo fallback
   (5+ characters, only when fewer results than wanted) rules are unchanged. Ranking moved a little
   (see the overlap line): field lengths now count distinct indexed terms, not raw tokens.
2. **Snippets**: terms are found with \`indexOf\` on lower-cased text instead of compiling a
   Unicode regular expression per term per result, and the best window is one sliding pass instead
   of a \`Set\` per window. Snippets were already cut only for the returned results.
3. **Evaluated and not shipped**: AND-first matching with an OR fallback (the MiniSearch row above):
   most multi-word queries find fewer than 10 documents with every term, so they pay for both
   searches and the tail got worse. In the new index one pass gives both: documents with every term
   already rank first through the matched-terms multiplier. Capping candidates per term or
   skipping frequent terms was not needed to meet the target, and would change results.
4. **Cache hits** (\`SearchService\`): a cached result now carries its normalised URL and where each
   snippet token ends (\`CachedResult\`, computed once when fetched), so a hit with
   \`max_tokens_per_page\` slices instead of running the tokenizer, and fusion parses no URLs. Cache
   keys carry a format number so a shared Redis never answers in the older shape. The query is
   normalised once per request instead of three times.

## Reading the numbers

- The machine is small (2 cores shared by the load generator, the server and other work on the
  host), so absolute req/s move by ±20 % between runs; the ratios are steadier.
- A CPU profile of \`/v1/search\` on cache hits after the index change (before the request-path
  changes above): the search service is about 1 %
  of the server's CPU, DTO transformation and validation (global \`ValidationPipe\`,
  class-transformer, class-validator) about 7 %; request logging (pino-http), Express routing,
  body parsing, Nest's pipeline, ETag hashing and writing the response dominate. The bare Express
  handler also parses the body, hashes the ETag and writes the same bytes; what separates them is
  mostly the app-wide stack, which the \`GET /v1/models\` row measures.
- Build time is single-threaded tokenising at startup. For corpora much larger than 100,000
  documents the index should be serialised once instead of rebuilt at each start (not done).
`;
