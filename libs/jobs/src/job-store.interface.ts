import type { JobPage, JobRecord } from './job.types';

/**
 * Where jobs and their results live: Redis (shared by replicas) or this process.
 * Injected with `JOB_STORE`, chosen by config.
 */
export interface JobStore {
  readonly name: string;
  /**
   * Saves a new job, unless this owner already made one with `idempotencyKey`:
   * then that job is returned and nothing is saved.
   */
  create(record: JobRecord, idempotencyKey?: string): Promise<JobRecord>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Merges `patch` into the job; a finished job is kept for the result TTL from then on. */
  update(id: string, patch: Partial<JobRecord>): Promise<JobRecord | undefined>;
  /** The owner's jobs, newest first. */
  list(owner: string, limit: number, nextToken?: string): Promise<JobPage>;
  /** The owner's jobs that are CREATED or IN_PROGRESS. */
  countActive(owner: string): Promise<number>;
}
