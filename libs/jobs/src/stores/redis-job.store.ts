import type { Redis } from 'ioredis';
import type { JobStore } from '../job-store.interface';
import { isFinished, type JobPage, type JobRecord } from '../job.types';

const PREFIX = 'answergate:';
const jobKey = (id: string) => `${PREFIX}job:${id}`;
const ownerKey = (owner: string) => `${PREFIX}jobs:${owner}`;
const activeKey = (owner: string) => `${PREFIX}jobs-active:${owner}`;
const idempotencyKeyOf = (owner: string, key: string) => `${PREFIX}job-idempotency:${owner}:${key}`;

/**
 * Jobs in Redis, shared by every replica: one JSON value per job (expiring with the
 * result TTL), a sorted set of each owner's jobs by creation time, a set of the active ones.
 */
export class RedisJobStore implements JobStore {
  readonly name = 'redis';

  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  async create(record: JobRecord, idempotencyKey?: string): Promise<JobRecord> {
    if (idempotencyKey) {
      const key = idempotencyKeyOf(record.owner, idempotencyKey);
      const claimed = await this.redis.set(key, record.id, 'EX', this.ttlSeconds, 'NX');
      if (claimed !== 'OK') {
        const existing = await this.get((await this.redis.get(key)) ?? '');
        if (existing) return existing;
        await this.redis.set(key, record.id, 'EX', this.ttlSeconds);
      }
    }
    await this.redis
      .multi()
      .set(jobKey(record.id), JSON.stringify(record), 'EX', this.ttlSeconds)
      .zadd(ownerKey(record.owner), record.createdAt, record.id)
      .expire(ownerKey(record.owner), this.ttlSeconds)
      .sadd(activeKey(record.owner), record.id)
      .expire(activeKey(record.owner), this.ttlSeconds)
      .exec();
    return record;
  }

  async get(id: string): Promise<JobRecord | undefined> {
    if (!id) return undefined;
    const json = await this.redis.get(jobKey(id));
    return json ? (JSON.parse(json) as JobRecord) : undefined;
  }

  async update(id: string, patch: Partial<JobRecord>): Promise<JobRecord | undefined> {
    const record = await this.get(id);
    if (!record) return undefined;
    Object.assign(record, patch);
    const write = this.redis.multi().set(jobKey(id), JSON.stringify(record), 'EX', this.ttlSeconds);
    if (isFinished(record.status)) write.srem(activeKey(record.owner), id);
    await write.exec();
    return record;
  }

  async list(owner: string, limit: number, nextToken?: string): Promise<JobPage> {
    const key = ownerKey(owner);
    const start = nextToken ? await this.redis.zrevrank(key, nextToken) : 0;
    if (start === null) return { records: [] };
    const ids = await this.redis.zrevrange(key, start, start + limit);
    const found = await Promise.all(ids.map((id) => this.get(id)));
    const gone = ids.filter((_, i) => !found[i]);
    if (gone.length > 0) await this.redis.zrem(key, ...gone);
    const live = found.filter((r): r is JobRecord => r !== undefined);
    const records = live.slice(0, limit);
    const next = ids.length > limit ? ids[limit] : undefined;
    return next ? { records, nextToken: next } : { records };
  }

  async countActive(owner: string): Promise<number> {
    const ids = await this.redis.smembers(activeKey(owner));
    const found = await Promise.all(ids.map((id) => this.get(id)));
    // A job that expired while active no longer counts against its owner.
    const gone = ids.filter((_, i) => !found[i] || isFinished(found[i].status));
    if (gone.length > 0) await this.redis.srem(activeKey(owner), ...gone);
    return ids.length - gone.length;
  }
}
