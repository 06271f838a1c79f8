import type { NestExpressApplication } from '@nestjs/platform-express';
import OpenAI from 'openai';
import { LlmFixtureServer } from '../fixtures/llm-server';
import { startTestApp, TEST_KEY } from './test-app';

/** The app over the fixture LLM and the local index of `docs/`, with an openai client on `/v1`. */
export interface FixtureLlmApp {
  llm: LlmFixtureServer;
  app: NestExpressApplication;
  client: OpenAI;
}

/** Starts the fixture LLM and the app (listening on a free port); `env` adds settings. */
export async function startFixtureLlmApp(env: Record<string, string> = {}): Promise<FixtureLlmApp> {
  const llm = await LlmFixtureServer.start();
  try {
    const app = await startTestApp({
      LLM_BASE_URL: llm.url,
      LLM_MODEL: 'fixture-model',
      SEARCH_PROVIDER: 'local',
      LOCAL_INDEX_DIR: 'docs',
      ...env,
    });
    await app.listen(0, '127.0.0.1');
    const client = new OpenAI({
      baseURL: `${await app.getUrl()}/v1`,
      apiKey: TEST_KEY,
      maxRetries: 0,
    });
    return { llm, app, client };
  } catch (error) {
    await llm.close();
    throw error;
  }
}
