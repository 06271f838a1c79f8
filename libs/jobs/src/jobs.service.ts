import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, Metrics, NotFoundError, RateLimitError } from '@answergate/common';
import type { JobQueue } from './job-queue.interface';
import type { JobStore } from './job-store.interface';
import type { JobPage, JobRecord } from './job.types';
import { JOB_QUEUE, JOB_STORE } from './jobs.tokens';

export interface NewJob {
  owner: string;
  model: string;
  request: unknown;
  idempotencyKey?: string;
}

/** Seconds a caller at the per-key job limit is told to wait. */
const RETRY_AFTER_SECONDS = 30;

/** Queues jobs and reads them back, each only for the key that created it. */
@Injectable()
export class JobsService {
  constructor(
    @Inject(JOB_STORE) private readonly store: JobStore,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  async submit(job: NewJob): Promise<JobRecord> {
    const limit = this.config.research.maxJobsPerKey;
    if ((await this.store.countActive(job.owner)) >= limit) {
      throw new RateLimitError(
        `This key already has ${limit} async jobs queued or running (RESEARCH_MAX_JOBS_PER_KEY); ` +
          'wait for one to finish.',
        RETRY_AFTER_SECONDS,
      );
    }
    const record: JobRecord = {
      id: newJobId(),
      owner: job.owner,
      model: job.model,
      status: 'CREATED',
      createdAt: Date.now(),
      startedAt: null,
      completedAt: null,
      failedAt: null,
      errorMessage: null,
      attempts: 0,
      request: job.request,
      response: null,
    };
    const saved = await this.store.create(record, job.idempotencyKey);
    if (saved.id !== record.id) return saved;
    // `saved` is the job as created: a worker may take it before `add` even returns.
    await this.queue.add(record.id);
    this.metrics.jobs.inc({ status: 'CREATED' });
    this.metrics.jobQueueDepth.set(await this.queue.depth());
    return saved;
  }

  /** The job, if it exists and belongs to `owner`; 404 otherwise (another key's job does not exist for you). */
  async get(owner: string, id: string): Promise<JobRecord> {
    const record = await this.store.get(id);
    if (!record || record.owner !== owner) {
      throw new NotFoundError(`No async job with id '${id}'.`, 'job_not_found', 'id');
    }
    return record;
  }

  list(owner: string, limit: number, nextToken?: string): Promise<JobPage> {
    return this.store.list(owner, limit, nextToken);
  }
}

const newJobId = (): string => randomBytes(16).toString('hex');
