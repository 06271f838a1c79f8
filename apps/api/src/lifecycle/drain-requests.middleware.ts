import type { NextFunction, Request, Response } from 'express';
import { ServiceUnavailableError } from '@answergate/common';
import type { DrainService } from './drain.service';

/** Probes and metrics keep answering while draining, so they can report it. */
const STILL_SERVED = /^\/(health|metrics)(\/|$)/;

/**
 * Counts every request until its response closes, so the shutdown waits for them. While draining,
 * each response closes its connection: a client (or proxy) holding a keep-alive connection opens
 * its next one to a replica that is not going away. Once refusing, new requests get 503 so the
 * load balancer retries elsewhere.
 */
export function drainRequests(drain: DrainService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (drain.draining) res.setHeader('Connection', 'close');
    if (drain.refusing && !STILL_SERVED.test(req.path)) {
      return next(
        new ServiceUnavailableError('The server is shutting down; retry.', 'shutting_down', {
          'Retry-After': '1',
        }),
      );
    }
    res.once('close', drain.trackRequest());
    next();
  };
}
