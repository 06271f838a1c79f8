import type { NumberedSource } from '@answergate/llm';
import type { SearchResult } from '@answergate/search';

/** Numbers results from 1, in rank order: `[n]` in the answer is `citations[n-1]`. */
export function numberSources(results: SearchResult[]): NumberedSource[] {
  return results.map((result, i) => ({
    index: i + 1,
    title: result.title,
    url: result.url,
    snippet: result.snippet,
    date: result.date,
  }));
}

/** Between two sources in the prompt's sources block. */
export const SOURCE_SEPARATOR = '\n\n';

/** One source as the prompt shows it. */
export function formatSource(source: NumberedSource): string {
  const date = source.date ? ` (${source.date})` : '';
  return `[${source.index}] ${source.title}${date}\nURL: ${source.url}\n${source.snippet}`;
}

/** The sources block of the answer prompt. */
export function formatSources(sources: NumberedSource[]): string {
  return sources.map(formatSource).join(SOURCE_SEPARATOR);
}
