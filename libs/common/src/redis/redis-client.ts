import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';

const logger = new Logger('Redis');

/**
 * Opens one Redis connection for the process when `REDIS_URL` is set, shared by every library.
 * ioredis is loaded only then: without Redis its code never takes memory.
 */
export async function createRedisClient(config: AppConfig): Promise<Redis | null> {
  if (!config.redisUrl) return null;
  const { Redis } = await import('ioredis');
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
