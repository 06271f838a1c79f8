import { describe, expect, it, jest } from '@jest/globals';
import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isPublicRoute } from './is-public-route';
import { Public } from './public.decorator';

class BaseController {
  list(): string {
    return 'shared handler';
  }

  @Public()
  health(): string {
    return 'ok';
  }
}

@Public()
class OpenController extends BaseController {}

class ClosedController extends BaseController {}

const contextOf = (controller: object, handler: unknown): ExecutionContext =>
  ({ getClass: () => controller, getHandler: () => handler }) as unknown as ExecutionContext;

describe('isPublicRoute', () => {
  it('reads @Public() on the handler or its controller, per controller for a shared handler', () => {
    const reflector = new Reflector();
    const handlers = BaseController.prototype;
    expect(isPublicRoute(reflector, contextOf(ClosedController, handlers.list))).toBe(false);
    expect(isPublicRoute(reflector, contextOf(OpenController, handlers.list))).toBe(true);
    expect(isPublicRoute(reflector, contextOf(ClosedController, handlers.health))).toBe(true);
  });

  it('asks the reflector once per controller and handler', () => {
    const reflector = new Reflector();
    const lookup = jest.spyOn(reflector, 'getAllAndOverride');
    class OnceController {
      get(): string {
        return 'x';
      }
    }
    for (let round = 0; round < 3; round += 1) {
      isPublicRoute(reflector, contextOf(OnceController, OnceController.prototype.get));
    }
    expect(lookup).toHaveBeenCalledTimes(1);
  });
});
