import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { JobQueue } from './job-queue.interface';
import { JOB_QUEUE } from './jobs.tokens';

/** Readiness of the job queue, and whether its jobs survive a restart. */
@Injectable()
export class JobsHealthIndicator {
  constructor(
    private readonly health: HealthIndicatorService,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  async check() {
    const session = this.health.check('jobs');
    const details = {
      queue: this.queue.backend,
      durable: this.queue.durable,
      ...(this.queue.durable
        ? {}
        : {
            message:
              'in-process queue: async jobs are lost on restart (set REDIS_URL to keep them)',
          }),
    };
    try {
      await this.queue.ping();
      return session.up(details);
    } catch (error) {
      // Answers still work without the queue; only async jobs do not.
      return session.degraded({
        ...details,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
