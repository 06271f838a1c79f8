import type { SearchResult } from '@answergate/search';

/** A page's text as the research reads it. */
export interface ReadPage {
  result: SearchResult;
  text: string;
}

/**
 * Reads the chosen results' pages. Until the page reader lands this is the results'
 * own text (a SearXNG snippet, or the local index's cut of the document): the one
 * place to switch to the reader.
 */
export function readPages(
  results: readonly SearchResult[],
  signal: AbortSignal,
): Promise<ReadPage[]> {
  signal.throwIfAborted();
  return Promise.resolve(results.map((result) => ({ result, text: result.snippet })));
}
