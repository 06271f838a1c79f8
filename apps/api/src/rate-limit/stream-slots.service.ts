import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig, RateLimitError, REDIS_CLIENT } from '@answergate/common';

/** A slot is freed on release; this TTL only cleans up after a replica that died holding slots. */
const SLOT_TTL_SECONDS = 3600;
const ACQUIRE = `
local n = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
if n > tonumber(ARGV[1]) then redis.call('DECR', KEYS[1]); return 0 end
return 1`;

/**
 * Caps the streams one API key holds open at once, across replicas when Redis is
 * configured. `acquire` throws 429 when the key is at its cap; call the returned
 * release function exactly when the stream ends.
 */
@Injectable()
export class StreamSlots {
  private readonly logger = new Logger(StreamSlots.name);
  private readonly local = new Map<string, number>();
  private readonly cap: number;

  constructor(
    config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
  ) {
    this.cap = config.rateLimit.concurrentStreams;
  }

  async acquire(keyId: string): Promise<() => void> {
    if (this.cap === 0) return () => undefined;
    const granted = await this.take(keyId);
    if (!granted) {
      throw new RateLimitError(
        `Too many concurrent streams: this API key may hold ${this.cap} open at once.`,
        1,
      );
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      void this.give(keyId);
    };
  }

  private async take(keyId: string): Promise<boolean> {
    if (this.redis) {
      try {
        const granted = await this.redis.eval(
          ACQUIRE,
          1,
          this.redisKey(keyId),
          this.cap,
          SLOT_TTL_SECONDS,
        );
        return granted === 1;
      } catch (error) {
        this.logger.warn(`Stream slots fell back to this process: ${(error as Error).message}`);
      }
    }
    const open = this.local.get(keyId) ?? 0;
    if (open >= this.cap) return false;
    this.local.set(keyId, open + 1);
    return true;
  }

  private async give(keyId: string): Promise<void> {
    const open = this.local.get(keyId);
    if (open !== undefined) {
      if (open <= 1) this.local.delete(keyId);
      else this.local.set(keyId, open - 1);
      return;
    }
    await this.redis?.decr(this.redisKey(keyId)).catch(() => undefined);
  }

  private redisKey(keyId: string): string {
    return `answergate:streams:${keyId}`;
  }
}
