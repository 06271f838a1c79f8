import type { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobProcessor, JobQueue } from '../job-queue.interface';

const QUEUE_NAME = 'answergate-async-jobs';
const PING_TIMEOUT_MS = 1000;
/** At shutdown, how long Redis may take to answer before it counts as gone. */
const STOP_PING_TIMEOUT_MS = 500;
/** With Redis gone, closing would wait for it forever. */
export const CLOSE_TIMEOUT_MS = 3000;

const within = (work: Promise<unknown>, ms: number): Promise<unknown> =>
  Promise.race([work.catch(() => undefined), new Promise((r) => setTimeout(r, ms).unref())]);

export interface BullMqOptions {
  redisUrl: string;
  /** A worker that stops renewing its lock this long (it died) loses the job to another. */
  lockDurationMs: number;
  stalledIntervalMs: number;
  /** Times a job may be taken back from a dead worker before BullMQ fails it. */
  maxStalledCount: number;
}

/** BullMQ and ioredis, loaded when a queue is opened (`BullMqJobQueue.open`). */
interface Libraries {
  bullmq: typeof import('bullmq');
  Redis: typeof Redis;
}

/**
 * The durable queue: jobs live in Redis, every replica runs a worker, and a job whose
 * worker dies is moved back to waiting once its lock expires, for another worker.
 */
export class BullMqJobQueue implements JobQueue {
  readonly backend = 'bullmq';
  readonly durable = true;
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker?: Worker;
  private workerConnection?: Redis;
  private readonly running = new Map<string, AbortController>();
  private stopping = false;

  /** Loads BullMQ and ioredis (only a configuration with Redis ever does), then opens the queue. */
  static async open(options: BullMqOptions): Promise<BullMqJobQueue> {
    const [bullmq, { Redis }] = await Promise.all([import('bullmq'), import('ioredis')]);
    return new BullMqJobQueue(options, { bullmq, Redis });
  }

  private constructor(
    private readonly options: BullMqOptions,
    private readonly libs: Libraries,
  ) {
    this.connection = new libs.Redis(options.redisUrl, { maxRetriesPerRequest: null });
    this.queue = new libs.bullmq.Queue(QUEUE_NAME, { connection: this.connection });
    // Connection errors surface as failed calls and in readiness; the event would only log noise.
    this.queue.on('error', () => undefined);
  }

  async add(id: string): Promise<void> {
    await this.queue.add('job', {}, { jobId: id, removeOnComplete: true, removeOnFail: true });
  }

  start(
    processor: JobProcessor,
    concurrency: number,
    onGaveUp: (id: string, reason: string) => void,
  ): void {
    const { Worker, WaitingError } = this.libs.bullmq;
    this.workerConnection = new this.libs.Redis(this.options.redisUrl, {
      maxRetriesPerRequest: null,
    });
    this.worker = new Worker(
      QUEUE_NAME,
      async (job, token) => {
        const id = job.id as string;
        const abort = new AbortController();
        this.running.set(id, abort);
        try {
          await processor(id, abort.signal);
        } catch (error) {
          if (!this.stopping) throw error;
          // Shutting down: give the job back at once rather than after the lock expires.
          await job.moveToWait(token);
          throw new WaitingError();
        } finally {
          this.running.delete(id);
        }
      },
      {
        connection: this.workerConnection,
        concurrency,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        maxStalledCount: this.options.maxStalledCount,
      },
    );
    this.worker.on('failed', (job, error) => {
      if (job?.id && error.message.includes('stalled')) onGaveUp(job.id, error.message);
    });
    this.worker.on('error', () => undefined);
  }

  depth(): Promise<number> {
    return this.queue.getWaitingCount();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.worker) {
      // Without Redis the worker's running jobs can neither finish nor be given back, and a
      // close that waits for them never gets to stop its timers, which keep the process alive.
      // A connection can still say 'ready' just after Redis went away: Redis is asked.
      const reachable = await answersWithin(this.workerConnection, STOP_PING_TIMEOUT_MS);
      const closed = this.worker.close(!reachable);
      for (const abort of this.running.values())
        abort.abort(new Error('the worker is shutting down'));
      await within(closed, CLOSE_TIMEOUT_MS);
    }
    await within(this.queue.close(), CLOSE_TIMEOUT_MS);
    this.connection.disconnect();
    this.workerConnection?.disconnect();
  }

  async ping(): Promise<void> {
    await pingWithin(this.connection, PING_TIMEOUT_MS);
  }
}

/** Resolves when Redis answers a PING on `connection` within `ms`, rejects otherwise. */
async function pingWithin(connection: Redis, ms: number): Promise<void> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error('Redis did not answer')), ms).unref(),
  );
  await Promise.race([connection.ping(), timeout]);
}

/** True when `connection` is up and Redis answers on it within `ms`. */
function answersWithin(connection: Redis | undefined, ms: number): Promise<boolean> {
  if (connection?.status !== 'ready') return Promise.resolve(false);
  return pingWithin(connection, ms).then(
    () => true,
    () => false,
  );
}
