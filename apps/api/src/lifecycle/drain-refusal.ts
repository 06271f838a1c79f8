import type { Request, Response } from 'express';
import { ServiceUnavailableError } from '@answergate/common';
import type { DrainService } from './drain.service';

/** Probes and metrics keep answering while draining, so they can report it. */
const STILL_SERVED = /^\/(health|metrics)(\/|$)/;

/**
 * Called by `requestLifecycle` on every request while draining. Each response then closes
 * its connection: a client (or proxy) holding a keep-alive connection opens its next one to a
 * replica that is not going away. Once refusing, returns the 503 for the request (probes and
 * metrics excepted), so the load balancer retries elsewhere.
 */
export function drainRefusal(
  drain: DrainService,
  req: Request,
  res: Response,
): ServiceUnavailableError | undefined {
  res.setHeader('Connection', 'close');
  if (!drain.refusing || STILL_SERVED.test(req.path)) return undefined;
  return new ServiceUnavailableError('The server is shutting down; retry.', 'shutting_down', {
    'Retry-After': '1',
  });
}
