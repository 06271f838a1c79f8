import type { IncomingMessage, ServerResponse } from 'node:http';
import { Inject, Injectable } from '@nestjs/common';
import type { Level, Logger as Pino } from 'pino';
import { RequestTimings } from '@answergate/common';
import type { AuthenticatedRequest } from '@answergate/auth';
import { ROOT_LOGGER } from './logging.tokens';
import { requestLogLevel, requestMessage, requestOutcome } from './request-outcome';

/** The matched route pattern, the key's fingerprint (never the key) and where the time went. */
function requestFacts(req: IncomingMessage): object {
  const request = req as AuthenticatedRequest;
  return {
    route: (request.route as { path?: string } | undefined)?.path,
    keyId: request.apiKeyId,
    ...RequestTimings.peek(req)?.toLog(),
  };
}

/** The path as the client sent it: the query string may carry what should not be logged. */
function pathOf(req: IncomingMessage): string {
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * The one log line of each request, written when it ends: id, method, path, status,
 * duration, route, the key's fingerprint and the time split. Nothing is built per request
 * before that (no child logger), and nothing at all when the line's level is off.
 * Headers and bodies are never logged, so keys and prompts stay out.
 */
@Injectable()
export class RequestLog {
  private readonly levelOf = requestLogLevel();

  constructor(@Inject(ROOT_LOGGER) private readonly pino: Pino) {}

  /**
   * Whether the root logger writes at any level: when it does not (`LOG_LEVEL=silent`), no
   * line can carry a request's id, so requests need no context (see `requestLifecycle`).
   */
  get writesAnything(): boolean {
    return this.pino.isLevelEnabled('fatal');
  }

  /**
   * Writes the line for a request that ended: finished, closed early or failed (`error`
   * from the response stream). 5xx and stream errors say "request errored", as pino-http did.
   */
  write(req: IncomingMessage, res: ServerResponse, id: string, startedAt: number, error?: Error) {
    const level = this.levelOf(req, res, error) as Level | 'silent';
    if (level === 'silent' || !this.pino.isLevelEnabled(level)) return;
    const line = {
      reqId: id,
      req: { id, method: req.method, url: pathOf(req) },
      res: { status: res.statusCode },
      responseTime: Date.now() - startedAt,
      ...requestFacts(req),
      ...requestOutcome(res),
    };
    const failed = error !== undefined || res.statusCode >= 500;
    this.pino[level](line, failed ? 'request errored' : requestMessage(req, res));
  }
}
