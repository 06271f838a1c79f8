import type { Request, Response } from 'express';
import type { Metrics } from '@answergate/common';

/**
 * Counts a finished request: its duration by method, route and status (the route label is
 * the matched pattern, so ids never explode the series), and its error code if it failed.
 */
export function recordHttpRequest(
  metrics: Metrics,
  req: Request,
  res: Response,
  seconds: number,
): void {
  const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
  const status = String(res.statusCode);
  metrics.httpDuration.observe({ method: req.method, route, status }, seconds);
  const code = (res.locals as { errorCode?: string }).errorCode;
  if (code) metrics.errors.inc({ status, code });
}
