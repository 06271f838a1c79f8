import type { NextFunction, Request, Response } from 'express';
import { ServiceUnavailableError } from '@answergate/common';
import type { DrainService } from './drain.service';

/** Probes and metrics keep answering while draining, so they can report it. */
const STILL_SERVED = /^\/(health|metrics)(\/|$)/;

/** While shutting down, new requests are refused with 503 so the load balancer retries elsewhere. */
export function rejectWhileDraining(drain: DrainService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!drain.draining || STILL_SERVED.test(req.path)) return next();
    res.setHeader('Connection', 'close');
    next(
      new ServiceUnavailableError('The server is shutting down; retry.', 'shutting_down', {
        'Retry-After': '1',
      }),
    );
  };
}
