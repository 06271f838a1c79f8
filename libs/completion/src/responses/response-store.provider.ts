import type { Provider } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig, REDIS_CLIENT } from '@answergate/common';
import { MemoryResponseStore } from './memory-response.store';
import { RedisResponseStore } from './redis-response.store';
import { RESPONSE_STORE } from './responses.tokens';

/** Redis when REDIS_URL is set (shared by replicas), else this process's memory. */
export const responseStoreProvider: Provider = {
  provide: RESPONSE_STORE,
  inject: [AppConfig, REDIS_CLIENT],
  useFactory: (config: AppConfig, redis: Redis | null) =>
    redis
      ? new RedisResponseStore(redis, config.responsesTtlSeconds)
      : new MemoryResponseStore(config.responsesTtlSeconds),
};
