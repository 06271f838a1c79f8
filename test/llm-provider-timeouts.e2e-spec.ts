import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { type RawEnvironment } from '@answergate/common';
import {
  collect,
  FIXTURE_KEY,
  llmRequest,
  providerFor,
  rejection,
} from './fixtures/llm-provider-helpers';
import { LlmFixtureServer } from './fixtures/llm-server';

describe('OpenAiCompatibleProvider timeouts and cancellation (LLM fixture server)', () => {
  let fixture: LlmFixtureServer;
  const provider = (env: RawEnvironment = {}) =>
    providerFor(fixture.url, { LLM_IDLE_TIMEOUT_MS: '400', ...env });

  beforeAll(async () => {
    fixture = await LlmFixtureServer.start({ apiKey: FIXTURE_KEY });
  });
  beforeEach(() => fixture.reset());
  afterAll(() => fixture.close());

  it('fails with 504 when the upstream goes silent mid-stream', async () => {
    fixture.plan({ type: 'stall', afterChunks: 2 });
    const error = await rejection(collect(provider()));
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(error.message).toBe(`LLM upstream (${fixture.url}) sent nothing for 400 ms`);
    expect(await fixture.requests[0].outcome).toBe('aborted');
    expect(fixture.requests).toHaveLength(1);
  });

  it('fails with 504 when the upstream accepts and never answers', async () => {
    fixture.plan({ type: 'stall' });
    const error = await rejection(collect(provider()));
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(await fixture.requests[0].outcome).toBe('aborted');
  });

  it('bounds the whole call by LLM_TIMEOUT_MS', async () => {
    fixture.plan({ type: 'stall' });
    const started = Date.now();
    const error = await rejection(provider({ LLM_TIMEOUT_MS: '300' }).complete(llmRequest()));
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('aborts the upstream request when the subscriber unsubscribes', async () => {
    fixture.chunkDelayMs = 50;
    const subscription = provider()
      .stream(llmRequest())
      .subscribe({
        next: (e) => {
          if (e.type === 'delta' && e.content.trim()) subscription.unsubscribe();
        },
      });
    const recorded = await fixture.request(0);
    await expect(recorded.outcome).resolves.toBe('aborted');
  });

  it('aborts a complete() call with the caller signal', async () => {
    fixture.plan({ type: 'stall' });
    const controller = new AbortController();
    const pending = provider().complete(llmRequest(), controller.signal);
    const recorded = await fixture.request(0);
    controller.abort(new Error('client left'));
    await expect(pending).rejects.toThrow('client left');
    await expect(recorded.outcome).resolves.toBe('aborted');
  });
});
