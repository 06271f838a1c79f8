import { Injectable } from '@nestjs/common';
import { AppConfig, RedisBreaker } from '@answergate/common';

const WINDOW_MS = 60_000;

/** Counts one failure and returns [failures in this window, ms left in it], in one round trip. */
const COUNT_FAILURE = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

export interface FailureVerdict {
  /** True once the address is over `AUTH_FAILURES_PER_MINUTE`. */
  limited: boolean;
  retryAfterSeconds: number;
}

/**
 * Failed authentications per client address, in fixed one-minute windows shared
 * through Redis (in this process while the Redis breaker is open). Only failures
 * are counted, so a valid key is never slowed, whatever its address did before.
 */
@Injectable()
export class AuthFailureLimiter {
  private readonly limit: number;
  private readonly local = new Map<string, { count: number; resetAt: number }>();

  constructor(
    config: AppConfig,
    private readonly breaker: RedisBreaker,
  ) {
    this.limit = config.rateLimit.authFailuresPerMinute;
  }

  async fail(address: string): Promise<FailureVerdict> {
    if (this.limit === 0) return { limited: false, retryAfterSeconds: 0 };
    const [count, msLeft] = await this.breaker.run(
      async (redis) =>
        (await redis.eval(COUNT_FAILURE, 1, `answergate:auth-failures:${address}`, WINDOW_MS)) as [
          number,
          number,
        ],
      () => this.countLocally(address),
    );
    return { limited: count > this.limit, retryAfterSeconds: Math.ceil(msLeft / 1000) };
  }

  private countLocally(address: string): [number, number] {
    const now = Date.now();
    let entry = this.local.get(address);
    if (!entry || entry.resetAt <= now) {
      this.sweep(now);
      entry = { count: 0, resetAt: now + WINDOW_MS };
      this.local.set(address, entry);
    }
    entry.count += 1;
    return [entry.count, entry.resetAt - now];
  }

  /** Forgets windows that ended, so a flood from many addresses cannot grow the map for ever. */
  private sweep(now: number): void {
    for (const [address, entry] of this.local) if (entry.resetAt <= now) this.local.delete(address);
  }
}
