/**
 * Where search results are kept between requests. Implementations never throw:
 * a cache that fails answers "miss" and drops the write, so a search never fails for it.
 */
export interface SearchCache {
  /** Shown in logs and readiness (`memory`, `redis`, `none`). */
  readonly name: string;
  /** True when nothing is kept (`SEARCH_CACHE_TTL_SECONDS=0`): no entry to share between requests. */
  readonly keepsNothing?: boolean;
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  /** For readiness, on caches that live outside the process. */
  ping?(signal?: AbortSignal): Promise<void>;
}
