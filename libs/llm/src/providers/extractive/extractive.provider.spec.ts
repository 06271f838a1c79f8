import { describe, expect, it } from '@jest/globals';
import { lastValueFrom, take, tap, toArray } from 'rxjs';
import { LlmUnsupportedTaskError } from '../../llm-unsupported-task.error';
import type { LlmEvent, LlmRequest } from '../../llm.types';
import { countTokens } from '@answergate/common';
import { TEST_SOURCES } from './extractive-sources.fixture';
import { ExtractiveProvider } from './extractive.provider';

const provider = new ExtractiveProvider();
const request = (overrides: Partial<LlmRequest> = {}): LlmRequest => ({
  task: 'answer',
  model: 'default',
  question: 'What is the population of Paris?',
  messages: [{ role: 'user', content: 'What is the population of Paris?' }],
  sources: TEST_SOURCES,
  ...overrides,
});
const deltas = (events: LlmEvent[]) =>
  events.flatMap((e) => (e.type === 'delta' ? [e.content] : []));

describe('ExtractiveProvider', () => {
  it('streams the answer in word groups, then usage and finish', async () => {
    const events = await lastValueFrom(provider.stream(request()).pipe(toArray()));
    const { content } = await provider.complete(request());
    expect(deltas(events).length).toBeGreaterThan(3);
    expect(deltas(events).join('')).toBe(content);
    expect(content).toContain('[1]');
    expect(events.slice(-2)).toEqual([
      {
        type: 'usage',
        usage: { promptTokens: expect.any(Number), completionTokens: countTokens(content) },
      },
      { type: 'finish', reason: 'stop' },
    ]);
  });

  it('stops producing when unsubscribed mid-answer', async () => {
    let produced = 0;
    const firstTwo = provider.stream(request()).pipe(
      tap(() => produced++),
      take(2),
      toArray(),
    );
    expect(await lastValueFrom(firstTwo)).toHaveLength(2);
    expect(produced).toBe(2);
  });

  it('suggests related questions, one a line, from the matching sources', async () => {
    const { content } = await provider.complete(request({ task: 'related' }));
    const lines = content.split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).toMatch(/the population of Paris\?$/);
    expect(content).toContain('France');
  });

  it('rephrases a follow-up with the terms of earlier user turns', async () => {
    const messages: LlmRequest['messages'] = [
      { role: 'user', content: 'Tell me about Paris, France' },
      { role: 'assistant', content: 'Paris is the capital of France.' },
      { role: 'user', content: 'What about its population?' },
    ];
    const rephrase = (m: LlmRequest['messages'], question: string) =>
      provider.complete(request({ task: 'rephrase', messages: m, question }));
    expect((await rephrase(messages, 'What about its population?')).content).toBe(
      'What about its population Paris France',
    );
    // The completion pipeline sends the conversation as one transcript message.
    const transcript = messages.map((m) => `${m.role}: ${m.content}`).join('\n');
    const asTranscript = [
      { role: 'system' as const, content: 'Rewrite the last user message.' },
      { role: 'user' as const, content: transcript },
    ];
    expect((await rephrase(asTranscript, 'What about its population?')).content).toBe(
      'What about its population Paris France',
    );
    // A question that stands alone is left as it is.
    const alone = 'How do Redis TTLs expire in a cluster?';
    expect((await rephrase([...messages, { role: 'user', content: alone }], alone)).content).toBe(
      alone,
    );
  });

  it('cannot plan, and says so with a typed error', async () => {
    await expect(provider.complete(request({ task: 'plan' }))).rejects.toBeInstanceOf(
      LlmUnsupportedTaskError,
    );
    await expect(lastValueFrom(provider.stream(request({ task: 'plan' })))).rejects.toMatchObject({
      status: 501,
      code: 'unsupported_task',
    });
  });

  it('is always ready', async () => {
    await expect(provider.ping()).resolves.toBeUndefined();
  });
});
