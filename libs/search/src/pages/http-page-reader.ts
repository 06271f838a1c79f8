import type { OnModuleInit } from '@nestjs/common';
import type { Metrics } from '@answergate/common';
import { preloadHtmlReader } from './extract-text';
import type { SearchCache } from '../search-cache.interface';
import type { SearchResult } from '../search.types';
import { PageFetchError } from './page-fetch.error';
import { fetchPageText, type PageFetchSettings } from './page-fetcher';
import type { PageReader, ReadPage } from './page-reader.interface';
import { snippetPage } from './snippet-page-reader';

/** Bumped when what is cached for a page changes. */
const PAGE_CACHE_FORMAT = 1;
/** Text kept of one page: far more than the largest context budget takes from it. */
export const MAX_PAGE_CHARS = 200_000;

/**
 * Reads the pages of the top `maxPages` results over HTTP, all at once, through the search
 * cache. A page that fails, is blocked or is not among the top ones keeps its snippet.
 */
export class HttpPageReader implements PageReader, OnModuleInit {
  constructor(
    private readonly settings: PageFetchSettings,
    private readonly maxPages: number,
    private readonly cache: SearchCache,
    private readonly metrics: Metrics,
  ) {}

  /**
   * Nearly every answer reads HTML pages: its reader is loaded at startup, not during the
   * first answer. PDF.js is loaded by the first PDF (see `extract-text.ts`).
   */
  async onModuleInit(): Promise<void> {
    await preloadHtmlReader();
  }

  read(results: readonly SearchResult[], signal?: AbortSignal): Promise<ReadPage[]> {
    return Promise.all(
      results.map((result, rank) =>
        rank < this.maxPages ? this.readOne(result, signal) : Promise.resolve(snippetPage(result)),
      ),
    );
  }

  private async readOne(result: SearchResult, signal?: AbortSignal): Promise<ReadPage> {
    const key = `page\n${PAGE_CACHE_FORMAT}\n${result.url}`;
    const cached = await this.cache.get<string>(key);
    if (cached !== undefined) {
      this.metrics.pagesFetched.inc({ outcome: 'cached' });
      return { url: result.url, title: result.title, text: cached, origin: 'page' };
    }
    const stop = this.metrics.pageFetchDuration.startTimer();
    try {
      const text = (await fetchPageText(result.url, this.settings, signal)).slice(
        0,
        MAX_PAGE_CHARS,
      );
      stop({ outcome: 'ok' });
      this.metrics.pagesFetched.inc({ outcome: 'ok' });
      await this.cache.set(key, text);
      return { url: result.url, title: result.title, text, origin: 'page' };
    } catch (error) {
      const outcome = error instanceof PageFetchError ? error.outcome : 'failed';
      stop({ outcome });
      this.metrics.pagesFetched.inc({ outcome });
      return snippetPage(result);
    }
  }
}
