import type { NextFunction, Request, Response } from 'express';
import { type Metrics, RequestTimings } from '@answergate/common';
import { requestContext } from '../logging/request-context';
import { requestId } from '../logging/request-id';
import type { RequestLog } from '../logging/request-log';
import { recordHttpRequest } from '../metrics/record-http-request';

export interface RequestLifecycleParts {
  log: RequestLog;
  metrics: Metrics;
  /** Set on every response (see `securityHeaders`). */
  headers: ReadonlyArray<[string, string]>;
}

/**
 * First on every request, in one middleware (each layer costs on every request): gives it
 * an id (echoed as `X-Request-Id`), starts its timings, sets the security headers, runs the
 * rest inside its context (log lines written while serving it carry the id), and when the
 * response closes, counts it in the metrics (if it finished) and writes its one log line.
 */
export function requestLifecycle({ log, metrics, headers }: RequestLifecycleParts) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const startedAt = Date.now();
    const timings = RequestTimings.of(req);
    const id = requestId(req, res);
    for (const [name, value] of headers) res.setHeader(name, value);
    // `close` follows `finish`, or comes alone when the client went away first.
    const ended = (error?: Error): void => {
      res.removeListener('close', ended);
      res.removeListener('error', ended);
      if (res.writableFinished) recordHttpRequest(metrics, req, res, timings.total() / 1000);
      log.write(req, res, id, startedAt, error);
    };
    res.on('close', ended);
    res.on('error', ended);
    requestContext.run({ id }, next);
  };
}
