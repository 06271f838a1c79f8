import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { type Metrics, RequestTimings } from '@answergate/common';
import type { DrainService } from '../lifecycle/drain.service';
import { drainRefusal } from '../lifecycle/drain-refusal';
import { requestContext } from '../logging/request-context';
import { requestId } from '../logging/request-id';
import type { RequestLog } from '../logging/request-log';
import { recordHttpRequest } from '../metrics/record-http-request';

export interface RequestLifecycleParts {
  log: RequestLog;
  metrics: Metrics;
  /** Set on every response (see `securityHeaders`). */
  headers: ReadonlyArray<[string, string]>;
  /** Shutdown state: requests are counted until they close, and refused once it says so. */
  drain: DrainService;
  /**
   * CORS, run before anything can refuse the request (the drain's 503 here, then the JSON
   * gate's 415 and the body parser's 400 and 413): a browser shows a page no error it sent
   * without `Access-Control-Allow-Origin`. It answers preflights itself.
   */
  cors?: RequestHandler;
}

/**
 * First on every request, in one middleware (each layer costs on every request): gives it
 * an id (echoed as `X-Request-Id`), starts its timings, sets the security headers, runs the
 * rest inside its context (log lines written while serving it carry the id; with logging
 * off there is none, as keeping one costs on every promise the request makes), and when the
 * response closes, counts it in the metrics (if it finished) and writes its one log line;
 * then CORS, before anything can refuse the request.
 * For the shutdown it counts the request as in flight until then, and while draining closes
 * the connection after the response, or refuses the request (see `drainRefusal`).
 */
export function requestLifecycle({ log, metrics, headers, drain, cors }: RequestLifecycleParts) {
  const withContext = log.writesAnything;
  return (req: Request, res: Response, next: NextFunction): void => {
    const startedAt = Date.now();
    const timings = RequestTimings.of(req);
    const id = requestId(req, res);
    for (const [name, value] of headers) res.setHeader(name, value);
    const refused = drain.draining ? drainRefusal(drain, req, res) : undefined;
    const untrack = refused ? undefined : drain.trackRequest();
    // `close` follows `finish`, or comes alone when the client went away first; an `error`
    // comes before it. Only the first counts (a flag: removing listeners costs more).
    let over = false;
    const ended = (error?: Error): void => {
      if (over) return;
      over = true;
      if (res.writableFinished) recordHttpRequest(metrics, req, res, timings.total() / 1000);
      log.write(req, res, id, startedAt, error);
      untrack?.();
    };
    res.on('close', ended);
    res.on('error', ended);
    const refuseOrGo = refused ? () => next(refused) : next;
    const proceed = cors
      ? () => void cors(req, res, (error?: unknown) => (error ? next(error) : refuseOrGo()))
      : refuseOrGo;
    if (withContext) requestContext.run({ id }, proceed);
    else proceed();
  };
}
