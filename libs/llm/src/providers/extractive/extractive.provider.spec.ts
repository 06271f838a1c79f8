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

  it('streams, for a reasoning model, what it searched and quoted as labelled reasoning first', async () => {
    const events = await lastValueFrom(
      provider.stream(request({ reasoning: { queries: ['paris population'] } })).pipe(toArray()),
    );
    const reasoning = events.flatMap((e) => (e.type === 'reasoning' ? [e.content] : [])).join('');
    const answer = deltas(events).join('');
    const firstDelta = events.findIndex((e) => e.type === 'delta');
    expect(events.slice(0, firstDelta).every((e) => e.type === 'reasoning')).toBe(true);
    expect(reasoning).toMatch(/^Not model reasoning: /);
    expect(reasoning).toContain('Searches run:\n- paris population');
    const cited = Number(/\[(\d)\]/.exec(answer)![1]);
    const source = TEST_SOURCES.find((s) => s.index === cited)!;
    expect(reasoning).toContain(
      `Sources quoted in the answer:\n- [${cited}] ${source.title} (${source.url})`,
    );
    expect(events.at(-2)).toEqual({
      type: 'usage',
      usage: {
        promptTokens: expect.any(Number),
        completionTokens: countTokens(answer) + countTokens(reasoning),
        reasoningTokens: countTokens(reasoning),
      },
    });
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

  it('suggests as related questions only those the matching sources ask, one a line', async () => {
    const faq = {
      index: 1,
      title: 'Paris FAQ',
      url: 'https://example.org/paris-faq',
      date: null,
      snippet:
        'How many people live in Paris? About 2.1 million people live in Paris. ' +
        'Which river flows through Paris? The Seine flows through the city. ' +
        'When is the Louvre in Paris closed? The Louvre is closed on Tuesdays.',
    };
    const { content } = await provider.complete(
      request({ task: 'related', question: 'What is the population of Paris?', sources: [faq] }),
    );
    expect(content.split('\n')).toEqual([
      'How many people live in Paris?',
      'Which river flows through Paris?',
      'When is the Louvre in Paris closed?',
    ]);
    // Sources that ask nothing give no made-up questions.
    expect((await provider.complete(request({ task: 'related' }))).content).toBe('');
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
