import type { Server } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { DrainService } from './drain.service';

/**
 * SIGTERM/SIGINT: readiness turns false and new requests get 503 at once; open
 * streams may finish for up to `graceMs`; then the app closes and the process exits 0.
 */
export function installGracefulShutdown(
  app: INestApplication,
  graceMs: number,
  logger: LoggerService,
): void {
  let started = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (started) return;
    started = true;
    const drain = app.get(DrainService);
    drain.begin();
    logger.log(`${signal}: draining ${drain.streams} open stream(s) for up to ${graceMs} ms`);
    const finished = await drain.whenStreamsEnd(graceMs);
    if (!finished) logger.warn(`Grace period over: closing ${drain.streams} stream(s) still open`);
    const server = app.getHttpServer() as Server;
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
