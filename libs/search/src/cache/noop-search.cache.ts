import type { SearchCache } from '../search-cache.interface';

/** `SEARCH_CACHE_TTL_SECONDS=0`: every search goes to the backend. */
export class NoopSearchCache implements SearchCache {
  readonly name = 'none';
  readonly keepsNothing = true;

  get<T>(): Promise<T | undefined> {
    return Promise.resolve(undefined);
  }

  set(): Promise<void> {
    return Promise.resolve();
  }
}
