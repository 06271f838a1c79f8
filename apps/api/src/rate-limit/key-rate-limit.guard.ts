import { type ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { type AuthenticatedRequest, isPublicRoute } from '@answergate/auth';
import { RateLimitError } from '@answergate/common';

/**
 * Rate limits per API key (its fingerprint), not per IP, and answers with the
 * headers OpenAI's SDKs read: `x-ratelimit-*-requests` and `Retry-After`.
 */
@Injectable()
export class KeyRateLimitGuard extends ThrottlerGuard {
  protected override shouldSkip(context: ExecutionContext): Promise<boolean> {
    return Promise.resolve(this.skips(context));
  }

  /**
   * Public routes, and every route while the limit is off (the module's `skipIf`, which
   * would skip the one throttler anyway, after looking up its per-route settings).
   */
  skips(context: ExecutionContext): boolean {
    return isPublicRoute(this.reflector, context) || this.commonOptions.skipIf?.(context) === true;
  }

  /**
   * The key's fingerprint, set by the bearer guard: it runs first (AuthModule is imported
   * before RateLimitModule) and rejects every request without a valid key; public routes
   * are skipped above. So every request counted here has one.
   */
  protected override getTracker(req: AuthenticatedRequest): Promise<string> {
    return Promise.resolve(`key:${req.apiKeyId}`);
  }

  protected override async handleRequest(props: ThrottlerRequest): Promise<boolean> {
    const { context, limit, ttl, throttler, blockDuration, getTracker, generateKey } = props;
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const tracker = await getTracker(req, context);
    const key = generateKey(context, tracker, throttler.name ?? 'requests');
    const record = await this.storageService.increment(
      key,
      ttl,
      limit,
      blockDuration,
      throttler.name ?? 'requests',
    );

    res.setHeader('x-ratelimit-limit-requests', limit);
    res.setHeader('x-ratelimit-remaining-requests', Math.max(0, limit - record.totalHits));
    res.setHeader('x-ratelimit-reset-requests', `${record.timeToExpire}s`);
    if (record.isBlocked) {
      throw new RateLimitError(
        `Rate limit reached: ${limit} requests per ${Math.round(ttl / 1000)} s for this API key. ` +
          `Retry in ${record.timeToBlockExpire} s.`,
        record.timeToBlockExpire,
      );
    }
    return true;
  }

  /** One bucket per key for the whole API, not per route. */
  protected override generateKey(
    _context: ExecutionContext,
    tracker: string,
    name: string,
  ): string {
    return `${name}:${tracker}`;
  }
}
