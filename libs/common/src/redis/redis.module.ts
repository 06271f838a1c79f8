import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { createRedisClient } from './redis-client';
import { RedisBreaker } from './redis-breaker';
import { REDIS_CLIENT } from './redis.tokens';

@Global()
@Module({
  providers: [
    { provide: REDIS_CLIENT, inject: [AppConfig], useFactory: createRedisClient },
    RedisBreaker,
  ],
  exports: [REDIS_CLIENT, RedisBreaker],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => this.client?.disconnect());
  }
}
