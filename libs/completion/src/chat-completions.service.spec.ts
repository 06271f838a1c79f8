import { describe, expect, it, jest } from '@jest/globals';
import { lastValueFrom, of, toArray } from 'rxjs';
import { ChatCompletions } from './chat-completions.service';
import type { CompletionPipeline } from './completion-pipeline.service';
import type { CompletionEvent, CompletionRequest } from './completion.types';
import { SearchFieldsJson } from './wire/search-fields-json';

const results = [
  {
    title: 'Alpha',
    url: 'https://a.example/',
    snippet: 'Alpha "quoted".',
    date: null,
    lastUpdated: null,
  },
  { title: '', url: 'https://b.example/', snippet: 'Beta.', date: '2024-01-02', lastUpdated: null },
];
const usage = {
  promptTokens: 10,
  completionTokens: 4,
  reasoningTokens: 0,
  citationTokens: 7,
  numSearchQueries: 1,
  searchContextSize: 'low' as const,
};
const events: CompletionEvent[] = [
  { type: 'sources', results, queries: ['q'] },
  { type: 'delta', content: '' },
  { type: 'delta', content: 'Alpha is ' },
  { type: 'delta', content: 'quoted [' },
  { type: 'delta', content: '1]. More' },
  { type: 'delta', content: ' "text"\n' },
  {
    type: 'done',
    finishReason: 'stop',
    usage,
    citationCheck: {
      checked: 1,
      supported: 0,
      unsupported: [{ sentenceIndex: 0, marker: 1, reason: 'no' }],
    },
    relatedQuestions: ['Why?'],
  },
];

function completions(): ChatCompletions {
  const pipeline = { run: () => of(...events) } as unknown as CompletionPipeline;
  return new ChatCompletions(pipeline);
}
const request = { model: { id: 'sonar', search: 'web' } } as unknown as CompletionRequest;

describe('ChatCompletions.stream', () => {
  it('writes each chunk as JSON.stringify writes the chunk object, in the same order', async () => {
    const texts = await lastValueFrom(completions().stream(request, true).pipe(toArray()));
    const first = JSON.parse(texts[0]) as { id: string; created: number };
    const head = {
      id: first.id,
      object: 'chat.completion.chunk',
      created: first.created,
      model: 'sonar',
    };
    const choices = (delta: object, finish: string | null = null) => [
      { index: 0, delta, logprobs: null, finish_reason: finish },
    ];
    const search = {
      citations: ['https://a.example/', 'https://b.example/'],
      search_results: results.map((r) => ({
        title: r.title,
        url: r.url,
        date: r.date,
        last_updated: r.lastUpdated,
        snippet: r.snippet,
      })),
    };
    const annotation = {
      type: 'url_citation',
      url_citation: { url: 'https://a.example/', title: 'Alpha', start_index: 16, end_index: 19 },
    };
    const wireUsage = {
      prompt_tokens: 10,
      completion_tokens: 4,
      total_tokens: 14,
      reasoning_tokens: 0,
      citation_tokens: 7,
      num_search_queries: 1,
      search_context_size: 'low',
    };
    const expected = [
      { ...head, choices: choices({ role: 'assistant', content: '' }), ...search },
      { ...head, choices: choices({ content: '' }) },
      { ...head, choices: choices({ content: 'Alpha is ' }), ...search },
      { ...head, choices: choices({ content: 'quoted [' }) },
      { ...head, choices: choices({ content: '1]. More', annotations: [annotation] }) },
      { ...head, choices: choices({ content: ' "text"\n' }) },
      {
        ...head,
        choices: choices({}, 'stop'),
        ...search,
        related_questions: ['Why?'],
        citation_check: {
          checked: 1,
          supported: 0,
          unsupported: [{ sentence_index: 0, marker: 1, reason: 'no' }],
        },
        usage: wireUsage,
      },
      { ...head, choices: [], usage: wireUsage },
    ];
    expect(texts).toEqual(expected.map((chunk) => JSON.stringify(chunk)));
  });

  it('asks for the search fields text again for the finish chunk instead of holding it while the answer streams', async () => {
    const of = jest.spyOn(SearchFieldsJson.prototype, 'of');
    try {
      let callsAfterFirstContent = -1;
      let chunks = 0;
      await new Promise<void>((resolve, reject) =>
        completions()
          .stream(request, false)
          .subscribe({
            next: () => {
              chunks += 1;
              // The role chunk, an empty delta, then the first content chunk.
              if (chunks === 3) callsAfterFirstContent = of.mock.calls.length;
            },
            error: reject,
            complete: resolve,
          }),
      );
      expect(callsAfterFirstContent).toBe(1);
      expect(of).toHaveBeenCalledTimes(2);
      expect(of.mock.calls[1][0]).toBe(results);
    } finally {
      of.mockRestore();
    }
  });

  it('sends no usage chunk unless include_usage asks for it', async () => {
    const texts = await lastValueFrom(completions().stream(request, false).pipe(toArray()));
    expect(texts).toHaveLength(7);
    expect(JSON.parse(texts[6])).toMatchObject({ choices: [{ finish_reason: 'stop' }] });
  });
});
