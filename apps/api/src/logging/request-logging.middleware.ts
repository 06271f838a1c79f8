import type { NextFunction, Request, Response } from 'express';
import { RequestTimings } from '@answergate/common';
import { requestContext } from './request-context';
import { requestId } from './request-id';
import type { RequestLog } from './request-log';

/**
 * First on every request: gives it an id (echoed as `X-Request-Id`), starts its timings,
 * runs the rest inside its context (so log lines written while serving it carry the id),
 * and writes its one log line when the response closes (after `finish`, or when the
 * client went away first), or errors.
 */
export function requestLogging(log: RequestLog) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const startedAt = Date.now();
    const id = requestId(req, res);
    RequestTimings.of(req);
    const ended = (error?: Error): void => {
      res.removeListener('close', ended);
      res.removeListener('error', ended);
      log.write(req, res, id, startedAt, error);
    };
    res.on('close', ended);
    res.on('error', ended);
    requestContext.run({ id }, next);
  };
}
