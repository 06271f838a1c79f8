// Question-answering evaluation of the embedded extractive answerer over eval/corpus:
// each question is searched in the local index (as the default start does), the answer
// is built from the numbered results, and checked: does it contain the expected fact(s),
// and does it cite the document they come from? Writes eval/results.md; `--json` prints
// the summary for the test that holds the scores at their target.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const dist = join(here, '..', 'dist', 'libs');
require('reflect-metadata');
const { LocalSearchProvider } = require(
  join(dist, 'search/src/providers/local/local-search.provider.js'),
);
const { extractiveAnswer } = require(
  join(dist, 'llm/src/providers/extractive/extractive-answer.js'),
);
const { relatedQuestions } = require(
  join(dist, 'llm/src/providers/extractive/related-questions.js'),
);
const { Logger } = require('@nestjs/common');

Logger.overrideLogger(false);
const TARGET = 0.85;
const SOURCES = 6;
const questions = JSON.parse(readFileSync(join(here, 'questions.json'), 'utf8'));
const index = new LocalSearchProvider(join(here, 'corpus'));
await index.onModuleInit();

const rows = [];
const timings = [];
for (const { question, expect, source } of questions) {
  const results = await index.search({ query: question, limit: SOURCES, filters: {} });
  const sources = results.map((r, i) => ({
    index: i + 1,
    title: r.title,
    url: r.url,
    snippet: r.snippet,
    date: r.date,
  }));
  const started = process.hrtime.bigint();
  const answer = extractiveAnswer(question, sources);
  timings.push(Number(process.hrtime.bigint() - started) / 1e6);
  const lower = answer.toLowerCase();
  const hasFact = expect.every((fact) => lower.includes(fact.toLowerCase()));
  const cited = [...answer.matchAll(/\[(\d+)\]/g)].map((m) => sources[Number(m[1]) - 1]?.url ?? '');
  const citesSource = cited.some((url) => url.endsWith(`/${source}`));
  const related = relatedQuestions(question, sources);
  rows.push({ question, expect, source, answer, hasFact, citesSource, related });
}

timings.sort((a, b) => a - b);
const pct = (n) => `${Math.round((n / rows.length) * 1000) / 10} %`;
const facts = rows.filter((r) => r.hasFact).length;
const citations = rows.filter((r) => r.citesSource).length;
const p50 = timings[Math.floor(timings.length / 2)];
const p95 = timings[Math.min(timings.length - 1, Math.floor(timings.length * 0.95))];
const summary = {
  questions: rows.length,
  factRate: facts / rows.length,
  citationRate: citations / rows.length,
  p50Ms: p50,
  p95Ms: p95,
  failures: rows.filter((r) => !r.hasFact || !r.citesSource),
};

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(summary)}\n`);
} else {
  const cell = (text) => String(text).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    '# Extractive answerer evaluation',
    '',
    `${rows.length} questions over \`eval/corpus\` (${questions.length} in \`eval/questions.json\`), ` +
      `${SOURCES} local-index results each. Target: ${TARGET * 100} % on both columns.`,
    '',
    `| | answer contains the expected fact | the right source cited | answer time p50 / p95 |`,
    '| --- | --- | --- | --- |',
    `| **total** | **${facts}/${rows.length} (${pct(facts)})** | **${citations}/${rows.length} (${pct(citations)})** | ${p50.toFixed(2)} ms / ${p95.toFixed(2)} ms |`,
    '',
    '| question | fact | source | answer | related questions |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.question)} | ${r.hasFact ? 'yes' : `**no** (${cell(r.expect.join(', '))})`} | ${r.citesSource ? 'yes' : `**no** (${r.source})`} | ${cell(r.answer)} | ${cell(r.related.join(' / ') || '(none)')} |`,
    ),
    '',
  ];
  writeFileSync(join(here, 'results.md'), lines.join('\n'));
  console.log(lines.slice(0, 8).join('\n'));
  for (const r of summary.failures) console.log(`MISS ${r.question}\n     ${r.answer}`);
}
process.exitCode = summary.factRate >= TARGET && summary.citationRate >= TARGET ? 0 : 1;
