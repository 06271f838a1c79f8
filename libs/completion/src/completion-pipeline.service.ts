import { Inject, Injectable } from '@nestjs/common';
import { concat, defer, filter, from, map, mergeMap, Observable, of, tap } from 'rxjs';
import {
  countMessageTokens,
  LLM_PROVIDER,
  type LlmEvent,
  type LlmProvider,
  type LlmUsage,
  type NumberedSource,
} from '@answergate/llm';
import { countTokens, Metrics } from '@answergate/common';
import { type SearchImage, type SearchResult, SearchService } from '@answergate/search';
import { buildAnswerMessages } from './answer-prompt';
import type { CompletionEvent, CompletionRequest, CompletionUsage } from './completion.types';
import { countCitationTokens } from './citation-tokens';
import { numberSources } from './numbered-sources';
import { ProSearchPlanner } from './pro-search-planner.service';
import { QueryRephraser } from './query-rephraser.service';
import { RelatedQuestions } from './related-questions.service';
import { SearchClassifier } from './search-classifier.service';
import { lastQuestion } from './conversation';

/** Snippet budget per source, in tokens, by `search_context_size`. */
const TOKENS_PER_SOURCE = { low: 256, medium: 512, high: 1024 } as const;
const MAX_IMAGES = 6;

/** What the answer stream told us, for the final `done` event. */
interface AnswerState {
  text: string;
  finishReason: string;
  usage?: LlmUsage;
}

/** What the search step found; `searched` is false when search was disabled or skipped. */
interface Found {
  query: string;
  queries: string[];
  results: SearchResult[];
  searched: boolean;
}

interface Extras {
  relatedQuestions?: string[];
  images?: SearchImage[];
}

/**
 * The answer pipeline as one cold Observable: rephrase, search (planned sub-queries
 * for pro search), emit sources, stream the answer while related questions and
 * images are computed alongside, then one `done` with usage. Unsubscribing aborts
 * every search and LLM call in flight.
 */
@Injectable()
export class CompletionPipeline {
  constructor(
    private readonly search: SearchService,
    @Inject(LLM_PROVIDER) private readonly llm: LlmProvider,
    private readonly rephraser: QueryRephraser,
    private readonly planner: ProSearchPlanner,
    private readonly related: RelatedQuestions,
    private readonly classifier: SearchClassifier,
    private readonly metrics: Metrics,
  ) {}

  run(request: CompletionRequest): Observable<CompletionEvent> {
    return new Observable<CompletionEvent>((subscriber) => {
      const abort = new AbortController();
      const subscription = from(this.findSources(request, abort.signal))
        .pipe(mergeMap((found) => this.answer(request, found, abort.signal)))
        .subscribe(subscriber);
      return () => {
        abort.abort();
        subscription.unsubscribe();
      };
    });
  }

  private async findSources(request: CompletionRequest, signal: AbortSignal): Promise<Found> {
    const upstreamModel = request.model.upstreamModel;
    if (!(await this.shouldSearch(request, signal))) {
      return { query: lastQuestion(request.messages), queries: [], results: [], searched: false };
    }
    const query = await this.rephraser.rephrase(request.messages, upstreamModel, signal);
    const queries = request.search.pro
      ? await this.planner.plan(query, upstreamModel, signal)
      : [query];
    const results = await this.search.search({
      queries,
      maxResults: request.search.maxResults,
      filters: request.search.filters,
      maxTokensPerPage: TOKENS_PER_SOURCE[request.search.contextSize],
      signal,
    });
    return { query, queries, results, searched: true };
  }

  /** `disable_search` never searches; `enable_search_classifier` asks the classifier. */
  private async shouldSearch(request: CompletionRequest, signal: AbortSignal): Promise<boolean> {
    if (!request.search.enabled) return false;
    if (!request.search.classify) return true;
    return this.classifier.needsSearch(request.messages, request.model.upstreamModel, signal);
  }

  private answer(
    request: CompletionRequest,
    { query, queries, results, searched }: Found,
    signal: AbortSignal,
  ): Observable<CompletionEvent> {
    const numSearchQueries = queries.length;
    const sources = numberSources(results);
    // Started now so they run while the answer streams, not after it.
    const extras = this.extras(request, query, sources, searched, signal);
    const messages = buildAnswerMessages(request.messages, sources, new Date(), { searched });
    const answer: AnswerState = { text: '', finishReason: 'stop' };

    const deltas = defer(() => {
      const startedAt = performance.now();
      return this.llm
        .stream({
          task: 'answer',
          model: request.model.upstreamModel,
          messages,
          question: query,
          sources,
          ...request.sampling,
        })
        .pipe(
          tap((event: LlmEvent) => {
            if (event.type === 'delta' && answer.text === '') {
              const seconds = (performance.now() - startedAt) / 1000;
              this.metrics.llmTimeToFirstToken.observe({ provider: this.llm.name }, seconds);
            }
            if (event.type === 'delta') answer.text += event.content;
            if (event.type === 'usage') answer.usage = event.usage;
            if (event.type === 'finish') answer.finishReason = event.reason;
          }),
          // A delta is already a `CompletionEvent`; no inner Observable per token.
          filter((event): event is Extract<LlmEvent, { type: 'delta' }> => event.type === 'delta'),
        );
    });

    const done = defer(() => from(extras)).pipe(
      map((found): CompletionEvent => {
        const usage: CompletionUsage = {
          promptTokens: answer.usage?.promptTokens ?? countMessageTokens(messages),
          completionTokens: answer.usage?.completionTokens ?? countTokens(answer.text),
          citationTokens: countCitationTokens(sources),
          numSearchQueries,
          searchContextSize: request.search.contextSize,
        };
        this.metrics.tokens.inc({ kind: 'prompt' }, usage.promptTokens);
        this.metrics.tokens.inc({ kind: 'completion' }, usage.completionTokens);
        return { type: 'done', finishReason: answer.finishReason, usage, ...found };
      }),
    );

    return concat(of<CompletionEvent>({ type: 'sources', results, queries }), deltas, done);
  }

  private async extras(
    request: CompletionRequest,
    query: string,
    sources: NumberedSource[],
    searched: boolean,
    signal: AbortSignal,
  ): Promise<Extras> {
    const [relatedQuestions, images] = await Promise.all([
      request.returnRelatedQuestions
        ? this.related.suggest(query, sources, request.model.upstreamModel, signal)
        : undefined,
      request.returnImages && searched
        ? this.search.images(query, request.search.filters, MAX_IMAGES, signal).catch(() => [])
        : undefined,
    ]);
    return { relatedQuestions, images };
  }
}
