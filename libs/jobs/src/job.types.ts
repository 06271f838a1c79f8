export const JOB_STATUSES = ['CREATED', 'IN_PROGRESS', 'COMPLETED', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** One async job as stored: who owns it, where it is, what it was asked and what it answered. */
export interface JobRecord {
  id: string;
  /** The API key fingerprint that created it; no other key may see it. */
  owner: string;
  model: string;
  status: JobStatus;
  /** Unix milliseconds. */
  createdAt: number;
  startedAt: number | null;
  completedAt: number | null;
  failedAt: number | null;
  errorMessage: string | null;
  /** Starts so far; a worker dying mid-job costs one. */
  attempts: number;
  /** The request as the caller sent it (validated), replayed by the worker. */
  request: unknown;
  response: unknown;
}

/** A page of one owner's jobs, newest first. */
export interface JobPage {
  records: JobRecord[];
  /** Pass back to get the next page; absent on the last one. */
  nextToken?: string;
}

/** Does one job's work: the request in, the response out; rejects to fail the job. */
export type JobHandler = (request: unknown, signal: AbortSignal) => Promise<unknown>;

export const isFinished = (status: JobStatus): boolean =>
  status === 'COMPLETED' || status === 'FAILED';
