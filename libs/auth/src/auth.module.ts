import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { REQUEST_AUTHENTICATOR } from '@answergate/common';
import { TerminusModule } from '@nestjs/terminus';
import { ApiKeyStore } from './api-key.store';
import { AuthHealthIndicator } from './auth.health';
import { BearerAuthGuard } from './bearer-auth.guard';

@Module({
  imports: [TerminusModule],
  providers: [
    ApiKeyStore,
    AuthHealthIndicator,
    BearerAuthGuard,
    { provide: APP_GUARD, useExisting: BearerAuthGuard },
    { provide: REQUEST_AUTHENTICATOR, useExisting: BearerAuthGuard },
  ],
  exports: [ApiKeyStore, AuthHealthIndicator, REQUEST_AUTHENTICATOR],
})
export class AuthModule {}
