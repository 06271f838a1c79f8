import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '@answergate/auth';
import {
  AppConfigModule,
  createValidationPipe,
  MetricsModule,
  OpenAiExceptionFilter,
  type RawEnvironment,
  RedisModule,
  ROUTE_METHODS,
} from '@answergate/common';
import { CompletionModule } from '@answergate/completion';
import { LlmModule } from '@answergate/llm';
import { ModelsModule } from '@answergate/models';
import { JobsModule } from '@answergate/jobs';
import { ResearchModule } from '@answergate/research';
import { AsyncChatCompletionsController } from './async/async-chat-completions.controller';
import { AsyncJobs } from './async/async-jobs.service';
import { SearchModule } from '@answergate/search';
import { AnswerAdmission } from './chat/answer-admission.service';
import { ChatCompletionsController } from './chat/chat-completions.controller';
import { DependencyStatus } from './health/dependency-status.service';
import { HealthController } from './health/health.controller';
import { ExpressRouteMethods } from './http/express-route-methods';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsController } from './metrics/metrics.controller';
import { ModelsController } from './models/models.controller';
import { ResponsesController } from './responses/responses.controller';
import { SearchController } from './search/search.controller';
import { RateLimitModule } from './rate-limit/rate-limit.module';

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
        MetricsModule,
        RedisModule,
        LifecycleModule,
        TerminusModule,
        AuthModule,
        RateLimitModule,
        ModelsModule,
        SearchModule,
        LlmModule,
        CompletionModule,
        ResearchModule,
        JobsModule,
      ],
      controllers: [
        ChatCompletionsController,
        AsyncChatCompletionsController,
        SearchController,
        ModelsController,
        ResponsesController,
        HealthController,
        MetricsController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: OpenAiExceptionFilter },
        { provide: ROUTE_METHODS, useClass: ExpressRouteMethods },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        AnswerAdmission,
        DependencyStatus,
        AsyncJobs,
      ],
    };
  }
}
