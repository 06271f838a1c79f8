import { LRUCache } from 'lru-cache';
import type { ResponseStore, StoredResponse } from './response-store.interface';

/** In-process store for a single replica: bounded in count, entries expire after the TTL. */
export class MemoryResponseStore implements ResponseStore {
  private readonly entries: LRUCache<string, StoredResponse>;

  constructor(ttlSeconds: number, maxEntries = 10_000) {
    this.entries = new LRUCache({ max: maxEntries, ttl: ttlSeconds * 1000 });
  }

  save(stored: StoredResponse): Promise<void> {
    this.entries.set(stored.response.id, structuredClone(stored));
    return Promise.resolve();
  }

  find(id: string, owner: string): Promise<StoredResponse | undefined> {
    const stored = this.entries.get(id);
    return Promise.resolve(stored?.owner === owner ? structuredClone(stored) : undefined);
  }
}
