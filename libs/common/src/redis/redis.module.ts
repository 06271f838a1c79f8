import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { AppConfig } from '../config/app-config';
import { RedisBreaker } from './redis-breaker';
import { REDIS_CLIENT } from './redis.tokens';

const logger = new Logger('Redis');

/** Opens one Redis connection for the process when `REDIS_URL` is set, shared by every library. */
function createClient(config: AppConfig): Redis | null {
  if (!config.redisUrl) return null;
  const client = new Redis(config.redisUrl, {
    lazyConnect: false,
    connectTimeout: 2000,
    commandTimeout: 1000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  // The URL may hold a password: log the error, never the URL.
  // Logged at debug: the breaker logs the outage once, not once per reconnect attempt.
  client.on('error', (error: Error) => logger.debug(`Redis connection error: ${error.message}`));
  return client;
}

@Global()
@Module({
  providers: [
    { provide: REDIS_CLIENT, inject: [AppConfig], useFactory: createClient },
    RedisBreaker,
  ],
  exports: [REDIS_CLIENT, RedisBreaker],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: Redis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client?.quit().catch(() => this.client?.disconnect());
  }
}
