import { createHash } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { SearchCache } from '../search-cache.interface';

const KEY_PREFIX = 'answergate:search:';

/**
 * The cache replicas share, on the process's Redis connection. While Redis is not
 * ready a lookup is an immediate miss (no queueing), so an outage costs no latency.
 */
export class RedisSearchCache implements SearchCache {
  readonly name = 'redis';
  private readonly logger = new Logger('SearchCache');
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly ttlMs: number,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    if (this.redis.status !== 'ready') return this.miss(`connection is ${this.redis.status}`);
    try {
      const value = await this.redis.get(this.redisKey(key));
      this.recovered();
      return value === null ? undefined : (JSON.parse(value) as T);
    } catch (error) {
      return this.miss((error as Error).message);
    }
  }

  async set<T>(key: string, value: T): Promise<void> {
    if (this.redis.status !== 'ready') return;
    try {
      await this.redis.set(this.redisKey(key), JSON.stringify(value), 'PX', this.ttlMs);
    } catch (error) {
      this.miss((error as Error).message);
    }
  }

  async ping(): Promise<void> {
    if (this.redis.status !== 'ready') throw new Error(`connection is ${this.redis.status}`);
    await this.redis.ping();
  }

  /** Keys hold user queries: hashed, they stay short and unreadable in `KEYS`. */
  private redisKey(key: string): string {
    return KEY_PREFIX + createHash('sha256').update(key).digest('base64url');
  }

  /** Logs once per outage, not once per request. */
  private miss(reason: string): undefined {
    if (!this.failing) this.logger.warn(`Redis cache unavailable, searching without it: ${reason}`);
    this.failing = true;
    return undefined;
  }

  private recovered(): void {
    if (this.failing) this.logger.log('Redis cache available again');
    this.failing = false;
  }
}
