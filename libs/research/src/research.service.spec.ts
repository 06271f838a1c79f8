import { describe, expect, it } from '@jest/globals';
import { lastValueFrom, of, toArray } from 'rxjs';
import { loadAppConfig, Metrics } from '@answergate/common';
import type { CompletionEvent, CompletionRequest } from '@answergate/completion';
import { ExtractiveProvider } from '@answergate/llm';
import type { ModelProfile } from '@answergate/models';
import type { PageReader, SearchRequest, SearchResult, SearchService } from '@answergate/search';
import { ResearchService } from './research.service';
import type { ReadSource, Reflection, ReportInput, Thought } from './research.types';
import { ExtractiveThinker } from './thinkers/extractive-thinker';
import type { ResearchThinker } from './thinkers/research-thinker.interface';

const MODEL: ModelProfile = {
  id: 'sonar-deep-research',
  created: 0,
  ownedBy: 'answergate',
  description: '',
  search: 'research',
  reasoning: true,
  upstreamModel: 'upstream-x',
};

const NO_COST = { promptTokens: 0, completionTokens: 0 };

function request(question: string, effort?: 'low' | 'medium' | 'high'): CompletionRequest {
  return {
    model: MODEL,
    messages: [{ role: 'user', content: question }],
    search: {
      maxResults: 6,
      filters: {},
      contextSize: 'low',
      pro: false,
      enabled: true,
      classify: false,
    },
    reasoningEffort: effort,
    returnImages: false,
    returnRelatedQuestions: false,
    sampling: {},
  };
}

/** Three distinct pages per query, so every round finds new ones; `about` says what they cover. */
class FakeSearch {
  readonly calls: SearchRequest[] = [];
  constructor(private readonly about = (query: string) => query) {}
  search(req: SearchRequest): Promise<SearchResult[]> {
    this.calls.push(req);
    const q = req.queries[0];
    return Promise.resolve(
      [1, 2, 3].map((n) => ({
        title: `Page ${n}`,
        url: `https://example.test/${encodeURIComponent(q)}/${n}`,
        snippet: `This page explains ${this.about(q)} in some detail, part ${n}.`,
        date: null,
        lastUpdated: null,
      })),
    );
  }
}

/** Plans two queries; reports something missing until `missingUntilRound`; cites every source. */
class ScriptedThinker implements ResearchThinker {
  readonly reflections: number[] = [];
  constructor(private readonly missingUntilRound: number) {}
  plan(): Promise<Thought<string[]>> {
    return Promise.resolve({ value: ['alpha', 'beta'], usage: NO_COST });
  }
  reflect(
    _question: string,
    _sources: readonly ReadSource[],
    round: number,
  ): Promise<Thought<Reflection>> {
    this.reflections.push(round);
    const missing = round < this.missingUntilRound;
    return Promise.resolve({
      value: missing
        ? { missing: ['more'], queries: [`gamma ${round}`] }
        : { missing: [], queries: [] },
      usage: NO_COST,
    });
  }
  writeReport(input: ReportInput) {
    const cites = input.sources.map((s) => `[${s.index}]`).join('');
    return of({ type: 'delta' as const, content: `# Report\n\nAll${cites}.` });
  }
}

/** Reads each result as its own snippet, as the page reader does for a page it cannot fetch. */
const snippetReader: PageReader = {
  read: (results) =>
    Promise.resolve(
      results.map((r) => ({
        url: r.url,
        title: r.title,
        text: r.snippet,
        origin: 'snippet' as const,
      })),
    ),
};

function service(thinker: ResearchThinker, search = new FakeSearch(), env = {}) {
  const config = loadAppConfig(env);
  return {
    search,
    research: new ResearchService(
      search as unknown as SearchService,
      thinker,
      snippetReader,
      config,
      new Metrics(),
    ),
  };
}

const run = (research: ResearchService, req: CompletionRequest) =>
  lastValueFrom(research.run(req).pipe(toArray()));

const text = (events: CompletionEvent[]) =>
  events.map((e) => (e.type === 'delta' ? e.content : '')).join('');

const finalSources = (events: CompletionEvent[]) =>
  events.filter((e) => e.type === 'sources').at(-1) as Extract<
    CompletionEvent,
    { type: 'sources' }
  >;

const done = (events: CompletionEvent[]) =>
  events.find((e) => e.type === 'done') as Extract<CompletionEvent, { type: 'done' }>;

describe('ResearchService', () => {
  it('stops after the round whose reflection finds nothing missing, reading new pages each round', async () => {
    const thinker = new ScriptedThinker(2);
    const { research, search } = service(thinker);
    const events = await run(research, request('What is alpha?', 'high'));
    expect(thinker.reflections).toEqual([1, 2]);
    expect(search.calls.map((c) => c.queries[0])).toEqual(['alpha', 'beta', 'gamma 1']);
    const urls = finalSources(events).results.map((r) => r.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.some((u) => u.includes('gamma'))).toBe(true);
    expect(done(events).usage.numSearchQueries).toBe(3);
  });

  it('stops at the effort budget: low allows 2 rounds and 5 pages, medium 4 rounds', async () => {
    const low = service(new ScriptedThinker(99));
    const lowEvents = await run(low.research, request('What is alpha?', 'low'));
    expect(finalSources(lowEvents).results).toHaveLength(5);
    expect(low.search.calls).toHaveLength(3); // alpha, beta; then gamma 1

    const medium = service(new ScriptedThinker(99));
    await run(medium.research, request('What is alpha?', 'medium'));
    expect(medium.search.calls.map((c) => c.queries[0])).toEqual([
      'alpha',
      'beta',
      'gamma 1',
      'gamma 2',
      'gamma 3',
    ]);
  });

  it('takes budgets from RESEARCH_MAX_ROUNDS and RESEARCH_MAX_PAGES', async () => {
    const { research, search } = service(new ScriptedThinker(99), new FakeSearch(), {
      RESEARCH_MAX_ROUNDS: '1,4,8',
      RESEARCH_MAX_PAGES: '2,15,40',
    });
    const events = await run(research, request('What is alpha?', 'low'));
    expect(search.calls).toHaveLength(2);
    expect(finalSources(events).results).toHaveLength(2);
  });

  it('streams the reasoning in <think> before the report, then sources and usage with reasoning tokens', async () => {
    const { research } = service(new ScriptedThinker(2));
    const events = await run(research, request('What is alpha?'));
    const all = text(events);
    expect(all.startsWith('<think>\nPlan: sub-questions to research:\n- alpha\n- beta\n')).toBe(
      true,
    );
    expect(all.indexOf('</think>')).toBeLessThan(all.indexOf('# Report'));
    expect(all).toContain('Round 2: searching:\n- gamma 1');
    expect(events.at(-1)?.type).toBe('done');
    expect(done(events).usage.reasoningTokens).toBeGreaterThan(10);
    expect(done(events).usage.citationTokens).toBeGreaterThan(0);
  });
});

describe('ExtractiveThinker', () => {
  const llm = new ExtractiveProvider();
  const thinker = new ExtractiveThinker(llm);

  it('plans the question and groups of its terms', async () => {
    const plan = await thinker.plan('How does the Redis cache share search results?');
    expect(plan.value).toEqual([
      'How does the Redis cache share search results?',
      'Redis cache',
      'share search',
    ]);
  });

  it('reflects by listing the question terms no source mentions', async () => {
    const source: ReadSource = {
      index: 1,
      title: 'Redis cache',
      url: 'https://x.test/1',
      snippet: 'Replicas share the Redis cache.',
      date: null,
      lastUpdated: null,
      round: 1,
      subQuestion: 'Redis cache',
    };
    const reflection = await thinker.reflect('How does the Redis cache share search results?', [
      source,
    ]);
    expect(reflection.value).toEqual({
      missing: ['search', 'results'],
      queries: ['search', 'results'],
    });
  });

  it('runs several rounds with the extractive answerer and writes a titled, sectioned, cited report', async () => {
    // Each page covers only its query's first two words, so round 1 leaves a term uncovered.
    const search = new FakeSearch((query) => query.split(' ').slice(0, 2).join(' '));
    const { research } = service(thinker, search);
    const events = await run(
      research,
      request('How does the Redis cache share search results?', 'low'),
    );
    const report = text(events).split('</think>\n\n')[1];
    expect(report).toMatch(/^# Research report: How does the Redis cache/);
    expect(report).toContain(
      '## Redis cache\n\nThis page explains Redis cache in some detail, part 1[2].',
    );
    expect(report).toContain('## Conclusion');
    expect(report).toMatch(/\[\d+\]/);
    expect(text(events)).toContain('Round 1 reflection: still missing:\n- results\n');
    expect(search.calls.map((c) => c.queries[0]).slice(3)).toEqual(['results']);
    expect(report).toMatch(/## Results\n\nThis page explains results in some detail, part 1\[4\]/);
  });
});
