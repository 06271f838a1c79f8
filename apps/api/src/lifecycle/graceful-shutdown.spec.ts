import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { INestApplication, LoggerService } from '@nestjs/common';
import { installGracefulShutdown } from './graceful-shutdown';

/** An app whose streams are already drained and whose `close()` does what the test says. */
function fakeApp(close: () => Promise<void>): INestApplication {
  const drain = {
    begin: () => undefined,
    refuse: () => undefined,
    streams: 0,
    whenStreamsEnd: () => Promise.resolve(true),
    whenRequestsEnd: () => Promise.resolve(true),
  };
  const server = { close: () => undefined, closeIdleConnections: () => undefined };
  return {
    get: () => drain,
    getHttpServer: () => ({ ...server, closeAllConnections: () => undefined }),
    close,
  } as unknown as INestApplication;
}

const logger = (): LoggerService & { errors: string[] } => {
  const errors: string[] = [];
  return {
    errors,
    log: () => undefined,
    warn: () => undefined,
    error: (m: string) => errors.push(m),
  };
};

describe('installGracefulShutdown', () => {
  const signals = ['SIGTERM', 'SIGINT'] as const;
  const before = Object.fromEntries(signals.map((s) => [s, process.listeners(s)]));

  afterEach(() => {
    jest.restoreAllMocks();
    // Drop the handlers this test installed, keep anyone else's.
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) {
        if (!before[signal].includes(listener)) process.removeListener(signal, listener);
      }
    }
  });

  const exitCode = () =>
    new Promise<unknown>((resolve) => {
      jest.spyOn(process, 'exit').mockImplementation(((code?: number) => resolve(code)) as never);
    });

  it('exits 0 after a clean close', async () => {
    const exited = exitCode();
    const log = logger();
    installGracefulShutdown(
      fakeApp(() => Promise.resolve()),
      { graceMs: 1000, drainDelayMs: 0 },
      log,
    );
    process.emit('SIGTERM');
    expect(await exited).toBe(0);
    expect(log.errors).toEqual([]);
  });

  it('logs a rejection from app.close() and still exits 0', async () => {
    const exited = exitCode();
    const log = logger();
    installGracefulShutdown(
      fakeApp(() => Promise.reject(new Error('redis went away'))),
      { graceMs: 1000, drainDelayMs: 0 },
      log,
    );
    process.emit('SIGTERM');
    expect(await exited).toBe(0);
    expect(log.errors).toEqual([expect.stringContaining('redis went away')]);
  });
});
