import type { Server } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { DrainService } from './drain.service';

/** How long streams ended by the shutdown event get to flush it before sockets are cut. */
const STREAM_END_MS = 1000;

export interface ShutdownTimes {
  /** Open answers may finish for this long once new requests are refused. */
  graceMs: number;
  /** Readiness fails this long before new requests are refused (the load balancer's reaction time). */
  drainDelayMs: number;
}

/**
 * SIGTERM/SIGINT: readiness turns false at once, while requests are still served (each response
 * closing its connection) for `drainDelayMs`; then the listener closes and requests on open
 * connections get 503; open answers may finish for up to `graceMs`; streams still open then get
 * a final `server_shutting_down` error event; once every request has ended, the app closes and
 * the process exits 0.
 */
export function installGracefulShutdown(
  app: INestApplication,
  { graceMs, drainDelayMs }: ShutdownTimes,
  logger: LoggerService,
): void {
  let started = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (started) return;
    started = true;
    const drain = app.get(DrainService);
    const server = app.getHttpServer() as Server;
    drain.begin();
    logger.log(
      `${signal}: draining: readiness off, serving ${drainDelayMs} ms more before refusing new requests`,
    );
    if (drainDelayMs > 0) await sleep(drainDelayMs);
    drain.refuse();
    // No new connections; idle keep-alive ones close now, busy ones after their response.
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + graceMs;
    logger.log(`Refusing new requests: ${drain.streams} open answer(s) have up to ${graceMs} ms`);
    const finished = await drain.whenStreamsEnd(graceMs);
    if (!finished) {
      logger.warn(`Grace period over: ending ${drain.streams} stream(s) with a shutdown event`);
      drain.interruptStreams();
      await drain.whenStreamsEnd(STREAM_END_MS);
    }
    // Requests that are not answers (a search, ...) still get the rest of the grace period.
    await drain.whenRequestsEnd(Math.max(STREAM_END_MS, deadline - Date.now()));
    server.closeAllConnections();
    try {
      await app.close();
      logger.log('Shutdown complete');
    } catch (error) {
      // The streams were drained; a hook failing while closing (Redis gone, ...) is logged, and
      // the shutdown still ends as the orderly one it was, never as an unhandled rejection.
      logger.error(
        `Closing the app failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
