import { describe, expect, it, jest } from '@jest/globals';
import { lastValueFrom, Observable, Subject, tap, toArray } from 'rxjs';
import type { LlmCompletion, LlmEvent, LlmProvider, LlmRequest } from '@answergate/llm';
import type { ModelProfile } from '@answergate/models';
import type { SearchRequest, SearchResult, SearchService } from '@answergate/search';
import { AppConfig, Metrics } from '@answergate/common';
import type { CompletionEvent, CompletionRequest } from './completion.types';
import { CompletionPipeline } from './completion-pipeline.service';
import { ProSearchPlanner } from './pro-search-planner.service';
import { QueryRephraser } from './query-rephraser.service';
import { RelatedQuestions } from './related-questions.service';
import { SearchClassifier } from './search-classifier.service';
import { Grounding } from './grounding/grounding.service';

const RESULTS: SearchResult[] = [
  {
    title: 'Cache',
    url: 'https://a.example/cache',
    snippet: 'Results are cached.',
    date: '2026-01-02',
    lastUpdated: null,
  },
  {
    title: 'Redis',
    url: 'https://b.example/redis',
    snippet: 'Redis shares the cache.',
    date: null,
    lastUpdated: null,
  },
];

const MODEL: ModelProfile = {
  id: 'sonar',
  created: 0,
  ownedBy: 'answergate',
  description: '',
  search: 'normal',
  reasoning: false,
  upstreamModel: 'upstream-x',
};

function request(overrides: Partial<CompletionRequest> = {}): CompletionRequest {
  return {
    model: MODEL,
    messages: [{ role: 'user', content: 'How is the cache shared?' }],
    search: {
      maxResults: 6,
      filters: {},
      contextSize: 'low',
      pro: false,
      enabled: true,
      classify: false,
    },
    returnImages: false,
    imageFilters: {},
    returnVideos: false,
    audience: {},
    returnRelatedQuestions: false,
    sampling: {},
    ...overrides,
  };
}

/** A fake LLM: `complete` answers per task, `stream` emits the given events. */
class FakeLlm implements LlmProvider {
  readonly name = 'fake';
  readonly completeCalls: LlmRequest[] = [];
  readonly streamCalls: LlmRequest[] = [];
  streamTornDown = false;
  private markStreamStarted: () => void = () => undefined;
  /** Resolves once the answer stream is subscribed: the pipeline has asked for its answer. */
  readonly streamStarted = new Promise<void>((resolve) => (this.markStreamStarted = resolve));
  constructor(
    private readonly answers: Partial<Record<LlmRequest['task'], string | Error>> = {},
    private readonly events: LlmEvent[] = [
      { type: 'delta', content: 'Shared in Redis ' },
      { type: 'delta', content: '[2].' },
      { type: 'finish', reason: 'stop' },
    ],
    private readonly streamSource?: Subject<LlmEvent>,
  ) {}
  complete(req: LlmRequest): Promise<LlmCompletion> {
    this.completeCalls.push(req);
    const answer = this.answers[req.task];
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve({ content: answer ?? '' });
  }
  stream(req: LlmRequest): Observable<LlmEvent> {
    this.streamCalls.push(req);
    return new Observable<LlmEvent>((subscriber) => {
      const sub = this.streamSource
        ? this.streamSource.subscribe(subscriber)
        : (this.events.forEach((e) => subscriber.next(e)), subscriber.complete(), undefined);
      this.markStreamStarted();
      return () => {
        this.streamTornDown = true;
        sub?.unsubscribe();
      };
    });
  }
  ping(): Promise<void> {
    return Promise.resolve();
  }
}

function fakeSearch() {
  const calls: SearchRequest[] = [];
  const service = {
    search: jest.fn((req: SearchRequest) => {
      calls.push(req);
      return Promise.resolve(RESULTS);
    }),
    images: jest.fn(() =>
      Promise.resolve([
        { imageUrl: 'https://i.example/1.png', originUrl: 'https://a.example', title: 'img' },
      ]),
    ),
  };
  return { calls, service: service as unknown as SearchService, raw: service };
}

/** Pages are their snippets here; the budget and check as configured by default. */
function grounding(citationCheck: AppConfig['citationCheck'] = 'flag') {
  const reader = {
    read: (results: readonly SearchResult[]) =>
      Promise.resolve(
        results.map((r) => ({
          url: r.url,
          title: r.title,
          text: r.snippet,
          origin: 'snippet' as const,
        })),
      ),
  };
  const config = Object.assign(new AppConfig(), {
    contextTokens: { low: 2000, medium: 6000, high: 16000 },
    citationCheck,
  });
  return new Grounding(reader, config, new Metrics());
}

function pipeline(
  llm: FakeLlm,
  search = fakeSearch(),
  check: AppConfig['citationCheck'] | Grounding = 'flag',
) {
  return new CompletionPipeline(
    search.service,
    llm,
    new QueryRephraser(llm),
    new ProSearchPlanner(llm),
    new RelatedQuestions(llm),
    new SearchClassifier(llm),
    check instanceof Grounding ? check : grounding(check),
    new Metrics(),
  );
}

const run = (p: CompletionPipeline, req: CompletionRequest) =>
  lastValueFrom(p.run(req).pipe(toArray()));

describe('CompletionPipeline', () => {
  it('emits the sources first, then the answer, then done with usage', async () => {
    const events = await run(pipeline(new FakeLlm()), request());
    expect(events.map((e) => e.type)).toEqual(['sources', 'delta', 'delta', 'done']);
    expect((events[0] as Extract<CompletionEvent, { type: 'sources' }>).results).toEqual(RESULTS);
    const done = events[3] as Extract<CompletionEvent, { type: 'done' }>;
    expect(done.finishReason).toBe('stop');
    expect(done.usage.numSearchQueries).toBe(1);
    expect(done.usage.completionTokens).toBeGreaterThan(0);
    expect(done.usage.promptTokens).toBeGreaterThan(done.usage.citationTokens);
  });

  it('asks the LLM for the answer before it emits the sources', async () => {
    const llm = new FakeLlm();
    const asked: number[] = [];
    await lastValueFrom(
      pipeline(llm)
        .run(request())
        .pipe(
          tap((e) => e.type === 'sources' && asked.push(llm.streamCalls.length)),
          toArray(),
        ),
    );
    expect(asked).toEqual([1]);
  });

  it('prompts with numbered sources and the upstream model', async () => {
    const llm = new FakeLlm();
    await run(pipeline(llm), request());
    const [answer] = llm.streamCalls;
    expect(answer.model).toBe('upstream-x');
    expect(answer.messages[0].content).toContain(
      '<source index="1">\nTitle: Cache\nDate: 2026-01-02\nURL: https://a.example/cache',
    );
    expect(answer.messages[0].content).toContain('<source index="2">\nTitle: Redis');
    expect(answer.messages.at(-1)).toEqual({ role: 'user', content: 'How is the cache shared?' });
  });

  it('skips rephrasing on the first turn and rephrases follow-ups', async () => {
    const llm = new FakeLlm({ rephrase: '"Answergate Redis cache sharing"' });
    const search = fakeSearch();
    await run(pipeline(llm, search), request());
    expect(llm.completeCalls).toHaveLength(0);
    expect(search.calls[0].queries).toEqual(['How is the cache shared?']);

    const followUp = request({
      messages: [
        { role: 'user', content: 'What does Answergate cache?' },
        { role: 'assistant', content: 'Search results [1].' },
        { role: 'user', content: 'And across replicas?' },
      ],
    });
    await run(pipeline(llm, search), followUp);
    expect(llm.completeCalls[0].task).toBe('rephrase');
    expect(llm.completeCalls[0].messages[1].content).toContain('What does Answergate cache?');
    expect(search.calls[1].queries).toEqual(['Answergate Redis cache sharing']);
  });

  it('runs the planned sub-queries for pro search', async () => {
    const llm = new FakeLlm({ plan: '["redis cache", "cache ttl", "cache replicas"]' });
    const search = fakeSearch();
    const events = await run(
      pipeline(llm, search),
      request({ search: { ...request().search, pro: true } }),
    );
    expect(search.calls[0].queries).toEqual(['redis cache', 'cache ttl', 'cache replicas']);
    expect(
      (events.at(-1) as Extract<CompletionEvent, { type: 'done' }>).usage.numSearchQueries,
    ).toBe(3);
  });

  it('disable_search: no search call, no sources, 0 search queries, a prompt without sources', async () => {
    const llm = new FakeLlm();
    const search = fakeSearch();
    const events = await run(
      pipeline(llm, search),
      request({ search: { ...request().search, enabled: false }, returnImages: true }),
    );
    expect(search.raw.search).not.toHaveBeenCalled();
    expect(search.raw.images).not.toHaveBeenCalled();
    expect((events[0] as Extract<CompletionEvent, { type: 'sources' }>).results).toEqual([]);
    const done = events.at(-1) as Extract<CompletionEvent, { type: 'done' }>;
    expect(done.usage.numSearchQueries).toBe(0);
    expect(llm.streamCalls[0].messages[0].content).toContain('no web search was made');
    expect(llm.streamCalls[0].messages[0].content).not.toContain('Sources:');
  });

  it('enable_search_classifier: skips the search when the classifier says NO_SEARCH', async () => {
    const search = fakeSearch();
    const classified = request({ search: { ...request().search, classify: true } });
    const skip = new FakeLlm({ classify: 'NO_SEARCH' });
    const skipped = await run(pipeline(skip, search), classified);
    expect(skip.completeCalls.map((c) => c.task)).toEqual(['classify']);
    expect(search.raw.search).not.toHaveBeenCalled();
    expect((skipped.at(-1) as Extract<CompletionEvent, { type: 'done' }>).usage).toMatchObject({
      numSearchQueries: 0,
    });

    const searched = await run(pipeline(new FakeLlm({ classify: 'SEARCH' }), search), classified);
    expect(search.raw.search).toHaveBeenCalledTimes(1);
    expect((searched.at(-1) as Extract<CompletionEvent, { type: 'done' }>).usage).toMatchObject({
      numSearchQueries: 1,
    });
  });

  it('searches when the search classifier fails', async () => {
    const search = fakeSearch();
    const llm = new FakeLlm({ classify: new Error('classifier offline') });
    await run(pipeline(llm, search), request({ search: { ...request().search, classify: true } }));
    expect(search.raw.search).toHaveBeenCalledTimes(1);
  });

  it('falls back to one search when planning fails', async () => {
    const llm = new FakeLlm({ plan: new Error('planner offline') });
    const search = fakeSearch();
    await run(pipeline(llm, search), request({ search: { ...request().search, pro: true } }));
    expect(search.calls[0].queries).toEqual(['How is the cache shared?']);
  });

  it('starts related questions and images with the first token, before the answer ends', async () => {
    const source = new Subject<LlmEvent>();
    const llm = new FakeLlm({ related: 'Which Redis version?\nHow long is the TTL?' }, [], source);
    const search = fakeSearch();
    const events: CompletionEvent[] = [];
    const done = new Promise<void>((resolve) =>
      pipeline(llm, search)
        .run(request({ returnImages: true, returnRelatedQuestions: true }))
        .subscribe({ next: (e) => events.push(e), complete: resolve }),
    );
    await llm.streamStarted;
    await new Promise(setImmediate); // one more turn of the loop for anything started eagerly
    // Nothing competes with the answer's own request before its first token.
    expect(llm.completeCalls).toHaveLength(0);
    expect(search.raw.images).not.toHaveBeenCalled();
    source.next({ type: 'delta', content: 'Answer [1].' });
    // The answer has not finished, yet both extras were already asked for.
    expect(llm.completeCalls.map((c) => c.task)).toEqual(['related']);
    expect(search.raw.images).toHaveBeenCalledTimes(1);
    source.complete();
    await done;
    const last = events.at(-1) as Extract<CompletionEvent, { type: 'done' }>;
    expect(last.relatedQuestions).toEqual(['Which Redis version?', 'How long is the TTL?']);
    expect(last.images).toHaveLength(1);
  });

  it('sends its last event as the answer ends when nothing extra was asked, not a promise later', async () => {
    const source = new Subject<LlmEvent>();
    const llm = new FakeLlm({}, [], source);
    const events: CompletionEvent[] = [];
    pipeline(llm, fakeSearch())
      .run(request())
      .subscribe({ next: (e) => events.push(e) });
    await llm.streamStarted;
    source.next({ type: 'delta', content: 'Answer [1].' });
    source.next({ type: 'usage', usage: { promptTokens: 5, completionTokens: 3 } });
    source.complete();
    expect(events.at(-1)).toMatchObject({ type: 'done', usage: { completionTokens: 3 } });
    expect(llm.completeCalls).toHaveLength(0);
  });

  it('counts the citation tokens once, between the first token and the end, not after the last', async () => {
    const source = new Subject<LlmEvent>();
    const llm = new FakeLlm({}, [], source);
    const grounded = grounding();
    const counted = jest.spyOn(grounded, 'citationTokens');
    const events: CompletionEvent[] = [];
    const done = new Promise<void>((resolve) =>
      pipeline(llm, fakeSearch(), grounded)
        .run(request())
        .subscribe({ next: (e) => events.push(e), complete: resolve }),
    );
    await llm.streamStarted;
    await new Promise(setImmediate);
    expect(counted).not.toHaveBeenCalled();
    source.next({ type: 'delta', content: 'Answer [1].' });
    await new Promise(setImmediate);
    expect(counted).toHaveBeenCalledTimes(1);
    source.complete();
    await done;
    expect(counted).toHaveBeenCalledTimes(1);
    const last = events.at(-1) as Extract<CompletionEvent, { type: 'done' }>;
    expect(last.usage.citationTokens).toBe(counted.mock.results[0].value);
    expect(last.usage.citationTokens).toBeGreaterThan(0);
  });

  it('aborts search and the LLM stream when unsubscribed', async () => {
    const source = new Subject<LlmEvent>();
    const llm = new FakeLlm({}, [], source);
    const search = fakeSearch();
    const subscription = pipeline(llm, search).run(request()).subscribe();
    await llm.streamStarted;
    expect(llm.streamCalls).toHaveLength(1);
    subscription.unsubscribe();
    expect(llm.streamTornDown).toBe(true);
    expect(search.calls[0].signal?.aborted).toBe(true);
  });

  it('reports upstream usage when the LLM gives it', async () => {
    const llm = new FakeLlm({}, [
      { type: 'delta', content: 'x' },
      { type: 'usage', usage: { promptTokens: 1234, completionTokens: 56 } },
    ]);
    const events = await run(pipeline(llm), request());
    const done = events.at(-1) as Extract<CompletionEvent, { type: 'done' }>;
    expect(done.usage).toMatchObject({ promptTokens: 1234, completionTokens: 56 });
  });

  it('reports the citation check on done, and strips unsupported markers in strip mode', async () => {
    const events = (answer: string) => [
      { type: 'delta' as const, content: answer },
      { type: 'finish' as const, reason: 'stop' },
    ];
    const text = 'Redis shares the cache [2]. Results expire after 90 days [1]. Also [5].';
    const flagged = await run(pipeline(new FakeLlm({}, events(text))), request());
    const done = flagged.at(-1) as Extract<CompletionEvent, { type: 'done' }>;
    expect(done.citationCheck).toEqual({
      checked: 3,
      supported: 1,
      unsupported: [
        { sentenceIndex: 1, marker: 1, reason: 'number 90 is not in the source' },
        { sentenceIndex: 2, marker: 5, reason: 'there is no source [5]' },
      ],
    });
    const said = (all: CompletionEvent[]) =>
      all.map((e) => (e.type === 'delta' ? e.content : '')).join('');
    expect(said(flagged)).toBe(
      'Redis shares the cache [2]. Results expire after 90 days [1]. Also.',
    );
    const stripped = await run(
      pipeline(new FakeLlm({}, events(text)), fakeSearch(), 'strip'),
      request(),
    );
    expect(said(stripped)).toBe('Redis shares the cache [2]. Results expire after 90 days. Also.');
    const off = await run(pipeline(new FakeLlm({}, events(text)), fakeSearch(), 'off'), request());
    expect(said(off)).toBe(text);
    expect(
      (off.at(-1) as Extract<CompletionEvent, { type: 'done' }>).citationCheck,
    ).toBeUndefined();
  });
});
