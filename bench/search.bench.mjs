// Search benchmark: local-index latency, build time and memory on 100,000 generated
// documents (the shipped index against MiniSearch, shipped before), and `/v1/search`
// requests per second on cache hits beside a bare Express handler.
// Imports the built code from dist/ (`npm run bench:search` builds first).
import { corpus, queries } from './support/search-corpus.mjs';
import { changes } from './support/search-changes.mjs';
import { httpBench } from './support/search-http.mjs';
import { alternatives, indexBench, linearScan } from './support/search-local.mjs';
import { report } from './support/search-report.mjs';
import { writeResult } from './support/results.mjs';

// HTTP first, while the heap is small; then the indexes.
const http = await httpBench();
if (process.env.BENCH_SEARCH_HTTP_ONLY) {
  // A quick look while working on the request path: printed, nothing written.
  const pcts = (ratios) => ratios.map((r) => Math.round(100 * r)).join(', ');
  for (const r of Object.values(http).filter((each) => each.ratios)) {
    console.log(
      `${r.label}: ${Math.round(r.rps)} req/s, ${Math.round(100 * r.ratio)} % (${pcts(r.ratios)}); ` +
        `${Math.round(r.cpuUs)} CPU µs/request, ${Math.round(100 * r.cpuRatio)} % (${pcts(r.cpuRatios)})`,
    );
  }
  process.exit(0);
}
const documents = corpus();
const queryList = queries();
const local = await indexBench(documents, queryList);
const others = await alternatives(documents, queryList, local.top);
const scan = linearScan(documents, queryList);
await writeResult('search', report(local, others, scan, http, changes({ local, others, http })));
process.exit(0);
