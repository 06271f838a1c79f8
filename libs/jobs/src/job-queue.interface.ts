/**
 * Works on one job id. It records the job's outcome itself; it rejects only when the
 * work was interrupted (the signal aborted on shutdown), and the queue then hands the
 * job back for another worker.
 */
export type JobProcessor = (id: string, signal: AbortSignal) => Promise<void>;

/**
 * The line of job ids waiting for a worker: BullMQ on Redis (every replica a worker,
 * jobs outlive processes) or this process alone. Injected with `JOB_QUEUE`.
 */
export interface JobQueue {
  readonly backend: 'bullmq' | 'memory';
  /** Whether a queued job survives this process ending. */
  readonly durable: boolean;
  add(id: string): Promise<void>;
  /**
   * Starts working: at most `concurrency` jobs at once in this process. `onGaveUp` is told
   * when the queue itself fails a job (it lost its worker too often).
   */
  start(
    processor: JobProcessor,
    concurrency: number,
    onGaveUp: (id: string, reason: string) => void,
  ): void;
  /** Jobs waiting for a worker. */
  depth(): Promise<number>;
  /** Stops taking jobs; running ones are aborted and handed back to the queue. */
  stop(): Promise<void>;
  /** Resolves when the queue's connection answers (readiness). */
  ping(): Promise<void>;
}
