import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@answergate/auth';
import {
  AppConfigModule,
  createValidationPipe,
  OpenAiExceptionFilter,
  type RawEnvironment,
} from '@answergate/common';
import { ModelsModule } from '@answergate/models';
import { HealthController } from './health/health.controller';
import { LoggingModule } from './logging/logging.module';
import { ModelsController } from './models/models.controller';

/** The deployable: wires the libraries together with the global pipe, guard and filter. */
@Module({})
export class AppModule {
  /** `environment` replaces `process.env` (tests start apps with their own). */
  static forRoot(environment?: RawEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(environment),
        LoggingModule,
        TerminusModule,
        AuthModule,
        ModelsModule,
      ],
      controllers: [ModelsController, HealthController],
      providers: [
        { provide: APP_FILTER, useClass: OpenAiExceptionFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
