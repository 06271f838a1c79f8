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

/** The sources block of the answer prompt. */
export function formatSources(sources: NumberedSource[]): string {
  return sources
    .map((source) => {
      const date = source.date ? ` (${source.date})` : '';
      return `[${source.index}] ${source.title}${date}\nURL: ${source.url}\n${source.snippet}`;
    })
    .join('\n\n');
}
