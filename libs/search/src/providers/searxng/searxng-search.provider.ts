import { createResultFilter } from '../../filters/result-filter';
import { secFilters } from '../../filters/search-mode';
import { normalizeUrl } from '../../ranking/normalize-url';
import { SearchUnavailableError } from '../../search-unavailable.error';
import type { ProviderQuery, SearchProvider } from '../../search-provider.interface';
import type { SearchImage, SearchResult } from '../../search.types';
import type { SearxngClient } from './searxng-client';
import { toSearchImage, toSearchResult } from './searxng-mapping';
import { PageSize } from './page-size';
import { type SearxngCategory, searxngParams } from './searxng-params';
import type { SearxngResponse, SearxngResult } from './searxng-response';

/** Pages fetched at most for one query: SearXNG pages hold ~10-20 results. */
const MAX_PAGES = 4;

/** Calls a SearXNG instance's JSON API; pages on only when one page is not enough. */
export class SearxngSearchProvider implements SearchProvider {
  readonly name = 'searxng';

  /** Learned per category: image pages and web pages differ in size. */
  private readonly pageSizes = new Map<SearxngCategory, PageSize>();

  constructor(private readonly client: SearxngClient) {}

  /** `search_mode`: `academic` asks the `science` category, `sec` only sec.gov pages. */
  search(query: ProviderQuery): Promise<SearchResult[]> {
    const mode = query.filters.mode;
    const filters = mode === 'sec' ? secFilters(query.filters) : query.filters;
    const category = mode === 'academic' ? 'science' : 'general';
    const accept = createResultFilter(filters);
    return this.collect({ ...query, filters }, category, (raw) => {
      const result = toSearchResult(raw);
      return result && accept(result) ? result : undefined;
    });
  }

  images(query: ProviderQuery): Promise<SearchImage[]> {
    const accept = createResultFilter(query.filters);
    return this.collect(query, 'images', (raw) => {
      const image = toSearchImage(raw);
      const page = image && { url: image.originUrl, date: null, lastUpdated: null };
      return page && accept(page) ? image : undefined;
    });
  }

  ping(signal?: AbortSignal): Promise<void> {
    return this.client.ping(signal);
  }

  /**
   * Fetches pages until `limit` distinct, accepted items are found or searx has no more.
   * Page 1 comes alone: a page shorter than a full one is the last, which is the common
   * case. After a full page 1, the pages still needed (by the learned page size) are
   * fetched concurrently, not one after another.
   */
  private async collect<T extends { url?: string; imageUrl?: string }>(
    query: ProviderQuery,
    category: SearxngCategory,
    map: (raw: SearxngResult) => T | undefined,
  ): Promise<T[]> {
    let pageSize = this.pageSizes.get(category);
    if (!pageSize) this.pageSizes.set(category, (pageSize = new PageSize()));
    const sized = pageSize.known !== undefined;
    const found = new Map<string, T>();
    let next = 1;
    let more = true;
    while (more && next <= MAX_PAGES && found.size < query.limit) {
      // Until some page taught the size, one page at a time (a short page may be all there is).
      const wanted = next === 1 || !sized ? 1 : pageSize.pagesFor(query.limit - found.size);
      const count = Math.min(wanted, MAX_PAGES - next + 1);
      const numbers = Array.from({ length: count }, (_, i) => next + i);
      const pages = await Promise.all(
        numbers.map((n) => this.client.search(searxngParams(query, category, n), query.signal)),
      );
      if (next === 1) this.assertEnginesAnswered(pages[0]);
      next += count;
      for (const page of pages) {
        const raw = page.results ?? [];
        for (const item of raw) {
          const mapped = map(item);
          const key = mapped && normalizeUrl(mapped.imageUrl ?? mapped.url ?? '');
          if (mapped && key && !found.has(key)) found.set(key, mapped);
        }
        more = !pageSize.isLast(raw.length, query.limit);
        pageSize.see(raw.length);
        if (!more) break;
      }
    }
    return [...found.values()].slice(0, query.limit);
  }

  /** searx answers 200 when its engines fail; with no results that is a failed search, not an empty one. */
  private assertEnginesAnswered(page: SearxngResponse): void {
    const failed = page.unresponsive_engines ?? [];
    if ((page.results ?? []).length > 0 || failed.length === 0) return;
    const reasons = failed.map(([engine, reason]) => `${engine} (${reason ?? 'no reason'})`);
    const timedOut = failed.every(([, reason]) => /time\s*out|timeout/i.test(reason ?? ''));
    throw new SearchUnavailableError(
      `SearXNG at ${this.client.origin} answered, but its engines failed: ${reasons.join(', ')}`,
      timedOut ? 504 : 502,
    );
  }
}
