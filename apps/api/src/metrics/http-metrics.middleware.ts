import type { NextFunction, Request, Response } from 'express';
import { type Metrics, RequestTimings } from '@answergate/common';

/** Times every request; the route label is the matched pattern, so ids never explode the series. */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    // Created at arrival, so `total` in Server-Timing and the log line counts the whole request.
    RequestTimings.of(req);
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      const status = String(res.statusCode);
      stop({ method: req.method, route, status });
      const code = (res.locals as { errorCode?: string }).errorCode;
      if (code) metrics.errors.inc({ status, code });
    });
    next();
  };
}
