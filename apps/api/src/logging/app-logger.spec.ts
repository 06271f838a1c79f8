import { describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import { AppLogger } from './app-logger';
import { requestContext } from './request-context';

/** An AppLogger over a pino that writes into an array: the JSON lines as records. */
function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line)) };
  return { logger: new AppLogger(pino({ level }, stream)), lines };
}

describe('AppLogger', () => {
  it('writes the message with the context Nest passes last', () => {
    const { logger, lines } = capture();
    logger.warn('Search classifier failed', 'SearchClassifier');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        context: 'SearchClassifier',
        msg: 'Search classifier failed',
      }),
    ]);
  });

  it('merges an object given first and writes an Error as err with its stack', () => {
    const { logger, lines } = capture();
    logger.error({ method: 'POST', path: '/v1/search' }, 'Unexpected error', 'Errors');
    logger.error(new Error('boom'), 'Errors');
    expect(lines[0]).toMatchObject({
      level: 50,
      method: 'POST',
      path: '/v1/search',
      msg: 'Unexpected error',
      context: 'Errors',
    });
    expect(lines[1]).toMatchObject({ level: 50, context: 'Errors', err: { message: 'boom' } });
    expect((lines[1].err as { stack: string }).stack).toContain('app-logger.spec');
  });

  it("turns Nest's (message, stack, context) error call into err with that stack", () => {
    const { logger, lines } = capture();
    logger.error('Oops', 'Error: Oops\n    at somewhere (file.js:1:1)', 'ExceptionHandler');
    expect(lines[0]).toMatchObject({
      context: 'ExceptionHandler',
      err: { message: 'Oops', stack: 'Error: Oops\n    at somewhere (file.js:1:1)' },
    });
  });

  it('adds the id of the request being served as reqId, and none outside a request', () => {
    const { logger, lines } = capture();
    requestContext.run({ id: 'trace-7' }, () => logger.log('inside', 'Test'));
    logger.log('outside', 'Test');
    expect(lines[0]).toMatchObject({ reqId: 'trace-7', msg: 'inside' });
    expect(lines[1]).not.toHaveProperty('reqId');
  });

  it('writes nothing below the configured level', () => {
    const { logger, lines } = capture('warn');
    logger.log('info line', 'Test');
    logger.debug('debug line', 'Test');
    logger.warn('warn line', 'Test');
    expect(lines.map((line) => line.msg)).toEqual(['warn line']);
  });
});
