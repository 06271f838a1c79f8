import type { SearchProvider } from '../search-provider.interface';
import type { SearchResult } from '../search.types';
import type { PageReader, ReadPage } from './page-reader.interface';
import { snippetPage } from './snippet-page-reader';

/** The local index: the whole text of each result's document, kept in memory, no fetching. */
export class DocumentPageReader implements PageReader {
  constructor(private readonly provider: SearchProvider) {}

  read(results: readonly SearchResult[]): Promise<ReadPage[]> {
    return Promise.resolve(
      results.map((result) => {
        const text = this.provider.fullText?.(result.url);
        return text
          ? { url: result.url, title: result.title, text, origin: 'document' as const }
          : snippetPage(result);
      }),
    );
  }
}
