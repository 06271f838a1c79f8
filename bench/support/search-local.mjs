// The local-index half of the search benchmark: the shipped LocalIndex against MiniSearch
// (the index shipped before, and other ways to query it) on the generated corpus.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './processes.mjs';

const require = createRequire(import.meta.url);
const dist = (path) => require(join(ROOT, 'dist', path));
const { LocalIndex } = dist('libs/search/src/providers/local/local-index.js');
const { isStopword, words } = dist('libs/text/src/index.js');
const { cutSnippet } = dist('libs/search/src/snippets/cut-snippet.js');
const MiniSearch = require('minisearch');

/** The MiniSearch settings shipped before the typed-array index: OR, prefix on the last term. */
const PREVIOUS = {
  boost: { title: 3, headings: 1.5 },
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 3,
  combineWith: 'OR',
};
const PREVIOUS_TYPO = { ...PREVIOUS, fuzzy: (term) => (term.length >= 5 ? 1 : false), maxFuzzy: 1 };
const OVERLAP_QUERIES = 500;

const percentile = (sorted, p) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
export const ms = (value) => value.toFixed(2);
/**
 * JS heap plus ArrayBuffers (typed-array postings live outside the heap), after a collection
 * and a pause: freed ArrayBuffers are released by a background sweeper.
 */
export async function heapMb() {
  globalThis.gc?.();
  await sleep(1000);
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return (heapUsed + arrayBuffers) / 1024 / 1024;
}

function measure(label, queryList, run) {
  for (const q of queryList.slice(0, 50)) run(q); // warm-up
  const times = [];
  let hits = 0;
  for (const q of queryList) {
    const started = performance.now();
    hits += run(q);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const row = {
    label,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1),
    hits: hits / queryList.length,
  };
  console.log(
    `${label}: p50 ${ms(row.p50)} ms, p99 ${ms(row.p99)} ms, hits ${row.hits.toFixed(1)}`,
  );
  return row;
}

async function built(label, build) {
  const before = await heapMb();
  const started = performance.now();
  const index = build();
  const buildMs = performance.now() - started;
  const heap = (await heapMb()) - before;
  console.log(`${label}: built in ${Math.round(buildMs)} ms, heap +${Math.round(heap)} MB`);
  return { index, buildMs, heap };
}

/** The shipped index: build, then query latency with snippets, as the provider runs it. */
export async function indexBench(documents, queryList) {
  const { index, buildMs, heap } = await built('LocalIndex', () => {
    const local = new LocalIndex();
    local.add(documents);
    return local;
  });
  const shipped = measure('LocalIndex, shipped (+ snippets)', queryList, (q) => {
    const hits = index.search(q, 10, () => true);
    for (const hit of hits) cutSnippet(hit.document.text, hit.terms, 1200);
    return hits.length;
  });
  const top = queryList
    .slice(0, OVERLAP_QUERIES)
    .map((q) => index.search(q, 10, () => true).map((hit) => hit.document.url));
  return { buildMs, heap, shipped, top };
}

/** Search as shipped before: OR with prefix on the last term, then one typo when too few. */
function previousSearch(mini, q, options = PREVIOUS) {
  const results = mini.search(q, options);
  return results.length >= 10 ? results : mini.search(q, { ...options, ...PREVIOUS_TYPO });
}

/** AND first; OR (with the typo fallback) only when AND finds fewer than wanted. */
function andFirst(mini, q) {
  const all = mini.search(q, { ...PREVIOUS, combineWith: 'AND' });
  return all.length >= 10 ? all : previousSearch(mini, q);
}

/** MiniSearch, one index, queried the ways compared; and how far the new ranking moved. */
export async function alternatives(documents, queryList, shippedTop) {
  const { index: mini, ...build } = await built('MiniSearch', () => {
    const index = new MiniSearch({
      fields: ['title', 'headings', 'text'],
      storeFields: [],
      // The shipped tokenizer and stop words, so both indexes see the same terms.
      tokenize: words,
      processTerm: (term) => (isStopword(term) ? null : term),
    });
    index.addAll(documents.map((d, id) => ({ ...d, id })));
    return index;
  });
  const withSnippets = (search) => (q) => {
    const results = search(q).slice(0, 10);
    for (const r of results) cutSnippet(documents[r.id].text, r.terms, 1200);
    return results.length;
  };
  const rows = [
    measure(
      'MiniSearch as shipped before: OR, prefix last term, typo fallback (+ snippets)',
      queryList,
      withSnippets((q) => previousSearch(mini, q)),
    ),
    measure(
      'MiniSearch, AND first, then the above when < 10 (+ snippets)',
      queryList,
      withSnippets((q) => andFirst(mini, q)),
    ),
    measure('MiniSearch, exact terms only, OR', queryList, (q) =>
      Math.min(10, mini.search(q, { boost: PREVIOUS.boost }).length),
    ),
    measure(
      'MiniSearch, prefix on every term + fuzzy 0.2 always, 300 queries',
      queryList.slice(0, 300),
      (q) => Math.min(10, mini.search(q, { ...PREVIOUS, prefix: true, fuzzy: 0.2 }).length),
    ),
  ];
  const overlap = compare(
    shippedTop,
    (q) =>
      previousSearch(mini, q)
        .slice(0, 10)
        .map((r) => documents[r.id].url),
    queryList,
  );
  return { rows, build, overlap };
}

/** Top-10 agreement between the shipped ranking and MiniSearch's, over the first queries. */
function compare(shippedTop, previous, queryList) {
  let shared = 0;
  let wanted = 0;
  let sameFirst = 0;
  shippedTop.forEach((urls, i) => {
    const before = previous(queryList[i]);
    const set = new Set(before);
    shared += urls.filter((url) => set.has(url)).length;
    wanted += Math.max(urls.length, before.length);
    if (urls[0] === before[0]) sameFirst += 1;
  });
  return {
    queries: shippedTop.length,
    shared: shared / wanted,
    sameFirst: sameFirst / shippedTop.length,
  };
}

/** The simplest alternative: no index at all, a scan of every document per query. */
export function linearScan(documents, queryList) {
  const lowered = documents.map((d) => `${d.title} ${d.text}`);
  return measure('Linear scan (no index), 200 queries', queryList.slice(0, 200), (q) => {
    const terms = q.split(' ');
    let found = 0;
    for (const text of lowered) if (terms.some((t) => text.includes(t))) found += 1;
    return Math.min(10, found);
  });
}
