import type { NumberedSource } from '@answergate/llm';
import { quoteSourceText, SOURCES_CLOSE, SOURCES_OPEN } from './source-block';

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
