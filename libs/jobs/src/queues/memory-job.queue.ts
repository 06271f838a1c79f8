import type { JobProcessor, JobQueue } from '../job-queue.interface';

/** A queue inside this process: the default without Redis. Jobs are lost when it ends. */
export class MemoryJobQueue implements JobQueue {
  readonly backend = 'memory';
  readonly durable = false;
  private readonly waiting: string[] = [];
  private readonly running = new Map<string, AbortController>();
  private processor?: JobProcessor;
  private concurrency = 0;
  private stopped = false;

  add(id: string): Promise<void> {
    this.waiting.push(id);
    this.pump();
    return Promise.resolve();
  }

  /** Nothing is ever given up on here: a job only stops with its process. */
  start(processor: JobProcessor, concurrency: number): void {
    this.processor = processor;
    this.concurrency = concurrency;
    this.pump();
  }

  depth(): Promise<number> {
    return Promise.resolve(this.waiting.length);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const running = [...this.running.entries()];
    for (const [, abort] of running) abort.abort(new Error('the worker is shutting down'));
    // Handed back to the front of the line (which, in memory, ends with the process).
    this.waiting.unshift(...running.map(([id]) => id));
    await Promise.resolve();
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  private pump(): void {
    while (
      this.processor &&
      !this.stopped &&
      this.running.size < this.concurrency &&
      this.waiting.length > 0
    ) {
      const id = this.waiting.shift() as string;
      const abort = new AbortController();
      this.running.set(id, abort);
      void this.processor(id, abort.signal)
        .catch(() => undefined)
        .finally(() => {
          this.running.delete(id);
          this.pump();
        });
    }
  }
}
