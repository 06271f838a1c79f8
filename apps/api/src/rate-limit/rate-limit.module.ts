import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { AppConfig, REDIS_CLIENT } from '@answergate/common';
import { KeyRateLimitGuard } from './key-rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { StreamSlots } from './stream-slots.service';

/** Requests per window and concurrent streams, per API key, shared through Redis when set. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, REDIS_CLIENT],
      useFactory: (config: AppConfig, redis: Redis | null) => ({
        throttlers: [
          {
            name: 'requests',
            limit: config.rateLimit.requests,
            ttl: config.rateLimit.windowSeconds * 1000,
          },
        ],
        skipIf: () => config.rateLimit.requests === 0,
        storage: new RedisThrottlerStorage(redis),
      }),
    }),
  ],
  providers: [StreamSlots, { provide: APP_GUARD, useClass: KeyRateLimitGuard }],
  exports: [StreamSlots],
})
export class RateLimitModule {}
