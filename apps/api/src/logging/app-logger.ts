import { Inject, Injectable, type LoggerService } from '@nestjs/common';
import type { Logger as Pino } from 'pino';
import { ROOT_LOGGER } from './logging.tokens';
import { requestContext } from './request-context';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal';

/** Nest's exception handlers pass a stack as the second argument instead of an Error. */
const looksLikeStack = (value: unknown): value is string =>
  typeof value === 'string' && /\n\s*at /.test(value);

/**
 * Nest's logger interface over pino. The last extra argument is the context (the class
 * that logs), written as `context`; an object or Error first is merged into the line (an
 * Error as `err`, with its stack); inside a request the line carries its id as `reqId`.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(ROOT_LOGGER) private readonly pino: Pino) {}

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const reqId = requestContext.getStore()?.id;
    if (reqId !== undefined) fields.reqId = reqId;
    const params = rest.slice(0, -1);
    if (rest.length > 0) fields.context = rest[rest.length - 1];
    if (message instanceof Error) {
      fields.err = message;
      this.pino[level](fields, ...(params as []));
    } else if (typeof message === 'object' && message !== null) {
      this.pino[level](Object.assign(fields, message), ...(params as []));
    } else if (level === 'error' && params.length === 1 && looksLikeStack(params[0])) {
      const err = new Error(String(message));
      err.stack = params[0];
      fields.err = err;
      this.pino[level](fields);
    } else {
      this.pino[level](fields, String(message), ...(params as []));
    }
  }
}
