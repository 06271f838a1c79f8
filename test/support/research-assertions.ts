/** Reading a deep research answer: its `<think>` block and the report after it. */

export function splitThink(content: string): { think: string; report: string } {
  const end = content.indexOf('</think>');
  if (!content.startsWith('<think>') || end < 0) throw new Error(`no <think> block in: ${content}`);
  return { think: content.slice(0, end), report: content.slice(end + '</think>'.length).trim() };
}

/** The `[n]` of the pages the think block says each round read: round -> numbers. */
export function pagesByRound(think: string): Map<number, number[]> {
  const rounds = new Map<number, number[]>();
  for (const block of think.split(/^(?=Round \d+: read)/m).slice(1)) {
    const round = Number(/^Round (\d+)/.exec(block)?.[1]);
    const listed = block.split('\n').filter((line) => line.startsWith('- ['));
    rounds.set(
      round,
      listed.map((line) => Number(/^- \[(\d+)\]/.exec(line)?.[1])),
    );
  }
  return rounds;
}

export const roundsSearched = (think: string): number =>
  [...think.matchAll(/^Round \d+: searching:/gm)].length;

export const citedNumbers = (text: string): Set<number> =>
  new Set([...text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
