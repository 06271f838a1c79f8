import { afterEach, describe, expect, it } from '@jest/globals';
import { RedisServer } from '../../../../test/support/redis-server';
import { BullMqJobQueue, CLOSE_TIMEOUT_MS } from './bullmq-job.queue';

/** A queue with a started worker (nothing to do), once it has reached Redis. */
async function startedQueue(redisUrl: string): Promise<BullMqJobQueue> {
  const queue = await BullMqJobQueue.open({
    redisUrl,
    lockDurationMs: 5000,
    stalledIntervalMs: 5000,
    maxStalledCount: 1,
  });
  queue.start(
    () => Promise.resolve(),
    1,
    () => undefined,
  );
  await queue.depth();
  return queue;
}

describe('BullMqJobQueue.stop', () => {
  let redis: RedisServer | undefined;
  afterEach(async () => {
    await redis?.stop();
  });

  it('with Redis gone closes the worker at once instead of waiting out the close timeout', async () => {
    redis = await RedisServer.start();
    const queue = await startedQueue(redis.url);
    await redis.stop();
    redis = undefined;

    const started = performance.now();
    await queue.stop();
    // Waiting for the worker's jobs needs Redis: a close that waits never stops its timers,
    // and only the timeout ended it.
    expect(performance.now() - started).toBeLessThan(CLOSE_TIMEOUT_MS / 2);
  }, 20_000);

  it('with Redis stalled (its connection still ready) closes the worker at once too', async () => {
    redis = await RedisServer.start();
    const queue = await startedQueue(redis.url);
    redis.stall();

    const started = performance.now();
    await queue.stop();
    expect(performance.now() - started).toBeLessThan(CLOSE_TIMEOUT_MS / 2);
  }, 20_000);
});
