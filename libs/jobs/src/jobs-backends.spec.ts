import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '@answergate/common';
import { RedisServer } from '../../../test/support/redis-server';

type Backends = typeof import('./jobs-backends');

/** A fresh copy of `jobs-backends.ts` whose BullMQ and ioredis record when they are loaded. */
function freshBackends(loaded: string[]): Backends {
  let module: Backends | undefined;
  jest.isolateModules(() => {
    for (const name of ['bullmq', 'ioredis']) {
      jest.doMock(name, () => {
        loaded.push(name);
        return jest.requireActual(name);
      });
    }
    module = jest.requireActual<Backends>('./jobs-backends');
  });
  return module as Backends;
}

const config = (redisUrl?: string) =>
  ({ redisUrl, research: { maxAttempts: 2, resultTtlSeconds: 60 } }) as AppConfig;

describe('createJobQueue loads BullMQ only for Redis', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('without REDIS_URL gives the in-process queue and never loads BullMQ or ioredis', async () => {
    const loaded: string[] = [];
    const { createJobQueue } = freshBackends(loaded);
    const queue = await createJobQueue(config());
    expect(queue.backend).toBe('memory');
    expect(loaded).toEqual([]);
  });

  it('with REDIS_URL loads BullMQ and ioredis and gives a queue that reaches Redis', async () => {
    const loaded: string[] = [];
    const { createJobQueue } = freshBackends(loaded);
    const queue = await createJobQueue(config(redis.url));
    try {
      expect(queue.backend).toBe('bullmq');
      expect(loaded.sort()).toEqual(['bullmq', 'ioredis']);
      await queue.add('job-1');
      expect(await queue.depth()).toBe(1);
    } finally {
      await queue.stop();
    }
  }, 20_000);
});
