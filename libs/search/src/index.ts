export { PAGE_READER, SEARCH_CACHE, SEARCH_PROVIDER } from './search.tokens';
export type { PageReader, PageTextOrigin, ReadPage } from './pages/page-reader.interface';
export type { ProviderQuery, SearchProvider } from './search-provider.interface';
export type { SearchCache } from './search-cache.interface';
export type {
  RecencyFilter,
  SearchFilters,
  SearchImage,
  SearchMode,
  SearchRequest,
  SearchResult,
} from './search.types';
export { SearchModule } from './search.module';
export { MAX_QUERIES, MAX_RESULTS, SearchService } from './search.service';
export { SearchHealthIndicator } from './search.health';
export { SearchUnavailableError } from './search-unavailable.error';
export { toIsoDay } from './filters/date-filter';
export { parseDomainFilter, urlPassesDomainRules } from './filters/domain-filter';
export { type PerplexitySearchParams, toSearchFilters } from './filters/perplexity-search-params';
export { IsNotBefore } from './validation/is-not-before.validator';
export { IsDomainFilter, MAX_DOMAIN_FILTERS } from './validation/is-domain-filter.validator';
export { IsCountryCode, IsLanguageCode } from './validation/is-locale-code.validator';
export { normalizeUrl } from './ranking/normalize-url';
