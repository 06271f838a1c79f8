// The markdown of bench/results/queue.md.
const ms = (v) => `${Math.round(v)} ms`;
const mb = (v) => `${v.toFixed(1)} MB`;

function throughputTable(runs) {
  const rows = runs.map(
    (r) =>
      `| ${r.label} | ${r.processes} | ${r.seconds.toFixed(1)} s | **${Math.round(r.perMinute)}** | ${ms(r.latency.p50)} | ${ms(r.latency.p95)} | ${JSON.stringify(r.statuses)} | ${r.peakRssMb.map(mb).join(', ')} |`,
  );
  return [
    '| Queue | App processes | Wall time | Jobs / minute | p50 creation → done | p95 creation → done | Final statuses | Peak RSS per process |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

function memoryTable(mems, { MEMORY_N1, MEMORY_N2 }) {
  const redis = (m, key) =>
    Number.isNaN(m[key].redisBytes) ? 'n/a' : mb(m[key].redisBytes / 1024 ** 2);
  const rows = mems.map(
    (m) =>
      `| ${m.label} | ${mb(m.first.rssMb)} | ${mb(m.second.rssMb)} | **${m.rssKbPerJob.toFixed(2)} KB** | ${redis(m, 'first')} → ${redis(m, 'second')} | ${Number.isNaN(m.redisKbPerJob) ? 'n/a' : `${m.redisKbPerJob.toFixed(2)} KB`} | ${m.queued} of ${m.total} |`,
  );
  return [
    `| Queue | App RSS after ${MEMORY_N1} jobs | App RSS after ${MEMORY_N2} jobs | App RSS per queued job | Redis used_memory | Redis per queued job | Jobs still CREATED at the 2nd reading |`,
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

export function queueReport({ bull, local, memBull, memLocal, config }) {
  const ratio = bull.perMinute / local.perMinute;
  const target = bull.perMinute >= 600 ? 'meets' : 'misses';
  return `## Throughput

${config.JOBS} async jobs of \`sonar\` (\`POST /v1/async/chat/completions\` with \`{"request": {...}}\`),
${config.IN_FLIGHT} POSTs in flight at a time (round-robin over the processes), each app with
\`RESEARCH_CONCURRENCY=${config.CONCURRENCY}\` (the default), \`SEARCH_PROVIDER=local\`, \`PAGE_FETCH=off\`,
\`LLM_PROVIDER=openai\` against the LLM fixture (\`bench/support/llm-fixture.mjs\`, its own process, no delay,
30-word answers), logs silent. The client pages through \`GET /v1/async/chat/completions\` every
${config.POLL_MS} ms (through the first process; with Redis both share the store) until every job is
COMPLETED or FAILED. Jobs per minute = jobs / (first POST → the poll that saw the last job done) × 60.
A job's latency runs from its POST's answer to the first poll that saw it done, so it is rounded up
to the next poll (≤ ${config.POLL_MS} ms plus the list's own time). The API's timestamps are whole seconds,
too coarse here.

${throughputTable([bull, local])}

BullMQ through two processes / in-process queue in one process: **${ratio.toFixed(2)}×** the jobs per
minute. The BullMQ path ${target} the issue's target of 600 jobs a minute. The two are not the same
work per process: the in-process queue has one process (without Redis two processes cannot share jobs),
so it runs ${config.CONCURRENCY} jobs at once against BullMQ's ${Number(config.CONCURRENCY) * 2}.

Under this burst the jobs arrive faster than the workers take them, so a job's creation → done
time is mostly its wait in the queue (it grows with its place in the line), not the time of one job
alone. The load average above is the machine's (two cores shared with other work while this ran):
both rows were measured on a busy machine, one after the other.

## Memory per queued job

Method: one fresh app process, its LLM fixture set to wait 5 s between streamed chunks, so its
${config.CONCURRENCY} workers are stuck on their first jobs and every further job stays queued (CREATED).
Submit ${config.MEMORY_N1} jobs, wait 1.5 s, read the process's VmRSS from \`/proc/<pid>/status\` (and
Redis' \`used_memory\` from \`INFO memory\`); submit up to ${config.MEMORY_N2}, wait, read again. The cost of
one queued job is the difference divided by ${config.MEMORY_N2 - config.MEMORY_N1}: taking the slope between two
readings leaves out what the first requests cost once (JIT, connection pools, buffers). RSS is not
garbage-collected before a reading (the app is another process), so the app's figure is an upper
bound with the noise of V8's heap growth; with BullMQ the job itself lives in Redis, which is where
its cost shows.

${memoryTable([memBull, memLocal], config)}
`;
}
