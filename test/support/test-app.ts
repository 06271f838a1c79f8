import type { NestExpressApplication } from '@nestjs/platform-express';
import type { RawEnvironment } from '@answergate/common';
import { createApp } from '../../apps/api/src/create-app';

export const TEST_KEY = 'test-key-0123456789';

/** Environment every e2e app starts from: quiet logs, one known key, embedded defaults. */
export function testEnvironment(overrides: RawEnvironment = {}): RawEnvironment {
  return { NODE_ENV: 'test', LOG_LEVEL: 'silent', API_KEYS: TEST_KEY, ...overrides };
}

/** The real application (same middleware as `main.ts`), initialised but not listening. */
export async function startTestApp(
  overrides: RawEnvironment = {},
): Promise<NestExpressApplication> {
  const app = await createApp(testEnvironment(overrides));
  await app.init();
  return app;
}

export const bearer = (key = TEST_KEY): Record<string, string> => ({
  Authorization: `Bearer ${key}`,
});
