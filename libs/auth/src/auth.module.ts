import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ApiKeyStore } from './api-key.store';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { AuthHealthIndicator } from './auth.health';
import { BearerAuthGuard } from './bearer-auth.guard';

@Module({
  imports: [TerminusModule],
  providers: [
    ApiKeyStore,
    AuthHealthIndicator,
    AuthFailureLimiter,
    { provide: APP_GUARD, useClass: BearerAuthGuard },
  ],
  exports: [ApiKeyStore, AuthHealthIndicator],
})
export class AuthModule {}
