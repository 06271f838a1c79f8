import { type BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig, Metrics } from '@answergate/common';
import type { JobQueue } from './job-queue.interface';
import type { JobStore } from './job-store.interface';
import type { JobHandler } from './job.types';
import { JOB_QUEUE, JOB_STORE } from './jobs.tokens';

/**
 * Runs queued jobs in this process: marks each IN_PROGRESS, runs the handler, and records
 * COMPLETED or FAILED. A job taken back from a dead worker runs again, up to
 * `RESEARCH_MAX_ATTEMPTS` starts. On shutdown it stops taking jobs and hands running ones back.
 */
@Injectable()
export class JobWorker implements BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorker.name);
  private handler?: JobHandler;

  constructor(
    @Inject(JOB_STORE) private readonly store: JobStore,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  start(handler: JobHandler): void {
    this.handler = handler;
    this.queue.start(
      (id, signal) => this.process(id, signal),
      this.config.research.concurrency,
      (id, reason) => void this.gaveUp(id, reason),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.handler) await this.queue.stop();
  }

  /** Records that the queue gave up on a job (it kept losing its worker). */
  async gaveUp(id: string, reason: string): Promise<void> {
    await this.fail(id, Date.now(), `The job was interrupted too often: ${reason}`);
  }

  private async process(id: string, signal: AbortSignal): Promise<void> {
    const record = await this.store.get(id);
    if (!record || record.status === 'COMPLETED' || record.status === 'FAILED') return;
    const startedAt = Date.now();
    const attempts = record.attempts + 1;
    if (attempts > this.config.research.maxAttempts) {
      await this.fail(
        id,
        startedAt,
        `The job was started ${record.attempts} times without finishing.`,
      );
      return;
    }
    await this.store.update(id, { status: 'IN_PROGRESS', startedAt, attempts });
    this.metrics.jobs.inc({ status: 'IN_PROGRESS' });
    this.metrics.jobQueueDepth.set(await this.queue.depth().catch(() => 0));
    let response: unknown;
    try {
      response = await (this.handler as JobHandler)(record.request, signal);
    } catch (error) {
      if (signal.aborted) throw error; // shutting down: the queue hands it back
      await this.fail(id, startedAt, messageOf(error));
      return;
    }
    await this.store.update(id, { status: 'COMPLETED', completedAt: Date.now(), response });
    this.metrics.jobs.inc({ status: 'COMPLETED' });
    this.metrics.jobDuration.observe({ status: 'COMPLETED' }, (Date.now() - startedAt) / 1000);
  }

  private async fail(id: string, startedAt: number, message: string): Promise<void> {
    this.logger.warn(`Async job ${id} failed: ${message}`);
    await this.store.update(id, { status: 'FAILED', failedAt: Date.now(), errorMessage: message });
    this.metrics.jobs.inc({ status: 'FAILED' });
    this.metrics.jobDuration.observe({ status: 'FAILED' }, (Date.now() - startedAt) / 1000);
  }
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
