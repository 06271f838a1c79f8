import type { LoggerService } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { sendError } from '../errors/send-error';

export interface SseOptions {
  /** A comment line is sent after this much silence, so proxies keep the connection. */
  heartbeatMs: number;
  logger: LoggerService;
  /** Called once when the stream ends, however it ends (complete, error, client gone). */
  onClose?: () => void;
}

/**
 * Writes an Observable to the response as Server-Sent Events: one `data:` line of
 * JSON per value, then `data: [DONE]`. Headers go out with the first event or
 * heartbeat, so an error before that still gets a real HTTP status. A client that
 * disconnects unsubscribes, which cancels the work upstream.
 */
export function streamAsSse<T>(
  source: Observable<T>,
  req: Request,
  res: Response,
  options: SseOptions,
): void {
  const openStream = (): void => {
    if (res.headersSent) return;
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
  };
  const write = (text: string): void => {
    openStream();
    res.write(text);
    heartbeat.refresh();
  };
  const heartbeat = setInterval(() => write(': keep-alive\n\n'), options.heartbeatMs);

  const subscription = source.subscribe({
    next: (value) => write(`data: ${JSON.stringify(value)}\n\n`),
    error: (error: unknown) => {
      clearInterval(heartbeat);
      sendError(error, req, res, options.logger);
    },
    complete: () => {
      write('data: [DONE]\n\n');
      clearInterval(heartbeat);
      res.end();
    },
  });
  res.on('close', () => {
    clearInterval(heartbeat);
    subscription.unsubscribe();
    options.onClose?.();
  });
}
