/** Perplexity's recency buckets. */
export type RecencyFilter = 'hour' | 'day' | 'week' | 'month' | 'year';
export type SearchMode = 'web' | 'academic' | 'sec';

/** Filters every provider honours; the search service also enforces them on returned URLs. */
export interface SearchFilters {
  /** `example.com` allows (subdomains too); `-example.com` denies. Up to 20. */
  domains?: string[];
  recency?: RecencyFilter;
  publishedAfter?: Date;
  publishedBefore?: Date;
  updatedAfter?: Date;
  updatedBefore?: Date;
  /** ISO 3166 alpha-2, e.g. `US`. */
  country?: string;
  /** BCP 47 / ISO 639-1, e.g. `en`. */
  language?: string;
  mode?: SearchMode;
}

/** One ranked hit, in the shape `/v1/search` and the completion pipeline return. */
export interface SearchResult {
  title: string;
  url: string;
  snippet: string;
  /** Publication date `YYYY-MM-DD`, when known. */
  date: string | null;
  /** Last update `YYYY-MM-DD`, when known. */
  lastUpdated: string | null;
}

export interface SearchImage {
  imageUrl: string;
  originUrl: string;
  title: string;
  width?: number;
  height?: number;
}

/** What the search service is asked: one or several queries, merged into one ranked list. */
export interface SearchRequest {
  queries: string[];
  maxResults: number;
  filters: SearchFilters;
  /** Cut each snippet to about this many tokens. */
  maxTokensPerPage?: number;
  /** Cut snippets, in rank order, to about this many tokens in all. */
  maxTokens?: number;
  signal?: AbortSignal;
}
