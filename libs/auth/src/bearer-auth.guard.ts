import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  AuthenticationError,
  type RequestAuthenticator,
  ServiceUnavailableError,
} from '@answergate/common';
import { ApiKeyStore } from './api-key.store';
import { bearerToken } from './bearer-token';
import { IS_PUBLIC_KEY } from './public.decorator';

/** The request after the guard: `apiKeyId` is the key's short fingerprint, never the key. */
export interface AuthenticatedRequest extends Request {
  apiKeyId?: string;
}

/**
 * Global guard: every route needs `Authorization: Bearer <key>` unless marked `@Public()`.
 * The error filter uses it as the `RequestAuthenticator` for paths no route matched.
 */
@Injectable()
export class BearerAuthGuard implements CanActivate, RequestAuthenticator {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    this.authenticate(context.switchToHttp().getRequest<AuthenticatedRequest>());
    return true;
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
    const key = bearerToken(header);
    if (!key) {
      throw new AuthenticationError('The Authorization header must be "Bearer <key>".');
    }
    if (!this.keys.verify(key)) {
      throw new AuthenticationError('Incorrect API key provided.');
    }
    request.apiKeyId = this.keys.fingerprint(key);
  }
}
