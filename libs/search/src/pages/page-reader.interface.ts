import type { SearchResult } from '../search.types';

/** Where a page's text came from: the page itself, the index's document, or the result's snippet. */
export type PageTextOrigin = 'page' | 'document' | 'snippet';

/** One result with the text an answer may use from it. */
export interface ReadPage {
  url: string;
  title: string;
  text: string;
  origin: PageTextOrigin;
}

/**
 * Reads the pages behind search results (`PAGE_READER` token). Never rejects for a page:
 * one that cannot be read comes back with its snippet, in the results' order, so numbering
 * stays the same. Honours `signal` and its own time cap.
 */
export interface PageReader {
  read(results: readonly SearchResult[], signal?: AbortSignal): Promise<ReadPage[]>;
}
