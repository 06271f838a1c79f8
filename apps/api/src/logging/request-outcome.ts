import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthFailureLogSampler } from './auth-failure-log-sampler';

/** Set by `sendError` (the error code it answered with) and by the log level below. */
interface OutcomeLocals {
  errorCode?: string;
  suppressedAuthFailures?: number;
}

/** Refusals that are the plan while draining for shutdown: worth an info line, not an error. */
const DRAINING_CODES = new Set(['shutting_down']);

const localsOf = (res: ServerResponse): OutcomeLocals =>
  ((res as ServerResponse & { locals?: OutcomeLocals }).locals ??= {});

/**
 * The level of a request's final log line. A stream that ended with an error event
 * (status 200 already sent) is a warning, drain-time 503s are info, and 401s are
 * sampled: one line per window carries the count of those left out.
 */
export function requestLogLevel(sampler = new AuthFailureLogSampler()) {
  return (_req: IncomingMessage, res: ServerResponse, error?: Error): string => {
    const locals = localsOf(res);
    if (res.statusCode === 401) {
      const suppressed = sampler.sample();
      if (suppressed === undefined) return 'silent';
      locals.suppressedAuthFailures = suppressed;
      return 'warn';
    }
    if (locals.errorCode && DRAINING_CODES.has(locals.errorCode)) return 'info';
    if (error || res.statusCode >= 500) return 'error';
    if (res.statusCode >= 400 || locals.errorCode) return 'warn';
    return 'info';
  };
}

/** Fields for the final line: the error a stream ended with, and sampled 401s. */
export function requestOutcome(res: ServerResponse): Record<string, unknown> {
  const { errorCode, suppressedAuthFailures } = localsOf(res);
  return {
    ...(errorCode ? { outcome: errorCode } : {}),
    ...(suppressedAuthFailures ? { suppressedAuthFailures } : {}),
  };
}

/** A 200 stream that ended with an error event says so, instead of "request completed". */
export function requestMessage(_req: IncomingMessage, res: ServerResponse): string {
  const { errorCode } = localsOf(res);
  return errorCode && res.statusCode < 400
    ? `stream ended with error ${errorCode}`
    : 'request completed';
}
