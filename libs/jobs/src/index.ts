export { JobsModule } from './jobs.module';
export { JobsService, type NewJob } from './jobs.service';
export { JobWorker } from './job-worker.service';
export { JobsHealthIndicator } from './jobs.health';
export { JOB_QUEUE, JOB_STORE } from './jobs.tokens';
export type { JobQueue, JobProcessor } from './job-queue.interface';
export type { JobStore } from './job-store.interface';
export {
  JOB_STATUSES,
  type JobHandler,
  type JobPage,
  type JobRecord,
  type JobStatus,
} from './job.types';
export { MemoryJobQueue } from './queues/memory-job.queue';
export { MemoryJobStore } from './stores/memory-job.store';
