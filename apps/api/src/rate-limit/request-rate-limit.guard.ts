import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { KeyRateLimitGuard } from './key-rate-limit.guard';

/**
 * The global rate-limit guard: a request the limiter skips (public routes, every route while
 * the limit is off) passes with a plain `true`, without the throttler's async `canActivate`,
 * whose promise Nest would await on every request; the rest go to `KeyRateLimitGuard`.
 */
@Injectable()
export class RequestRateLimitGuard implements CanActivate {
  constructor(private readonly limiter: KeyRateLimitGuard) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    return this.limiter.skips(context) || this.limiter.canActivate(context);
  }
}
