import type { NumberedSource } from '../../llm.types';

/** The source numbers an answer cites (`[2]`, `[1][3]`), in order of first citation. */
function citedNumbers(answer: string): number[] {
  return [...new Set([...answer.matchAll(/\[(\d{1,3})\]/g)].map((match) => Number(match[1])))];
}

/**
 * The `<think>` text of the extractive answerer for the reasoning models. It has no
 * reasoning of its own, so it says what it did instead, labelled as such: the searches
 * run, the sources it chose sentences from, and the ones it left out.
 */
export function extractiveReasoning(
  queries: readonly string[],
  sources: readonly NumberedSource[],
  answer: string,
): string {
  const cited = citedNumbers(answer);
  const chosen = cited
    .map((index) => sources.find((source) => source.index === index))
    .filter((source): source is NumberedSource => source !== undefined);
  const unused = sources.filter((source) => !cited.includes(source.index));
  const line = (source: NumberedSource) => `- [${source.index}] ${source.title} (${source.url})`;
  return [
    'Not model reasoning: this answer was written by the extractive answerer, which quotes the ' +
      'best-matching sentences of the sources and runs no language model.',
    queries.length > 0
      ? `Searches run:\n${queries.map((query) => `- ${query}`).join('\n')}`
      : 'Searches run: none.',
    chosen.length > 0
      ? `Sources quoted in the answer:\n${chosen.map(line).join('\n')}`
      : 'Sources quoted in the answer: none matched the question.',
    unused.length > 0 ? `Sources found but not quoted:\n${unused.map(line).join('\n')}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
}
