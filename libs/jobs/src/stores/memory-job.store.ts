import type { JobStore } from '../job-store.interface';
import { isFinished, type JobPage, type JobRecord } from '../job.types';

/** A copy, so a caller holding a record never sees it change under it (as with Redis). */
const copy = <T>(value: T): T => structuredClone(value);

/** Jobs in this process's memory: gone on restart; finished ones expire after the TTL. */
export class MemoryJobStore implements JobStore {
  readonly name = 'memory';
  private readonly jobs = new Map<string, JobRecord>();
  private readonly expiresAt = new Map<string, number>();
  private readonly byIdempotencyKey = new Map<string, string>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  create(record: JobRecord, idempotencyKey?: string): Promise<JobRecord> {
    const key = idempotencyKey ? `${record.owner}\n${idempotencyKey}` : undefined;
    const existing = key ? this.live(this.byIdempotencyKey.get(key)) : undefined;
    if (existing) return Promise.resolve(copy(existing));
    this.jobs.set(record.id, copy(record));
    if (key) this.byIdempotencyKey.set(key, record.id);
    return Promise.resolve(copy(record));
  }

  get(id: string): Promise<JobRecord | undefined> {
    const record = this.live(id);
    return Promise.resolve(record && copy(record));
  }

  update(id: string, patch: Partial<JobRecord>): Promise<JobRecord | undefined> {
    const record = this.live(id);
    if (!record) return Promise.resolve(undefined);
    Object.assign(record, copy(patch));
    if (isFinished(record.status)) this.expiresAt.set(id, this.now() + this.ttlMs);
    return Promise.resolve(copy(record));
  }

  list(owner: string, limit: number, nextToken?: string): Promise<JobPage> {
    const mine = [...this.jobs.keys()]
      .map((id) => this.live(id))
      .filter((r): r is JobRecord => r?.owner === owner)
      .sort((a, b) => b.createdAt - a.createdAt || (b.id < a.id ? -1 : 1));
    const start = nextToken ? mine.findIndex((r) => r.id === nextToken) : 0;
    const from = Math.max(0, start);
    const records = mine.slice(from, from + limit).map(copy);
    const next = mine[from + limit];
    return Promise.resolve(next ? { records, nextToken: next.id } : { records });
  }

  countActive(owner: string): Promise<number> {
    let count = 0;
    for (const id of this.jobs.keys()) {
      const record = this.live(id);
      if (record?.owner === owner && !isFinished(record.status)) count++;
    }
    return Promise.resolve(count);
  }

  private live(id: string | undefined): JobRecord | undefined {
    if (!id) return undefined;
    const expires = this.expiresAt.get(id);
    if (expires !== undefined && expires <= this.now()) {
      this.jobs.delete(id);
      this.expiresAt.delete(id);
      return undefined;
    }
    return this.jobs.get(id);
  }
}
