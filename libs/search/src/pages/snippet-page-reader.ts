import type { SearchResult } from '../search.types';
import type { PageReader, ReadPage } from './page-reader.interface';

export const snippetPage = (result: SearchResult): ReadPage => ({
  url: result.url,
  title: result.title,
  text: result.snippet,
  origin: 'snippet',
});

/** `PAGE_FETCH=off`: answers use the search snippets only. */
export class SnippetPageReader implements PageReader {
  read(results: readonly SearchResult[]): Promise<ReadPage[]> {
    return Promise.resolve(results.map(snippetPage));
  }
}
