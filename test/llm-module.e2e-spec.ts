import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Test } from '@nestjs/testing';
import { AppConfigModule, type RawEnvironment } from '@answergate/common';
import {
  ExtractiveProvider,
  LLM_PROVIDER,
  LlmHealthIndicator,
  LlmModule,
  type LlmProvider,
  OpenAiCompatibleProvider,
} from '@answergate/llm';
import { LlmFixtureServer } from './fixtures/llm-server';

async function compile(environment: RawEnvironment) {
  const moduleRef = await Test.createTestingModule({
    imports: [AppConfigModule.forRoot({ NODE_ENV: 'test', ...environment }), LlmModule],
  }).compile();
  return {
    llm: moduleRef.get<LlmProvider>(LLM_PROVIDER),
    health: moduleRef.get(LlmHealthIndicator),
  };
}

describe('LlmModule', () => {
  let fixture: LlmFixtureServer;

  beforeAll(async () => {
    fixture = await LlmFixtureServer.start();
  });
  afterAll(() => fixture.close());

  it('provides the embedded extractive provider by default, always up', async () => {
    const { llm, health } = await compile({});
    expect(llm).toBeInstanceOf(ExtractiveProvider);
    expect(await health.check()).toEqual({ llm: { status: 'up', provider: 'extractive' } });
  });

  it('provides the OpenAI-compatible provider when LLM_BASE_URL is set', async () => {
    const { llm, health } = await compile({ LLM_BASE_URL: fixture.url });
    expect(llm).toBeInstanceOf(OpenAiCompatibleProvider);
    expect(await health.check()).toEqual({ llm: { status: 'up', provider: 'openai' } });
    expect(fixture.requests.at(-1)?.path).toBe('/v1/models');
  });

  it('reports the upstream down, with its message, when /models fails', async () => {
    const { health } = await compile({ LLM_PROVIDER: 'openai', LLM_BASE_URL: fixture.url });
    fixture.modelsStatus = 503;
    expect(await health.check()).toEqual({
      llm: {
        status: 'down',
        provider: 'openai',
        message: `LLM upstream (${fixture.url}) answered 503: The fixture is down.`,
      },
    });
  });
});
