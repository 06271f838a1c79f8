import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { AppConfig, REDIS_CLIENT } from '@answergate/common';
import { createJobQueue, createJobStore } from './jobs-backends';
import { JobsHealthIndicator } from './jobs.health';
import { JobsService } from './jobs.service';
import { JOB_QUEUE, JOB_STORE } from './jobs.tokens';
import { JobWorker } from './job-worker.service';

/** Async jobs: a store and a queue chosen by config (Redis and BullMQ, or this process). */
@Module({
  imports: [TerminusModule],
  providers: [
    { provide: JOB_STORE, inject: [AppConfig, REDIS_CLIENT], useFactory: createJobStore },
    { provide: JOB_QUEUE, inject: [AppConfig], useFactory: createJobQueue },
    JobsService,
    JobWorker,
    JobsHealthIndicator,
  ],
  exports: [JobsService, JobWorker, JobsHealthIndicator],
})
export class JobsModule {}
