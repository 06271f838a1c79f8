import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  AuthenticationError,
  RateLimitError,
  type RequestAuthenticator,
  ServiceUnavailableError,
} from '@answergate/common';
import { ApiKeyStore } from './api-key.store';
import { AuthFailureLimiter } from './auth-failure-limiter.service';
import { isPublicRoute } from './is-public-route';

/** The request after the guard: `apiKeyId` is the key's short fingerprint, never the key. */
export interface AuthenticatedRequest extends Request {
  apiKeyId?: string;
}

/**
 * Global guard: every route needs `Authorization: Bearer <key>` unless marked `@Public()`.
 * The error filter uses it as the `RequestAuthenticator` for paths no route matched.
 * Failures count against the client's address: past `AUTH_FAILURES_PER_MINUTE` they
 * get 429 with `Retry-After` instead of 401 (a valid key is never counted or slowed).
 */
@Injectable()
export class BearerAuthGuard implements CanActivate, RequestAuthenticator {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
    private readonly failures: AuthFailureLimiter,
  ) {}

  /** Synchronous when the key is valid (every request pays for a promise otherwise). */
  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (isPublicRoute(this.reflector, context)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    try {
      this.authenticate(request);
    } catch (error) {
      return this.refuse(error, request);
    }
    return true;
  }

  private async refuse(error: unknown, request: Request): Promise<never> {
    throw await this.limited(error, request);
  }

  /** A failed authentication, or 429 once the address has failed too often this minute. */
  private async limited(error: unknown, request: Request): Promise<unknown> {
    if (!(error instanceof AuthenticationError)) return error;
    const verdict = await this.failures.fail(request.ip ?? 'unknown');
    if (!verdict.limited) return error;
    return new RateLimitError(
      'Too many failed authentications from this address; retry later with a valid API key.',
      verdict.retryAfterSeconds,
    );
  }

  authenticate(request: AuthenticatedRequest): void {
    if (!this.keys.hasKeys) {
      throw new ServiceUnavailableError(
        'No API keys are configured on this server; set API_KEYS or API_KEYS_FILE.',
      );
    }
    const header = request.headers.authorization;
    if (!header) {
      throw new AuthenticationError(
        'You did not provide an API key. Send it as "Authorization: Bearer <key>".',
      );
    }
    const key = this.keys.check(request);
    if (!key) {
      throw new AuthenticationError('The Authorization header must be "Bearer <key>".');
    }
    if (!key.valid) {
      throw new AuthenticationError('Incorrect API key provided.');
    }
    request.apiKeyId = key.keyId;
  }
}
