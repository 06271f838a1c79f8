import type { Redis } from 'ioredis';
import type { AppConfig } from '@answergate/common';
import { MemorySearchCache } from './cache/memory-search.cache';
import { NoopSearchCache } from './cache/noop-search.cache';
import { RedisSearchCache } from './cache/redis-search.cache';
import { LocalSearchProvider } from './providers/local/local-search.provider';
import { SearxngClient } from './providers/searxng/searxng-client';
import { SearxngSearchProvider } from './providers/searxng/searxng-search.provider';
import type { SearchCache } from './search-cache.interface';
import type { SearchProvider } from './search-provider.interface';

/** One constructor per `SEARCH_PROVIDER` value: adding a backend is adding a line here. */
const PROVIDERS: Record<AppConfig['searchProvider'], (config: AppConfig) => SearchProvider> = {
  local: (config) => new LocalSearchProvider(config.localIndexDir, config.localIndexBaseUrl),
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
  return redis ? new RedisSearchCache(redis, ttlMs) : new MemorySearchCache(ttlMs);
}
