import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from './public.decorator';

type Handler = (...args: never[]) => unknown;

/** Per controller class, per handler: decorators are fixed once the classes are defined. */
const known = new WeakMap<object, WeakMap<Handler, boolean>>();

/**
 * Whether the route (its handler or its controller) is marked `@Public()`. Looked up once
 * per controller and handler: both guards ask on every request, and each lookup walks
 * reflect-metadata's maps. Keyed by the class too, as a handler may be inherited by
 * controllers marked differently.
 */
export function isPublicRoute(reflector: Reflector, context: ExecutionContext): boolean {
  const handler = context.getHandler() as Handler;
  const controller = context.getClass();
  let handlers = known.get(controller);
  if (!handlers) {
    handlers = new WeakMap();
    known.set(controller, handlers);
  }
  let open = handlers.get(handler);
  if (open === undefined) {
    open = reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [handler, controller]) === true;
    handlers.set(handler, open);
  }
  return open;
}
