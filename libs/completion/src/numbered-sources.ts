import type { NumberedSource } from '@answergate/llm';
import type { SearchResult } from '@answergate/search';
import { quoteSourceText, SOURCES_CLOSE, SOURCES_OPEN } from './source-block';

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

/**
 * One source as the prompt shows it: a `<source>` element whose fields are quoted
 * (`quoteSourceText`), so a document cannot end it or forge another source.
 */
export function formatSource(source: NumberedSource): string {
  const date = source.date ? `\nDate: ${quoteSourceText(source.date)}` : '';
  return (
    `<source index="${source.index}">\nTitle: ${quoteSourceText(source.title)}${date}\n` +
    `URL: ${quoteSourceText(source.url)}\nText: ${quoteSourceText(source.snippet)}\n</source>`
  );
}

/** The sources block of the prompts: quoted data between `<sources>` tags. */
export function formatSources(sources: NumberedSource[]): string {
  if (sources.length === 0) return '';
  return `${SOURCES_OPEN}\n${sources.map(formatSource).join(SOURCE_SEPARATOR)}\n${SOURCES_CLOSE}`;
}
