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
  kill,
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
phase they completed in, streams in the phase they started in. Reproduce: \`npm run bench:rollout\`.

## Run 1: rolling restart (SIGTERM one replica, wait for its exit, start it, wait for haproxy to see it UP, next)

${summaryTable(rolling)}

${sections.join('\n\n')}

Streams still open when a grace period ended (\`Grace period over\` in the replicas' logs, all runs): ${graceOver}.

## Run 2: kill -9 one replica under load (${kill.setup.name})

haproxy marked ${kill.timeline.replica} DOWN **${kill.timeline.downMs} ms** after the kill; started again, it was UP
after ${kill.timeline.upMs} ms.

${phaseTable(kill.phases)}

## The haproxy config of the last setup (the others differ only in \`retry-on\` and the connection mode)

\`\`\`haproxy
${rolling.at(-1).config.trim()}
\`\`\`
`;
}
