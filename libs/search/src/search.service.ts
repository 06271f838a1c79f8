import { Inject, Injectable } from '@nestjs/common';
import { InvalidRequestError, Metrics, UpstreamError } from '@answergate/common';
import { SingleFlight } from './cache/single-flight';
import { filtersKey, normalizeQuery } from './filters/filters-key';
import { createResultFilter } from './filters/result-filter';
import { fuseRankings } from './ranking/reciprocal-rank-fusion';
import { normalizeUrl } from './ranking/normalize-url';
import type { SearchCache } from './search-cache.interface';
import type { ProviderQuery, SearchProvider } from './search-provider.interface';
import { SEARCH_CACHE, SEARCH_PROVIDER } from './search.tokens';
import type { SearchFilters, SearchImage, SearchRequest, SearchResult } from './search.types';
import { truncateToTokens } from './snippets/truncate-tokens';

export const MAX_RESULTS = 20;
export const MAX_QUERIES = 5;

/** Backends are asked for 10 or 20, so requests for 1..10 results share one cache entry. */
const fetchLimit = (wanted: number) => (wanted <= 10 ? 10 : MAX_RESULTS);

/**
 * The one entry point to search, for `/v1/search` and the completion pipeline:
 * queries run concurrently through the cache and single-flight, their lists are
 * fused (RRF) and deduplicated, and the filters are enforced whatever the backend did.
 */
@Injectable()
export class SearchService {
  private readonly results = new SingleFlight<SearchResult[]>();
  private readonly pictures = new SingleFlight<SearchImage[]>();

  constructor(
    @Inject(SEARCH_PROVIDER) private readonly provider: SearchProvider,
    @Inject(SEARCH_CACHE) private readonly cache: SearchCache,
    private readonly metrics: Metrics,
  ) {}

  get providerName(): string {
    return this.provider.name;
  }

  async search(request: SearchRequest): Promise<SearchResult[]> {
    const queries = distinctQueries(request.queries);
    const maxResults = Math.min(Math.max(1, Math.trunc(request.maxResults)), MAX_RESULTS);
    const lists = await Promise.all(
      queries.map((query) =>
        this.cached(
          this.results,
          'search',
          {
            query,
            limit: fetchLimit(maxResults),
            filters: request.filters,
            signal: request.signal,
          },
          (q) => this.provider.search(q),
        ),
      ),
    );
    const accept = createResultFilter(request.filters);
    const merged = fuseRankings(lists.map((list) => list.filter(accept))).slice(0, maxResults);
    const maxTokens = request.maxTokensPerPage;
    if (!maxTokens) return merged;
    return merged.map((result) => ({
      ...result,
      snippet: truncateToTokens(result.snippet, maxTokens),
    }));
  }

  /** Images for one query (`return_images`), kept to pages that pass the domain filter. */
  async images(
    query: string,
    filters: SearchFilters,
    limit: number,
    signal?: AbortSignal,
  ): Promise<SearchImage[]> {
    const [text] = distinctQueries([query]);
    const wanted = Math.min(Math.max(1, Math.trunc(limit)), MAX_RESULTS);
    const found = await this.cached(
      this.pictures,
      'images',
      { query: text, limit: fetchLimit(wanted), filters, signal },
      (q) => this.provider.images(q),
    );
    const accept = createResultFilter(filters);
    const distinct = new Map<string, SearchImage>();
    for (const image of found) {
      const key = normalizeUrl(image.imageUrl);
      const page = { url: image.originUrl, date: null, lastUpdated: null };
      if (!distinct.has(key) && accept(page)) distinct.set(key, image);
    }
    return [...distinct.values()].slice(0, wanted);
  }

  /** Cache first; on a miss, one backend call however many identical requests are waiting. */
  private async cached<T>(
    flights: SingleFlight<T[]>,
    kind: 'search' | 'images',
    query: ProviderQuery,
    fetch: (query: ProviderQuery) => Promise<T[]>,
  ): Promise<T[]> {
    const key = [
      this.provider.name,
      kind,
      query.limit,
      normalizeQuery(query.query),
      filtersKey(query.filters),
    ].join('\n');
    const hit = await this.cache.get<T[]>(key);
    this.metrics.searchCache.inc({ result: hit ? 'hit' : 'miss' });
    if (hit) return hit;
    return flights.run(
      key,
      (signal) => this.timed(() => fetch({ ...query, signal }), key),
      query.signal,
    );
  }

  /** One backend call, timed by outcome, its answer cached. */
  private async timed<T>(call: () => Promise<T[]>, key: string): Promise<T[]> {
    const stop = this.metrics.searchDuration.startTimer({ provider: this.provider.name });
    try {
      const found = await call();
      stop({ outcome: 'ok' });
      await this.cache.set(key, found);
      return found;
    } catch (error) {
      stop({ outcome: error instanceof UpstreamError ? `http_${error.status}` : 'error' });
      throw error;
    }
  }
}

/** Trimmed, non-empty, each question once (by its normalised form). */
function distinctQueries(queries: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const query of queries) {
    const text = query.replace(/\s+/g, ' ').trim();
    if (text && !byKey.has(normalizeQuery(text))) byKey.set(normalizeQuery(text), text);
  }
  if (byKey.size === 0) throw new InvalidRequestError('query must contain some text.', 'query');
  return [...byKey.values()].slice(0, MAX_QUERIES);
}
