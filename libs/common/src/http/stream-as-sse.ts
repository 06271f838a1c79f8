import type { LoggerService } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { sendError } from '../errors/send-error';
import type { WriteGate } from './write-gate';

/** Text queued for one write beyond which it is written at once (so the gate can close). */
const FLUSH_AT = 16 * 1024;

export interface SseOptions<T = unknown> {
  /** A comment line is sent after this much silence, so proxies keep the connection. */
  heartbeatMs: number;
  logger: LoggerService;
  /** Called once when the stream ends, however it ends (complete, error, client gone). */
  onClose?: () => void;
  /** Closed while the client's socket is full (a write is left in the process), so the producer stops reading its upstream. */
  gate?: WriteGate;
  /** When aborted, the stream stops and ends with its `reason` as the final error event. */
  stop?: AbortSignal;
  /** An event's `data` (one line of JSON): `JSON.stringify` unless the values come serialized. */
  encode?: (value: T) => string;
}

/**
 * Writes an Observable to the response as Server-Sent Events: one `data:` line of
 * JSON per value, then `data: [DONE]`. Headers go out with the first event or
 * heartbeat, so an error before that still gets a real HTTP status. A client that
 * disconnects unsubscribes, which cancels the work upstream.
 *
 * Events emitted in the same tick (an upstream read often carries several tokens)
 * go out as one `res.write`, flushed on `process.nextTick`: one chunk and one
 * syscall instead of one each, and the first event is not held back.
 */
export function streamAsSse<T>(
  source: Observable<T>,
  req: Request,
  res: Response,
  options: SseOptions<T>,
): void {
  const encode = options.encode ?? JSON.stringify;
  let pending = '';
  let flushQueued = false;
  let opened = false;

  // The head goes out with the first write, not on its own: one write instead of two, and
  // none before what the producer started in the same tick (its upstream request).
  const openStream = (): void => {
    if (opened || res.headersSent) return;
    opened = true;
    res.status(200).set({
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
  };
  // A write has reached the kernel: with nothing else queued, the producer may go on.
  const written = (): void => {
    if (res.writableLength === 0) options.gate?.open();
  };
  const flush = (): void => {
    flushQueued = false;
    if (pending === '' || res.writableEnded || res.destroyed) return;
    const text = pending;
    pending = '';
    // Corked around the write, the chunk's pieces (size line, text, CRLF) reach the kernel in
    // one syscall now, not on a tick of Node's own: what is left queued is known at once.
    const socket = res.socket;
    socket?.cork();
    res.write(text, written);
    socket?.uncork();
    // The kernel did not take all of it: the producer waits until it has. Waiting for `write`
    // to return false instead would let a second write (up to the response's 16 KB high-water
    // mark) queue up in the process behind the first.
    if (res.writableLength > 0) options.gate?.close();
  };
  const write = (text: string): void => {
    openStream();
    pending += text;
    heartbeat.refresh();
    // Many events in one tick (a large upstream read): write them now, so a full socket
    // closes the gate before the rest of the read is turned into more text.
    if (pending.length >= FLUSH_AT) return flush();
    if (flushQueued) return;
    flushQueued = true;
    process.nextTick(flush);
  };
  const heartbeat = setInterval(() => write(': keep-alive\n\n'), options.heartbeatMs);

  const subscription = source.subscribe({
    next: (value) => write(`data: ${encode(value)}\n\n`),
    error: (error: unknown) => {
      clearInterval(heartbeat);
      // Events already emitted go out before the error event.
      flush();
      sendError(error, req, res, options.logger);
    },
    complete: () => {
      clearInterval(heartbeat);
      openStream();
      const text = `${pending}data: [DONE]\n\n`;
      pending = '';
      res.end(text);
    },
  });
  const stopped = () => {
    subscription.unsubscribe();
    clearInterval(heartbeat);
    flush();
    sendError(options.stop?.reason, req, res, options.logger);
  };
  options.stop?.addEventListener('abort', stopped, { once: true });
  res.on('close', () => {
    clearInterval(heartbeat);
    pending = '';
    // Wakes a producer waiting for drain; the unsubscribe below then stops it.
    options.gate?.open();
    subscription.unsubscribe();
    options.stop?.removeEventListener('abort', stopped);
    options.onClose?.();
  });
}
