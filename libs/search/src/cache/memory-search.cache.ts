import { LRUCache } from 'lru-cache';
import type { SearchCache } from '../search-cache.interface';
import { entryBytes } from './entry-bytes';

/** In-process LRU with a TTL, bounded by the approximate bytes of what it holds. */
export class MemorySearchCache implements SearchCache {
  readonly name = 'memory';
  private readonly lru: LRUCache<string, object>;

  /** `clock` (milliseconds, default `performance`) lets tests move time without waiting. */
  constructor(ttlMs: number, maxBytes = 64 * 1024 * 1024, clock?: { now(): number }) {
    this.lru = new LRUCache<string, object>({
      ttl: ttlMs,
      perf: clock,
      maxSize: maxBytes,
      // Counted once, when stored: cached results include the room they grow into.
      sizeCalculation: (value, key) => entryBytes(key, value),
    });
  }

  get<T>(key: string): Promise<T | undefined> {
    return Promise.resolve(this.lru.get(key) as T | undefined);
  }

  set<T>(key: string, value: T): Promise<void> {
    this.lru.set(key, value as object);
    return Promise.resolve();
  }
}
