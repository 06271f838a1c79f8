import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import type { RedisBreaker } from '@answergate/common';

/** Counts a hit and returns [hits, milliseconds left in the window], in one round trip. */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {hits, ttl}`;

/**
 * Fixed-window counters in Redis, so every replica shares a key's budget. While
 * Redis fails (the breaker is open), counting falls back to this process at once:
 * a looser limit beats refusing traffic or waiting on a dead server.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly local = new ThrottlerStorageService();

  constructor(private readonly breaker: RedisBreaker) {}

  increment(key: string, ttl: number, limit: number, blockDuration: number, name: string) {
    return this.breaker.run(
      async (redis) => {
        const [hits, msLeft] = (await redis.eval(INCREMENT, 1, `answergate:rl:${key}`, ttl)) as [
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
      },
      () => this.local.increment(key, ttl, limit, blockDuration, name),
    );
  }

  onApplicationShutdown(): void {
    this.local.onApplicationShutdown();
  }
}
