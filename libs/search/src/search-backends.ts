import type { Redis } from 'ioredis';
import type { AppConfig, Metrics } from '@answergate/common';
import { MemorySearchCache } from './cache/memory-search.cache';
import { NoopSearchCache } from './cache/noop-search.cache';
import { RedisSearchCache } from './cache/redis-search.cache';
import { AllowList } from './pages/allow-list';
import { DocumentPageReader } from './pages/document-page-reader';
import { HttpPageReader } from './pages/http-page-reader';
import type { PageReader } from './pages/page-reader.interface';
import { systemResolve } from './pages/page-target';
import { SnippetPageReader } from './pages/snippet-page-reader';
import { LocalSearchProvider } from './providers/local/local-search.provider';
import { SearxngClient } from './providers/searxng/searxng-client';
import { SearxngSearchProvider } from './providers/searxng/searxng-search.provider';
import type { SearchCache } from './search-cache.interface';
import type { SearchProvider } from './search-provider.interface';

/** One constructor per `SEARCH_PROVIDER` value: adding a backend is adding a line here. */
const PROVIDERS: Record<AppConfig['searchProvider'], (config: AppConfig) => SearchProvider> = {
  local: (config) => new LocalSearchProvider(config.localIndexDir),
  searxng: (config) =>
    new SearxngSearchProvider(new SearxngClient(config.searxngUrl ?? '', config.searchTimeoutMs)),
};

export function createSearchProvider(config: AppConfig): SearchProvider {
  return PROVIDERS[config.searchProvider](config);
}

/** Redis when `REDIS_URL` is set (shared by replicas), else in process; TTL 0 turns caching off. */
export function createSearchCache(config: AppConfig, redis: Redis | null): SearchCache {
  const ttlMs = config.searchCacheTtlSeconds * 1000;
  if (ttlMs === 0) return new NoopSearchCache();
  if (redis) return new RedisSearchCache(redis, ttlMs);
  return new MemorySearchCache(ttlMs, config.searchCacheMaxMb * 1024 * 1024);
}

/** Names the service to the sites it reads, so they can tell it from a browser. */
export const PAGE_READER_USER_AGENT =
  'Mozilla/5.0 (compatible; Answergate/0.1; answer engine page reader)';

/**
 * The local index reads its own documents; web results have their pages fetched when
 * `PAGE_FETCH` is on (the default with SearXNG), else keep their snippets.
 */
export function createPageReader(
  config: AppConfig,
  provider: SearchProvider,
  cache: SearchCache,
  metrics: Metrics,
): PageReader {
  if (provider.fullText) return new DocumentPageReader(provider);
  if (!config.pageFetch.enabled) return new SnippetPageReader();
  const settings = {
    timeoutMs: config.pageFetch.timeoutMs,
    maxBytes: config.pageFetch.maxBytes,
    maxRedirects: 3,
    userAgent: PAGE_READER_USER_AGENT,
    allowList: new AllowList(config.pageFetch.allowHosts),
    resolve: systemResolve,
  };
  return new HttpPageReader(settings, config.pageFetch.maxPages, cache, metrics);
}
