import { createHash } from 'node:crypto';
import type { RedisBreaker } from '@answergate/common';
import type { SearchCache } from '../search-cache.interface';

const KEY_PREFIX = 'answergate:search:';

/**
 * The cache replicas share, on the process's Redis connection, through the Redis
 * circuit breaker: while Redis fails a lookup is an immediate miss and a store is
 * skipped, so an outage costs no latency (the breaker logs it once).
 */
export class RedisSearchCache implements SearchCache {
  readonly name = 'redis';

  constructor(
    private readonly breaker: RedisBreaker,
    private readonly ttlMs: number,
  ) {}

  get<T>(key: string): Promise<T | undefined> {
    return this.breaker.run(
      async (redis) => {
        const value = await redis.get(this.redisKey(key));
        return value === null ? undefined : (JSON.parse(value) as T);
      },
      () => undefined,
    );
  }

  async set<T>(key: string, value: T): Promise<void> {
    await this.breaker.run(
      async (redis) => {
        await redis.set(this.redisKey(key), JSON.stringify(value), 'PX', this.ttlMs);
      },
      () => undefined,
    );
  }

  ping(): Promise<void> {
    return this.breaker.ping();
  }

  /** Keys hold user queries: hashed, they stay short and unreadable in `KEYS`. */
  private redisKey(key: string): string {
    return KEY_PREFIX + createHash('sha256').update(key).digest('base64url');
  }
}
