import type { Redis } from 'ioredis';
import type { AppConfig } from '@answergate/common';
import type { JobQueue } from './job-queue.interface';
import type { JobStore } from './job-store.interface';
import { BullMqJobQueue } from './queues/bullmq-job.queue';
import { MemoryJobQueue } from './queues/memory-job.queue';
import { MemoryJobStore } from './stores/memory-job.store';
import { RedisJobStore } from './stores/redis-job.store';

/** A worker that stops renewing its lock for this long has died: its job goes to another. */
const LOCK_DURATION_MS = 10_000;
const STALLED_INTERVAL_MS = 5_000;

export function createJobStore(config: AppConfig, redis: Redis | null): JobStore {
  const ttl = config.research.resultTtlSeconds;
  return redis ? new RedisJobStore(redis, ttl) : new MemoryJobStore(ttl * 1000);
}

/**
 * BullMQ over Redis when `REDIS_URL` is set, else this process's queue. BullMQ (and the
 * ioredis it brings) is loaded only in the first case: without Redis it takes no memory.
 */
export async function createJobQueue(config: AppConfig): Promise<JobQueue> {
  if (!config.redisUrl) return new MemoryJobQueue();
  return BullMqJobQueue.open({
    redisUrl: config.redisUrl,
    lockDurationMs: LOCK_DURATION_MS,
    stalledIntervalMs: STALLED_INTERVAL_MS,
    // Our worker bounds attempts itself; BullMQ's own bound is only a backstop.
    maxStalledCount: config.research.maxAttempts,
  });
}
