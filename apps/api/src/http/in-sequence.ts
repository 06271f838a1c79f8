import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Several middlewares as one Express layer, run in the given order as `app.use` would run
 * them: each continues with `next()`, and an error (passed or thrown) skips the rest and
 * goes on to Express's error handling. Each layer costs the router a match, its
 * parameter processing and a few objects on every request, so the middlewares that every
 * request passes through share one.
 */
export function inSequence(...steps: readonly RequestHandler[]): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error) return next(error);
      const handler = steps[index++];
      if (handler === undefined) return next();
      try {
        void handler(req, res, step);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}
