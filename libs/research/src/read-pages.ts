import type { PageReader, SearchResult } from '@answergate/search';

/** A page's text as the research reads it. */
export interface ResearchPage {
  result: SearchResult;
  text: string;
}

/** Roughly four characters a token: enough to bound what one page adds to the report prompt. */
const CHARS_PER_TOKEN = 4;

/**
 * Reads the chosen results' pages with the page reader (the page itself, the local
 * index's document, or the snippet when the page cannot be read), each cut to `maxTokens`.
 */
export async function readPages(
  reader: PageReader,
  results: readonly SearchResult[],
  maxTokens: number,
  signal: AbortSignal,
): Promise<ResearchPage[]> {
  const pages = await reader.read(results, signal);
  return results.map((result, i) => ({
    result,
    text: (pages[i]?.text || result.snippet).slice(0, maxTokens * CHARS_PER_TOKEN),
  }));
}
