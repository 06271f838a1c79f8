// bench/results/rollout.md from the rollout bench's counts.

const counts = (map) =>
  Object.entries(map)
    .map(([key, n]) => `${n} × ${key}`)
    .join(', ') || '0';
const total = (map) => Object.values(map).reduce((sum, n) => sum + n, 0);

/** One row per phase: what the clients sent and saw. */
function phaseTable(phases) {
  const rows = phases.map((p) => {
    const plainSent = p.plain.ok + total(p.plain.non2xx);
    const searchSent = p.search.ok + total(p.search.non2xx);
    const sent = plainSent + searchSent + total(p.socketErrors) + p.streams.sent;
    return `| ${p.name} | ${sent} | ${p.plain.ok} / ${plainSent} | ${counts(p.plain.non2xx)} | ${p.search.ok} / ${searchSent} | ${counts(p.search.non2xx)} | ${counts(p.socketErrors)} | ${p.streams.ok} / ${p.streams.sent} | ${p.streams.cut}${p.streams.cut ? ` (${counts(p.streams.cutHow)})` : ''} | ${counts(p.streams.non2xx)} | ${counts(p.streams.errors)} |`;
  });
  return [
    '| phase | requests sent | plain chat 2xx / answered | plain chat non-2xx | search 2xx / answered | search non-2xx | socket errors, timeouts (autocannon) | streams with `[DONE]` / started | streams cut | stream non-2xx | stream request errors |',
    '| --- | --: | --: | --- | --: | --- | --- | --: | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

const failures = (phases) =>
  phases
    .filter((p) => p.name !== 'warm-up')
    .reduce(
      (sum, p) =>
        sum +
        total(p.plain.non2xx) +
        total(p.search.non2xx) +
        total(p.socketErrors) +
        p.streams.cut +
        total(p.streams.non2xx) +
        total(p.streams.errors),
      0,
    );

function stepsTable(steps) {
  return [
    '| replica | SIGTERM → haproxy DOWN | SIGTERM → process exit (code) | start → live | start → haproxy UP |',
    '| --- | --: | --: | --: | --: |',
    ...steps.map(
      (s) =>
        `| ${s.replica} | ${s.downMs} ms | ${s.exitMs} ms (${s.exitCode}) | ${s.liveMs} ms | ${s.upMs} ms |`,
    ),
  ].join('\n');
}

/** Everything that failed in a run, summed over its phases (warm-up included). */
function seen(phases) {
  const sum = {
    plain: {},
    search: {},
    socket: {},
    streamsCut: {},
    streamStatus: {},
    streamErrors: {},
  };
  const add = (into, from) =>
    Object.entries(from).forEach(([k, n]) => (into[k] = (into[k] ?? 0) + n));
  for (const p of phases) {
    add(sum.plain, p.plain.non2xx);
    add(sum.search, p.search.non2xx);
    add(sum.socket, p.socketErrors);
    add(sum.streamsCut, p.streams.cutHow);
    add(sum.streamStatus, p.streams.non2xx);
    add(sum.streamErrors, p.streams.errors);
  }
  return sum;
}

function killSection(kill) {
  const s = seen(kill.phases);
  const t = kill.timeline;
  return `### ${kill.setup.name}

haproxy marked ${t.replica} DOWN **${t.downMs} ms** after the kill; started again, it was UP after ${t.upMs} ms.
What the clients saw, all phases: streams cut: ${counts(s.streamsCut)}; streams refused: ${counts(s.streamStatus)}, ${counts(s.streamErrors)};
plain chat non-2xx: ${counts(s.plain)}; search non-2xx: ${counts(s.search)}; socket errors (autocannon): ${counts(s.socket)}.
(Streams count in the phase they started in, so those the kill cut show under "before".)

${phaseTable(kill.phases)}`;
}

function summaryTable(rolling) {
  return [
    '| setup | failed or cut (all phases after the warm-up) |',
    '| --- | --: |',
    ...rolling.map((run) => `| ${run.setup.name} | ${failures(run.phases)} |`),
  ].join('\n');
}

export function rolloutReport({
  machine,
  load,
  fixture,
  graceMs,
  checks,
  rolling,
  kills,
  graceOver,
}) {
  const sections = rolling.map(
    (run) => `### ${run.setup.name}

Failed or cut, all phases after the warm-up: **${failures(run.phases)}**.

${phaseTable(run.phases)}

${stepsTable(run.steps)}`,
  );
  return `# Rolling restart behind haproxy

${machine}

Three replicas of the built app (\`dist/\`, \`NODE_ENV=production\`, local index, rate limits at the
schema's maximum, \`SHUTDOWN_GRACE_MS=${graceMs}\`), one \`redis-server\` (\`REDIS_URL\` shared), the LLM
fixture streaming ${fixture.words} words at ${fixture.delayMs} ms a chunk (streams of about 2 s), behind
Debian's haproxy checking \`GET /health/ready\` every ${checks.inter} ms (fastinter ${checks.fastinter} ms,
fall ${checks.fall}, rise ${checks.rise}). Load through haproxy: autocannon on ${load.plainConnections} connections
alternating non-streamed chat answers and \`/v1/search\`, and ${load.streams} SSE streams at a time from our own
client, which counts a stream as cut unless it ended with \`data: [DONE]\`. Plain requests count in the
phase they completed in, streams in the phase they started in. The load is modest on purpose (the
machine is shared): these runs are about what is lost, not about speed. Reproduce:
\`npm run bench:rollout\`; to add an older build as the first setup, build it elsewhere and set
\`BENCH_ROLLOUT_BASELINE=/path/to/dist/apps/api/src/main.js\` (and \`BENCH_ROLLOUT_BASELINE_LABEL\`).

What the setups show: a replica that answers 503 while haproxy still routes to it (the build before
\`SHUTDOWN_DRAIN_DELAY_MS\`) loses those requests unless haproxy replays 503s. One that closes its
listener at SIGTERM has the connections haproxy tries next refused, which haproxy always replays;
what still gets a 503 is a request on a connection the replica had already accepted, which is
common when haproxy keeps connections alive to the app. \`SHUTDOWN_DRAIN_DELAY_MS\` (at least
haproxy's inter × fall) removes both: the replica keeps serving, each response closing its
connection, until haproxy has marked the replica DOWN. \`deploy/haproxy/haproxy.cfg\` is the last setup written for operators.

## Run 1: rolling restart (SIGTERM one replica, wait for its exit, start it, wait for haproxy to see it UP, next)

${summaryTable(rolling)}

${sections.join('\n\n')}

Streams still open when a grace period ended (\`Grace period over\` in the replicas' logs, all runs): ${graceOver}.

## Run 2: kill -9 one replica under load

${kills.map(killSection).join('\n\n')}

## The haproxy config of the last setup (the others differ only in \`retry-on\` and the connection mode)

\`\`\`haproxy
${rolling.at(-1).config.trim()}
\`\`\`
`;
}
