import { Logger } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { Redis } from 'ioredis';

/** Counts a hit and returns [hits, milliseconds left in the window], in one round trip. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}`;

/**
 * Fixed-window counters in Redis, so every replica shares a key's budget. If Redis
 * fails, counting falls back to this process (a looser limit beats refusing traffic).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private readonly local = new ThrottlerStorageService();

  constructor(private readonly redis: Redis | null) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string) {
    if (!this.redis) return this.local.increment(key, ttl, limit, blockDuration, name);
    try {
      const [hits, msLeft] = (await this.redis.eval(INCREMENT, 1, `answergate:rl:${key}`, ttl)) as [
        number,
        number,
      ];
      const secondsLeft = Math.ceil(msLeft / 1000);
      const isBlocked = hits > limit;
      return {
        totalHits: hits,
        timeToExpire: secondsLeft,
        isBlocked,
        timeToBlockExpire: isBlocked ? secondsLeft : 0,
      };
    } catch (error) {
      this.logger.warn(
        `Rate limit counting fell back to this process: ${(error as Error).message}`,
      );
      return this.local.increment(key, ttl, limit, blockDuration, name);
    }
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
