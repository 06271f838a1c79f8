import type { NumberedSource } from '@answergate/llm';

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
