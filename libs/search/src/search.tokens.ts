/** Injection token for the configured `SearchProvider`. */
export const SEARCH_PROVIDER = Symbol('SEARCH_PROVIDER');

/** Injection token for the `SearchCache` (in process, or Redis when `REDIS_URL` is set). */
export const SEARCH_CACHE = Symbol('SEARCH_CACHE');

/** Injection token for the `PageReader` (HTTP with the address guard, the local index, or snippets). */
export const PAGE_READER = Symbol('PAGE_READER');
