import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, RedisBreaker } from '@answergate/common';
import { KeyRateLimitGuard } from './key-rate-limit.guard';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { RequestRateLimitGuard } from './request-rate-limit.guard';
import { StreamSlots } from './stream-slots.service';

/** Requests per window and concurrent streams, per API key, shared through Redis when set. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, RedisBreaker],
      useFactory: (config: AppConfig, breaker: RedisBreaker) => ({
        throttlers: [
          {
            name: 'requests',
            limit: config.rateLimit.requests,
            ttl: config.rateLimit.windowSeconds * 1000,
          },
        ],
        skipIf: () => config.rateLimit.requests === 0,
        storage: new RedisThrottlerStorage(breaker),
      }),
    }),
  ],
  providers: [
    StreamSlots,
    KeyRateLimitGuard,
    { provide: APP_GUARD, useClass: RequestRateLimitGuard },
  ],
  exports: [StreamSlots],
})
export class RateLimitModule {}
