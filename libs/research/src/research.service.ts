import { Inject, Injectable } from '@nestjs/common';
import { concat, defer, from, mergeMap, Observable, of, tap } from 'rxjs';
import { AppConfig, countTokens, Metrics } from '@answergate/common';
import {
  type CompletionEvent,
  type CompletionRequest,
  countCitationTokens,
} from '@answergate/completion';
import type { LlmUsage } from '@answergate/llm';
import { PAGE_READER, type PageReader, SearchService, type SearchResult } from '@answergate/search';
import { readPages } from './read-pages';
import { pagesThisRound, pickNewPages } from './research-budgets';
import { RESEARCH_THINKER } from './research.tokens';
import type { ReadSource, ResearchBudget, ResearchTotals } from './research.types';
import { ThinkWriter } from './think-writer';
import type { ResearchThinker } from './thinkers/research-thinker.interface';

const RESULTS_PER_QUERY = 10;
const TOKENS_PER_PAGE = { low: 512, medium: 1024, high: 2048 } as const;

/** What a research has gathered so far. */
interface State {
  sources: ReadSource[];
  seen: Set<string>;
  ran: Set<string>;
  totals: ResearchTotals;
  usage: LlmUsage;
}

/**
 * Deep research as one cold Observable of completion events: plan sub-questions,
 * search them in parallel and read the best new pages, reflect on what is missing,
 * repeat within the budget, then stream a cited report. The reasoning streams first,
 * inside `<think>`. Unsubscribing aborts every search and LLM call in flight.
 */
@Injectable()
export class ResearchService {
  constructor(
    private readonly search: SearchService,
    @Inject(RESEARCH_THINKER) private readonly thinker: ResearchThinker,
    @Inject(PAGE_READER) private readonly reader: PageReader,
    private readonly config: AppConfig,
    private readonly metrics: Metrics,
  ) {}

  run(request: CompletionRequest): Observable<CompletionEvent> {
    return new Observable<CompletionEvent>((subscriber) => {
      const abort = new AbortController();
      const think = new ThinkWriter((content) => subscriber.next({ type: 'delta', content }));
      const state: State = {
        sources: [],
        seen: new Set(),
        ran: new Set(),
        totals: { rounds: 0, pages: 0, queries: 0 },
        usage: { promptTokens: 0, completionTokens: 0 },
      };
      subscriber.next({ type: 'sources', results: [] });
      const subscription = from(this.investigate(request, state, think, abort.signal))
        .pipe(mergeMap((subQuestions) => this.report(request, subQuestions, state, think)))
        .subscribe(subscriber);
      return () => {
        abort.abort();
        subscription.unsubscribe();
      };
    });
  }

  private budget(request: CompletionRequest): ResearchBudget {
    return this.config.research.budgets[request.reasoningEffort ?? 'medium'];
  }

  /** The rounds of search, reading and reflection; resolves with the plan's sub-questions. */
  private async investigate(
    request: CompletionRequest,
    state: State,
    think: ThinkWriter,
    signal: AbortSignal,
  ): Promise<string[]> {
    const question = lastQuestion(request);
    const model = request.model.upstreamModel;
    const budget = this.budget(request);
    think.open();
    const plan = await this.thinker.plan(question, model, signal);
    addUsage(state.usage, plan.usage);
    think.list('Plan: sub-questions to research', plan.value);
    let queries = plan.value;
    let subQuestionOf = new Map(queries.map((q) => [q, q]));
    while (state.totals.rounds < budget.maxRounds && state.totals.pages < budget.maxPages) {
      const round = ++state.totals.rounds;
      await this.searchRound(
        request,
        state,
        think,
        { round, queries, subQuestionOf, budget },
        signal,
      );
      if (round === budget.maxRounds || state.totals.pages >= budget.maxPages) {
        think.line(`Budget reached after round ${round}.`);
        break;
      }
      const reflection = await this.thinker.reflect(question, state.sources, round, model, signal);
      addUsage(state.usage, reflection.usage);
      const next = reflection.value.queries.filter((q) => !state.ran.has(q.toLowerCase()));
      if (reflection.value.missing.length === 0 || next.length === 0) {
        think.line(`Round ${round} reflection: nothing essential is missing.`);
        break;
      }
      think.list(`Round ${round} reflection: still missing`, reflection.value.missing);
      queries = next;
      subQuestionOf = new Map(next.map((q) => [q, q]));
    }
    this.metrics.researchRounds.observe(state.totals.rounds);
    this.metrics.researchPages.observe(state.totals.pages);
    think.close();
    return plan.value;
  }

  private async searchRound(
    request: CompletionRequest,
    state: State,
    think: ThinkWriter,
    step: {
      round: number;
      queries: string[];
      subQuestionOf: Map<string, string>;
      budget: ResearchBudget;
    },
    signal: AbortSignal,
  ): Promise<void> {
    think.list(`Round ${step.round}: searching`, step.queries);
    const lists = await Promise.all(
      step.queries.map((query) =>
        this.search.search({
          queries: [query],
          maxResults: RESULTS_PER_QUERY,
          filters: request.search.filters,
          maxTokensPerPage: TOKENS_PER_PAGE[request.search.contextSize],
          signal,
        }),
      ),
    );
    step.queries.forEach((q) => state.ran.add(q.toLowerCase()));
    state.totals.queries += step.queries.length;
    const wanted = Math.min(
      pagesThisRound(step.budget, state.totals.pages, step.round),
      step.budget.maxPages - state.totals.pages,
    );
    const picked = pickNewPages<SearchResult>(lists, state.seen, wanted);
    const pages = await readPages(
      this.reader,
      picked.map((p) => p.item),
      TOKENS_PER_PAGE[request.search.contextSize],
      signal,
    );
    const read = pages.map((page, i): ReadSource => {
      const query = step.queries[picked[i].list];
      return {
        index: state.sources.length + i + 1,
        title: page.result.title,
        url: page.result.url,
        snippet: page.text,
        date: page.result.date,
        lastUpdated: page.result.lastUpdated,
        round: step.round,
        subQuestion: step.subQuestionOf.get(query) ?? query,
      };
    });
    read.forEach((source) => state.seen.add(source.url));
    state.sources.push(...read);
    state.totals.pages += read.length;
    think.list(
      `Round ${step.round}: read ${read.length} new page(s)`,
      read.map((s) => `[${s.index}] ${s.title} (${s.url})`),
    );
  }

  private report(
    request: CompletionRequest,
    subQuestions: string[],
    state: State,
    think: ThinkWriter,
  ): Observable<CompletionEvent> {
    const abort = new AbortController();
    let reportUsage: LlmUsage | undefined;
    let reportText = '';
    const written = this.thinker
      .writeReport({
        question: lastQuestion(request),
        subQuestions,
        sources: state.sources,
        model: request.model.upstreamModel,
        signal: abort.signal,
      })
      .pipe(
        tap((event) => {
          if (event.type === 'usage') reportUsage = event.usage;
          else reportText += event.content;
        }),
        mergeMap((event) => (event.type === 'delta' ? of<CompletionEvent>(event) : of())),
      );
    const done = defer((): Observable<CompletionEvent> => {
      const reasoningTokens = countTokens(think.text);
      const usage = {
        promptTokens: state.usage.promptTokens + (reportUsage?.promptTokens ?? 0),
        completionTokens:
          (reportUsage?.completionTokens ?? countTokens(reportText)) + reasoningTokens,
        citationTokens: countCitationTokens(state.sources),
        numSearchQueries: state.totals.queries,
        searchContextSize: request.search.contextSize,
        reasoningTokens,
      };
      this.metrics.tokens.inc({ kind: 'prompt' }, usage.promptTokens);
      this.metrics.tokens.inc({ kind: 'completion' }, usage.completionTokens);
      const results = state.sources.map(toResult);
      return concat(
        of<CompletionEvent>({ type: 'sources', results }),
        of<CompletionEvent>({ type: 'done', finishReason: 'stop', usage }),
      );
    });
    return new Observable<CompletionEvent>((subscriber) => {
      const subscription = concat(written, done).subscribe(subscriber);
      return () => {
        abort.abort();
        subscription.unsubscribe();
      };
    });
  }
}

function lastQuestion(request: CompletionRequest): string {
  return request.messages.findLast((m) => m.role === 'user')?.content ?? '';
}

function addUsage(total: LlmUsage, more: LlmUsage): void {
  total.promptTokens += more.promptTokens;
  total.completionTokens += more.completionTokens;
}

const toResult = (source: ReadSource): SearchResult => ({
  title: source.title,
  url: source.url,
  snippet: source.snippet,
  date: source.date,
  lastUpdated: source.lastUpdated,
});
