import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig, RateLimitError, RedisBreaker } from '@answergate/common';
import { RENEW_LEASES, TAKE_LEASE } from './stream-lease-scripts';

interface Lease {
  keyId: string;
  id: string;
  /** Where the lease was granted: Redis (shared), or this process while the breaker is open. */
  shared: boolean;
}

/**
 * Caps the streams one API key holds open at once, across replicas when Redis is
 * configured. Each stream holds a lease with its own id and a short TTL that a
 * heartbeat renews while it is open, so a slot nobody renews (a replica that died,
 * a take that timed out and ran late, a release lost in an outage) frees itself
 * within one TTL. While Redis fails, leases are counted in this process.
 */
@Injectable()
export class StreamSlots implements OnModuleDestroy {
  private readonly cap: number;
  private readonly ttlMs: number;
  private readonly leases = new Map<string, Lease>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(
    config: AppConfig,
    private readonly breaker: RedisBreaker,
  ) {
    this.cap = config.rateLimit.concurrentStreams;
    this.ttlMs = config.rateLimit.streamLeaseTtlSeconds * 1000;
    this.heartbeat = setInterval(() => void this.renew(), Math.max(250, this.ttlMs / 3));
    this.heartbeat.unref();
  }

  /** Takes a slot (429 when the key holds its cap); call the returned function when the stream ends. */
  async acquire(keyId: string): Promise<() => void> {
    if (this.cap === 0) return () => undefined;
    const lease: Lease = { keyId, id: randomUUID(), shared: false };
    if (!(await this.take(lease))) {
      throw new RateLimitError(
        `Too many concurrent streams: this API key may hold ${this.cap} open at once.`,
        1,
      );
    }
    this.leases.set(lease.id, lease);
    return () => this.release(lease);
  }

  /** Leases this process holds now (for tests and diagnostics). */
  get held(): number {
    return this.leases.size;
  }

  onModuleDestroy(): void {
    clearInterval(this.heartbeat);
  }

  private take(lease: Lease): Promise<boolean> {
    return this.breaker.run(
      async (redis) => {
        try {
          const granted = await redis.eval(
            TAKE_LEASE,
            1,
            this.redisKey(lease.keyId),
            this.cap,
            lease.id,
            this.ttlMs,
          );
          lease.shared = granted === 1;
          return lease.shared;
        } catch (error) {
          // A timed-out take may still run when Redis wakes: queue its undo behind it.
          this.forget(redis, lease);
          throw error;
        }
      },
      () => this.takeLocally(lease),
    );
  }

  private takeLocally(lease: Lease): boolean {
    let open = 0;
    for (const held of this.leases.values()) if (held.keyId === lease.keyId) open += 1;
    return open < this.cap;
  }

  private release(lease: Lease): void {
    if (!this.leases.delete(lease.id) || !lease.shared) return;
    // If Redis is out, the lease simply expires there within one TTL.
    void this.breaker.run(
      (redis) => redis.zrem(this.redisKey(lease.keyId), lease.id),
      () => 0,
    );
  }

  private forget(redis: Redis, lease: Lease): void {
    redis.zrem(this.redisKey(lease.keyId), lease.id).catch(() => undefined);
  }

  private async renew(): Promise<void> {
    const byKey = new Map<string, string[]>();
    for (const lease of this.leases.values()) {
      if (!lease.shared) continue;
      byKey.set(lease.keyId, [...(byKey.get(lease.keyId) ?? []), lease.id]);
    }
    if (byKey.size === 0) return;
    await this.breaker.run(
      (redis) =>
        Promise.all(
          [...byKey].map(([keyId, ids]) =>
            redis.eval(RENEW_LEASES, 1, this.redisKey(keyId), this.ttlMs, ...ids),
          ),
        ),
      () => [],
    );
  }

  /** Not `answergate:streams:` (the counters of earlier versions): a new type needs a new key. */
  private redisKey(keyId: string): string {
    return `answergate:stream-leases:${keyId}`;
  }
}
