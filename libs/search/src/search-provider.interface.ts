import type { SearchFilters, SearchImage, SearchResult } from './search.types';

/** One query as a backend sees it. */
export interface ProviderQuery {
  query: string;
  /** How many results the caller wants at most (the provider may page to reach it). */
  limit: number;
  filters: SearchFilters;
  signal?: AbortSignal;
}

/**
 * A search backend (SearXNG, the embedded local index, ...). Chosen by
 * `SEARCH_PROVIDER` and injected with `SEARCH_PROVIDER` token; callers never know which.
 */
export interface SearchProvider {
  readonly name: string;
  search(query: ProviderQuery): Promise<SearchResult[]>;
  images(query: ProviderQuery): Promise<SearchImage[]>;
  /** The whole text behind a result, for backends that hold it (the local index). */
  fullText?(url: string): string | undefined;
  /** Resolves when the backend can answer; rejects with the reason otherwise (readiness). */
  ping(signal?: AbortSignal): Promise<void>;
}
