import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AppConfig } from '../config/app-config';
import { RedisServer } from '../../../../test/support/redis-server';

type RedisClientModule = typeof import('./redis-client');

/** A fresh copy of `redis-client.ts` whose ioredis records when it is loaded. */
function freshRedisClient(loaded: string[]): RedisClientModule {
  let module: RedisClientModule | undefined;
  jest.isolateModules(() => {
    jest.doMock('ioredis', () => {
      loaded.push('ioredis');
      return jest.requireActual('ioredis');
    });
    module = jest.requireActual<RedisClientModule>('./redis-client');
  });
  return module as RedisClientModule;
}

describe('createRedisClient loads ioredis only when REDIS_URL is set', () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await RedisServer.start();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  it('without REDIS_URL gives no client and never loads ioredis', async () => {
    const loaded: string[] = [];
    const { createRedisClient } = freshRedisClient(loaded);
    expect(await createRedisClient({} as AppConfig)).toBeNull();
    expect(loaded).toEqual([]);
  });

  it('with REDIS_URL loads ioredis and gives a client that reaches Redis', async () => {
    const loaded: string[] = [];
    const { createRedisClient } = freshRedisClient(loaded);
    const client = await createRedisClient({ redisUrl: redis.url } as AppConfig);
    try {
      expect(loaded).toEqual(['ioredis']);
      expect(await client?.ping()).toBe('PONG');
    } finally {
      client?.disconnect();
    }
  });
});
