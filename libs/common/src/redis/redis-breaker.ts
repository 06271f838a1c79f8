import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics.service';
import { REDIS_CLIENT } from './redis.tokens';

export type BreakerState = 'disabled' | 'closed' | 'open' | 'half-open';

/** Connection states in which a command could only wait in ioredis's offline queue. */
const DOWN_STATUSES = new Set(['reconnecting', 'close', 'end']);

/**
 * A circuit breaker every Redis user goes through. Closed: commands run. After one
 * failure it opens: every call takes its in-process fallback at once, without
 * touching Redis. After `REDIS_BREAKER_COOLDOWN_MS` one PING probes (in the
 * background, so no request pays for it): success closes the breaker, failure
 * keeps it open for another cooldown. An outage costs one command timeout, not one
 * per request, and logs one WARN and one INFO.
 */
@Injectable()
export class RedisBreaker implements OnModuleDestroy {
  private readonly logger = new Logger('RedisBreaker');
  private current: BreakerState;
  private probeTimer?: NodeJS.Timeout;
  private readonly cooldownMs: number;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    config: AppConfig,
    private readonly metrics: Metrics,
  ) {
    this.cooldownMs = config.redisBreakerCooldownMs;
    this.current = redis ? 'closed' : 'disabled';
  }

  get state(): BreakerState {
    return this.current;
  }

  /** True when Redis is configured at all (the breaker may still be open). */
  get configured(): boolean {
    return this.redis !== null;
  }

  /** Runs `command` on Redis, or `fallback` when Redis is off, the breaker is open, or it fails. */
  async run<T>(command: (redis: Redis) => Promise<T>, fallback: () => T | Promise<T>): Promise<T> {
    if (!this.redis || this.current !== 'closed') return fallback();
    if (DOWN_STATUSES.has(this.redis.status)) {
      this.failed(`connection is ${this.redis.status}`);
      return fallback();
    }
    try {
      return await command(this.redis);
    } catch (error) {
      this.failed(error instanceof Error ? error.message : String(error));
      return fallback();
    }
  }

  /** For health details: a direct PING that neither waits in a queue nor moves the breaker. */
  async ping(): Promise<void> {
    if (!this.redis) throw new Error('Redis is not configured');
    if (this.redis.status !== 'ready') throw new Error(`connection is ${this.redis.status}`);
    await this.redis.ping();
  }

  onModuleDestroy(): void {
    clearTimeout(this.probeTimer);
  }

  private failed(reason: string): void {
    const wasClosed = this.current === 'closed';
    this.current = 'open';
    this.metrics.redisBreakerOpen.set(1);
    if (wasClosed) {
      this.logger.warn(
        `Redis failed (${reason}): using in-process fallbacks, probing every ${this.cooldownMs} ms`,
      );
    }
    clearTimeout(this.probeTimer);
    this.probeTimer = setTimeout(() => void this.probe(), this.cooldownMs);
    this.probeTimer.unref();
  }

  private async probe(): Promise<void> {
    this.current = 'half-open';
    try {
      await this.ping();
    } catch (error) {
      this.failed(error instanceof Error ? error.message : String(error));
      return;
    }
    this.current = 'closed';
    this.metrics.redisBreakerOpen.set(0);
    this.logger.log('Redis answers again: breaker closed');
  }
}
