import { describe, expect, it } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { Public } from '@answergate/auth';
import { KeyRateLimitGuard } from './key-rate-limit.guard';
import { RequestRateLimitGuard } from './request-rate-limit.guard';

class Routes {
  open(): void {}
  guarded(): void {}
}
Public()(Routes.prototype, 'open', Object.getOwnPropertyDescriptor(Routes.prototype, 'open')!);

/** A storage that counts its calls and never blocks. */
function countingStorage() {
  const calls: string[] = [];
  const storage: ThrottlerStorage = {
    increment: (key: string) => {
      calls.push(key);
      return Promise.resolve({
        totalHits: calls.length,
        timeToExpire: 60,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
    },
  };
  return { storage, calls };
}

function contextFor(handler: keyof Routes): ExecutionContext {
  const headers: Record<string, unknown> = {};
  const req = { apiKeyId: 'k1', headers: {} };
  const res = { setHeader: (name: string, value: unknown) => (headers[name] = value) };
  return {
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }),
  } as unknown as ExecutionContext;
}

async function guardWith(requestsPerMinute: number) {
  const { storage, calls } = countingStorage();
  const limiter = new KeyRateLimitGuard(
    {
      throttlers: [{ name: 'requests', limit: requestsPerMinute, ttl: 60_000 }],
      skipIf: () => requestsPerMinute === 0,
    },
    storage,
    new Reflector(),
  );
  await limiter.onModuleInit();
  return { guard: new RequestRateLimitGuard(limiter), calls };
}

describe('RequestRateLimitGuard', () => {
  it('lets every request through at once, counting nothing, while the limit is off', async () => {
    const { guard, calls } = await guardWith(0);
    expect(guard.canActivate(contextFor('guarded'))).toBe(true);
    expect(calls).toEqual([]);
  });

  it('lets public routes through at once, counting nothing, while the limit is on', async () => {
    const { guard, calls } = await guardWith(10);
    expect(guard.canActivate(contextFor('open'))).toBe(true);
    expect(calls).toEqual([]);
  });

  it('counts a request to a guarded route against its key while the limit is on', async () => {
    const { guard, calls } = await guardWith(10);
    await expect(guard.canActivate(contextFor('guarded'))).resolves.toBe(true);
    expect(calls).toEqual(['requests:key:k1']);
  });
});
