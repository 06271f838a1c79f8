import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Perplexity from '@perplexity-ai/perplexity_ai';
import { LlmFixtureServer } from './fixtures/llm-server';
import { AppProcess } from './support/app-process';
import { RedisServer } from './support/redis-server';
import { splitThink } from './support/research-assertions';

const KEY = 'queue-key-0123456789';
/** Boot can take long on a loaded CI machine. */
const BOOT_MS = 75_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two real API processes on one real Redis: BullMQ, every replica a worker. */
describe('async jobs on BullMQ survive the worker process being killed', () => {
  let redis: RedisServer;
  let llm: LlmFixtureServer;
  const apps: AppProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    redis = await RedisServer.start();
    llm = await LlmFixtureServer.start();
    env = {
      API_KEYS: KEY,
      LOG_LEVEL: 'warn',
      REDIS_URL: redis.url,
      LLM_BASE_URL: llm.url,
      LLM_MODEL: 'fixture-model',
      // The first LLM call stalls: the job stays with process A until A is killed.
      LLM_TIMEOUT_MS: '600000',
    };
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop('SIGKILL')));
    await llm?.close();
    await redis?.stop();
  });

  it('SIGKILL of the process running a job: another process completes it', async () => {
    llm.plan({ type: 'stall' });
    const a = await AppProcess.start(env, BOOT_MS);
    apps.push(a);
    const viaA = new Perplexity({ apiKey: KEY, baseURL: a.url, maxRetries: 0 });
    const created = await viaA.async.chat.completions.create({
      request: {
        model: 'sonar-deep-research',
        messages: [{ role: 'user', content: 'How do replicas share the search cache in Redis?' }],
        reasoning_effort: 'low',
      },
    });
    while ((await viaA.async.chat.completions.get(created.id)).status !== 'IN_PROGRESS') {
      await sleep(20);
    }
    await llm.request(0); // A is running the job, stalled on its first LLM call
    const b = await AppProcess.start(env, BOOT_MS);
    apps.push(b);
    await a.stop('SIGKILL');

    const viaB = new Perplexity({ apiKey: KEY, baseURL: b.url, maxRetries: 0 });
    let job = await viaB.async.chat.completions.get(created.id);
    while (job.status !== 'COMPLETED' && job.status !== 'FAILED') {
      await sleep(200);
      job = await viaB.async.chat.completions.get(created.id);
    }
    expect(job.status).toBe('COMPLETED');
    const { report } = splitThink(job.response!.choices[0].message.content as string);
    expect(report).toMatch(/^# Report: /);
    // The same job, listed once, through the process that finished it.
    const listed = await viaB.async.chat.completions.list();
    expect(listed.requests.filter((r) => r.id === created.id)).toHaveLength(1);
  }, 180_000);
});
