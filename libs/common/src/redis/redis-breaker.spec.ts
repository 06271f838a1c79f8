import { describe, expect, it } from '@jest/globals';
import type { Redis } from 'ioredis';
import type { AppConfig } from '../config/app-config';
import { Metrics } from '../metrics/metrics.service';
import { RedisBreaker } from './redis-breaker';

/** Just enough of ioredis: a status, and a PING that fails until `healthy`. */
class FakeRedis {
  status = 'ready';
  healthy = false;
  pings = 0;
  private pinged: Array<() => void> = [];

  ping(): Promise<string> {
    this.pings += 1;
    this.pinged.splice(0).forEach((wake) => wake());
    return this.healthy ? Promise.resolve('PONG') : Promise.reject(new Error('timeout'));
  }

  nextPing(): Promise<void> {
    return new Promise((resolve) => this.pinged.push(resolve));
  }
}

function setup() {
  const redis = new FakeRedis();
  const metrics = new Metrics();
  const config = { redisBreakerCooldownMs: 20 } as AppConfig;
  const breaker = new RedisBreaker(redis as unknown as Redis, config, metrics);
  return { redis, metrics, breaker };
}

const failing = () => Promise.reject(new Error('Command timed out'));
const gauge = async (metrics: Metrics) => (await metrics.redisBreakerOpen.get()).values[0]?.value;

describe('RedisBreaker', () => {
  it('after one failure, skips Redis and answers with the fallback without calling it', async () => {
    const { breaker, metrics } = setup();
    expect(await breaker.run(failing, () => 'fallback')).toBe('fallback');
    expect(breaker.state).toBe('open');
    expect(await gauge(metrics)).toBe(1);
    let calls = 0;
    const command = () => {
      calls += 1;
      return Promise.resolve('redis');
    };
    for (let i = 0; i < 100; i++)
      expect(await breaker.run(command, () => 'fallback')).toBe('fallback');
    expect(calls).toBe(0);
    breaker.onModuleDestroy();
  });

  it('probes once per cooldown and closes when the probe succeeds', async () => {
    const { breaker, redis, metrics } = setup();
    await breaker.run(failing, () => undefined);
    await redis.nextPing();
    await new Promise((resolve) => setImmediate(resolve));
    expect(breaker.state).toBe('open');
    redis.healthy = true;
    await redis.nextPing();
    await new Promise((resolve) => setImmediate(resolve));
    expect(breaker.state).toBe('closed');
    expect(await gauge(metrics)).toBe(0);
    expect(
      await breaker.run(
        () => Promise.resolve('redis'),
        () => 'fallback',
      ),
    ).toBe('redis');
    expect(redis.pings).toBe(2);
  });

  it('does not send a command while the connection is reconnecting', async () => {
    const { breaker, redis } = setup();
    redis.status = 'reconnecting';
    let calls = 0;
    const result = await breaker.run<number | string>(
      () => Promise.resolve(calls++),
      () => 'fallback',
    );
    expect(result).toBe('fallback');
    expect(calls).toBe(0);
    expect(breaker.state).toBe('open');
    breaker.onModuleDestroy();
  });

  it('runs only the fallback when Redis is not configured', async () => {
    const breaker = new RedisBreaker(
      null,
      { redisBreakerCooldownMs: 20 } as AppConfig,
      new Metrics(),
    );
    expect(breaker.state).toBe('disabled');
    expect(
      await breaker.run(
        () => Promise.resolve('redis'),
        () => 'fallback',
      ),
    ).toBe('fallback');
  });
});
