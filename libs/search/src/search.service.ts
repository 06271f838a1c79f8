import { Inject, Injectable } from '@nestjs/common';
import { InvalidRequestError, LiveCopies, Metrics, UpstreamError } from '@answergate/common';
import { CACHED_RESULT_FORMAT, type CachedResult, toCachedResult } from './cache/cached-result';
import { SingleFlight } from './cache/single-flight';
import { filtersKey, normalizeQuery } from './filters/filters-key';
import { createResultFilter } from './filters/result-filter';
import { fuseBy, mergeDates } from './ranking/reciprocal-rank-fusion';
import { normalizeUrl } from './ranking/normalize-url';
import type { SearchCache } from './search-cache.interface';
import type { ProviderQuery, SearchProvider } from './search-provider.interface';
import { SEARCH_CACHE, SEARCH_PROVIDER } from './search.tokens';
import type {
  SearchFilters,
  SearchImage,
  SearchRequest,
  SearchResult,
  SearchVideo,
} from './search.types';
import { createImageFilter, type ImageFilters } from './filters/image-filter';
import { withinTokenBudget } from './snippets/token-budget';

export const MAX_RESULTS = 20;
export const MAX_QUERIES = 5;

/** Backends are asked for 10 or 20, so requests for 1..10 results share one cache entry. */
const sharedLimit = (wanted: number) => (wanted <= 10 ? 10 : MAX_RESULTS);

/** Keeps the first-seen copy of a page, with dates the first one lacked. */
function mergeCached(kept: CachedResult, other: CachedResult): CachedResult {
  const result = mergeDates(kept.result, other.result);
  return result === kept.result ? kept : { ...kept, result };
}

const asIs = <T>(found: T[]): T[] => found;

/** Two cached results with the same snippet are the same result when the rest matches too. */
const sameResult = ({ result: a }: CachedResult, { result: b }: CachedResult) =>
  a.url === b.url && a.title === b.title && a.date === b.date && a.lastUpdated === b.lastUpdated;

/**
 * The one entry point to search, for `/v1/search` and the completion pipeline:
 * queries run concurrently through the cache and single-flight, their lists are
 * fused (RRF) and deduplicated, and the filters are enforced whatever the backend did.
 * Work that depends only on a fetched result is done once: its URL identity before caching,
 * its token boundaries when a cut first needs them, so a cache hit only filters, fuses and slices.
 */
@Injectable()
export class SearchService {
  private readonly results = new SingleFlight<CachedResult[]>();
  private readonly pictures = new SingleFlight<SearchImage[]>();
  private readonly films = new SingleFlight<SearchVideo[]>();
  /**
   * Results that another cached list still holds: a question that finds the same page again
   * (a rephrasing, the same topic) shares its snippet, token ends and cut snippet instead of
   * holding a copy in its own cache entry and in every answer that streams from it.
   */
  private readonly liveResults = new LiveCopies<CachedResult>(sameResult);
  private readonly prepareResults = (found: SearchResult[]): CachedResult[] =>
    found.map((result) => this.liveResults.share(result.snippet, toCachedResult(result)));

  constructor(
    @Inject(SEARCH_PROVIDER) private readonly provider: SearchProvider,
    @Inject(SEARCH_CACHE) private readonly cache: SearchCache,
    private readonly metrics: Metrics,
  ) {}

  async search(request: SearchRequest): Promise<SearchResult[]> {
    const queries = distinctQueries(request.queries);
    const maxResults = Math.min(Math.max(1, Math.trunc(request.maxResults)), MAX_RESULTS);
    const limit = this.fetchLimit(maxResults);
    const filters = filtersKey(request.filters);
    const lists = await Promise.all(
      queries.map(({ text, key }) =>
        this.cached(
          this.results,
          ['search', CACHED_RESULT_FORMAT, limit, key, filters],
          {
            query: text,
            limit,
            filters: request.filters,
            // Read only on a cache miss: a request may make its signal only when it is needed.
            get signal() {
              return request.signal;
            },
          },
          (q) => this.provider.search(q),
          this.prepareResults,
        ),
      ),
    );
    const accept = createResultFilter(request.filters);
    const kept = lists.map((list) => list.filter((cached) => accept(cached.result)));
    const merged = fuseBy(kept, (cached) => cached.key, mergeCached).slice(0, maxResults);
    return withinTokenBudget(merged, request.maxTokensPerPage, request.maxTokens);
  }

  /**
   * Images for one query (`return_images`), kept to pages that pass the domain filter and
   * to images that pass `image_domain_filter` / `image_format_filter`.
   */
  async images(
    query: string,
    filters: SearchFilters,
    limit: number,
    signal?: AbortSignal,
    imageFilters: ImageFilters = {},
  ): Promise<SearchImage[]> {
    const [{ text, key }] = distinctQueries([query]);
    const wanted = Math.min(Math.max(1, Math.trunc(limit)), MAX_RESULTS);
    const filtered = !!(imageFilters.domains?.length || imageFilters.formats?.length);
    // Image filters drop some of what comes back, so more is fetched to choose from.
    const fetched = filtered ? MAX_RESULTS : this.fetchLimit(wanted);
    const found = await this.cached(
      this.pictures,
      ['images', fetched, key, filtersKey(filters)],
      { query: text, limit: fetched, filters, signal },
      (q) => this.provider.images(q),
      asIs,
    );
    const accept = createResultFilter(filters);
    const acceptImage = createImageFilter(imageFilters);
    const distinct = new Map<string, SearchImage>();
    for (const image of found) {
      const imageKey = normalizeUrl(image.imageUrl);
      const page = { url: image.originUrl, date: null, lastUpdated: null };
      if (!distinct.has(imageKey) && accept(page) && acceptImage(image)) {
        distinct.set(imageKey, image);
      }
    }
    return [...distinct.values()].slice(0, wanted);
  }

  /** True when the backend has a video search (`return_videos`). */
  get hasVideos(): boolean {
    return typeof this.provider.videos === 'function';
  }

  /** Videos for one query, kept to pages that pass the filters; [] on a backend without videos. */
  async videos(
    query: string,
    filters: SearchFilters,
    limit: number,
    signal?: AbortSignal,
  ): Promise<SearchVideo[]> {
    const provider = this.provider;
    if (!provider.videos) return [];
    const [{ text, key }] = distinctQueries([query]);
    const wanted = Math.min(Math.max(1, Math.trunc(limit)), MAX_RESULTS);
    const fetched = this.fetchLimit(wanted);
    const found = await this.cached(
      this.films,
      ['videos', fetched, key, filtersKey(filters)],
      { query: text, limit: fetched, filters, signal },
      (q) => provider.videos!(q),
      asIs,
    );
    const accept = createResultFilter(filters);
    return found
      .filter((video) => accept({ url: video.url, date: null, lastUpdated: null }))
      .slice(0, wanted);
  }

  /**
   * How many results to ask the backend for: the shared cache entry's size, or with no cache
   * just what is wanted (more could cost another page, before the first token of an answer).
   */
  private fetchLimit(wanted: number): number {
    return this.cache.keepsNothing ? wanted : sharedLimit(wanted);
  }

  /**
   * Cache first; on a miss, one backend call however many identical requests are waiting,
   * its answer prepared (`prepare`) and cached.
   */
  private async cached<R, T>(
    flights: SingleFlight<T[]>,
    keyParts: readonly (string | number)[],
    query: ProviderQuery,
    fetch: (query: ProviderQuery) => Promise<R[]>,
    prepare: (found: R[]) => T[],
  ): Promise<T[]> {
    const key = [this.provider.name, ...keyParts].join('\n');
    const hit = await this.cache.get<T[]>(key);
    this.metrics.searchCache.inc({ result: hit ? 'hit' : 'miss' });
    if (hit) return hit;
    return flights.run(
      key,
      async (signal) => {
        const found = prepare(await this.timed(() => fetch({ ...query, signal })));
        await this.cache.set(key, found);
        return found;
      },
      query.signal,
    );
  }

  /** One backend call, timed by outcome. */
  private async timed<R>(call: () => Promise<R[]>): Promise<R[]> {
    const stop = this.metrics.searchDuration.startTimer({ provider: this.provider.name });
    try {
      const found = await call();
      stop({ outcome: 'ok' });
      return found;
    } catch (error) {
      stop({ outcome: error instanceof UpstreamError ? `http_${error.status}` : 'error' });
      throw error;
    }
  }
}

/** Trimmed, non-empty, each question once: its text and its normalised form (the cache key). */
function distinctQueries(queries: readonly string[]): { text: string; key: string }[] {
  const byKey = new Map<string, string>();
  for (const query of queries) {
    const text = query.replace(/\s+/g, ' ').trim();
    const key = normalizeQuery(text);
    if (text && !byKey.has(key)) byKey.set(key, text);
  }
  if (byKey.size === 0) throw new InvalidRequestError('query must contain some text.', 'query');
  return [...byKey].slice(0, MAX_QUERIES).map(([key, text]) => ({ text, key }));
}
