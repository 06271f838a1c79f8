import type { LoggerService } from '@nestjs/common';
import type { Request, Response } from 'express';
import { envelopeForPath } from './error-layout';
import { toErrorResponse } from './to-error-response';

/**
 * Answers `exception` in OpenAI's envelope. Before headers went out: a JSON body with
 * the right status. After (a stream had begun): a final SSE `data:` event with the
 * envelope, then the response ends. Unexpected errors are logged, never shown.
 */
export function sendError(
  exception: unknown,
  req: Request,
  res: Response,
  logger: LoggerService,
): void {
  const { response, expected } = toErrorResponse(exception, `${req.method} ${req.path}`);
  if (!expected) {
    logger.error(
      { err: exception, method: req.method, path: req.path },
      'Unexpected error while serving a request',
    );
  }
  // Read by the metrics middleware to count errors by code.
  (res.locals as { errorCode?: string }).errorCode = String(response.body.error.code ?? 'unknown');
  const body = envelopeForPath(response.body, response.status, req.path);
  if (!res.headersSent) {
    res.set(response.headers).status(response.status).json(body);
    return;
  }
  if (res.writableEnded) return;
  const isStream = String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');
  res.end(isStream ? `data: ${JSON.stringify(body)}\n\n` : undefined);
}
