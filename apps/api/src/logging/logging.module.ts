import { Module } from '@nestjs/common';
import { pino } from 'pino';
import { AppConfig } from '@answergate/common';
import { AppLogger } from './app-logger';
import { ROOT_LOGGER } from './logging.tokens';
import { RequestLog } from './request-log';

/**
 * JSON lines with pino to stdout: Nest's and the libraries' logs through `AppLogger`, and one
 * line per request (`RequestLog`, written by the `requestLifecycle` middleware).
 */
@Module({
  providers: [
    {
      provide: ROOT_LOGGER,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => pino({ level: config.logLevel }),
    },
    AppLogger,
    RequestLog,
  ],
  exports: [AppLogger, RequestLog],
})
export class LoggingModule {}
