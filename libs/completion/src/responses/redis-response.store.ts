import type { Redis } from 'ioredis';
import type { ResponseStore, StoredResponse } from './response-store.interface';

/** Shared by every replica: one JSON value per response, expiring after the TTL. */
export class RedisResponseStore implements ResponseStore {
  constructor(
    private readonly redis: Redis,
    private readonly ttlSeconds: number,
  ) {}

  async save(stored: StoredResponse): Promise<void> {
    await this.redis.set(key(stored.response.id), JSON.stringify(stored), 'EX', this.ttlSeconds);
  }

  async find(id: string, owner: string): Promise<StoredResponse | undefined> {
    const text = await this.redis.get(key(id));
    if (!text) return undefined;
    const stored = JSON.parse(text) as StoredResponse;
    return stored.owner === owner ? stored : undefined;
  }
}

const key = (id: string): string => `answergate:response:${id}`;
