import { Inject, Injectable, Logger } from '@nestjs/common';
import { concat, defer, finalize, from, map, mergeMap, Observable, of, throwError } from 'rxjs';
import {
  countMessageTokens,
  LLM_PROVIDER,
  type LlmEvent,
  type LlmProvider,
  type LlmRequest,
  type LlmUsage,
  type NumberedSource,
} from '@answergate/llm';
import {
  InvalidRequestError,
  Metrics,
  type RequestTimings,
  TokenCounter,
} from '@answergate/common';
import {
  type SearchImage,
  type SearchResult,
  SearchService,
  type SearchVideo,
} from '@answergate/search';
import { buildAnswerMessages } from './answer-prompt';
import type { CompletionEvent, CompletionRequest, CompletionUsage } from './completion.types';
import { IdleValue } from './idle-value';
import { leadWith } from './lead-with';
import type { CitationChecker } from './grounding/citation-checker';
import { Grounding } from './grounding/grounding.service';
import { ProSearchPlanner } from './pro-search-planner.service';
import { QueryRephraser } from './query-rephraser.service';
import { RelatedQuestions } from './related-questions.service';
import { SearchClassifier } from './search-classifier.service';
import { ThinkBlock } from './think-block';
import { formatInstructions } from './structured-output/format-instructions';
import { structuredAnswer } from './structured-output/structured-answer';
import { lastQuestion } from './conversation';

/** Snippet budget per source, in tokens, by `search_context_size`. */
const TOKENS_PER_SOURCE = { low: 256, medium: 512, high: 1024 } as const;
const MAX_IMAGES = 6;
const MAX_VIDEOS = 6;

/** What the answer stream told us, for the final `done` event. */
interface AnswerState {
  started: boolean;
  /** The answer's tokens, counted as it streams (for an upstream that reports no usage). */
  tokens: TokenCounter;
  finishReason: string;
  usage?: LlmUsage;
}

/** What the search step found; `searched` is false when search was disabled or skipped. */
interface Found {
  query: string;
  queries: string[];
  results: SearchResult[];
  /** The results numbered, each with the passages of its page the context budget kept. */
  sources: NumberedSource[];
  searched: boolean;
}

interface Extras {
  relatedQuestions?: string[];
  images?: SearchImage[];
  videos?: SearchVideo[];
}

/**
 * The answer pipeline as one cold Observable: rephrase, search (planned sub-queries
 * for pro search), emit sources, stream the answer while related questions and
 * images are computed alongside, then one `done` with usage. Unsubscribing aborts
 * every search and LLM call in flight.
 */
@Injectable()
export class CompletionPipeline {
  private readonly logger = new Logger(CompletionPipeline.name);

  constructor(
    private readonly search: SearchService,
    @Inject(LLM_PROVIDER) private readonly llm: LlmProvider,
    private readonly rephraser: QueryRephraser,
    private readonly planner: ProSearchPlanner,
    private readonly related: RelatedQuestions,
    private readonly classifier: SearchClassifier,
    private readonly grounding: Grounding,
    private readonly metrics: Metrics,
  ) {}

  run(request: CompletionRequest): Observable<CompletionEvent> {
    if (request.responseFormat && !this.llm.structuredOutput) {
      return throwError(
        () =>
          new InvalidRequestError(
            `response_format needs an LLM: the ${this.llm.name} answerer cannot follow a schema or ` +
              'a pattern. Set LLM_BASE_URL to an OpenAI-compatible server, or leave response_format out.',
            'response_format',
            'unsupported_parameter',
          ),
      );
    }
    if (request.returnVideos && !this.search.hasVideos) {
      return throwError(
        () =>
          new InvalidRequestError(
            'return_videos needs a search backend with videos (SearXNG); the configured ' +
              'backend has none.',
            'media_response.overrides.return_videos',
            'unsupported_parameter',
          ),
      );
    }
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
      const query = lastQuestion(request.messages);
      return { query, queries: [], results: [], sources: [], searched: false };
    }
    const query = await this.rephraser.rephrase(request.messages, upstreamModel, signal);
    const queries = request.search.pro
      ? await this.planner.plan(query, upstreamModel, signal, request.sampling.reasoningEffort)
      : [query];
    const searched = request.timings?.start('search');
    const results = await this.search
      .search({
        queries,
        maxResults: request.search.maxResults,
        filters: request.search.filters,
        maxTokensPerPage: TOKENS_PER_SOURCE[request.search.contextSize],
        signal,
      })
      .finally(searched);
    const sources = await this.grounding.sources(
      query,
      results,
      request.search.contextSize,
      signal,
      request.timings,
    );
    return { query, queries, results, sources, searched: true };
  }

  /** `disable_search` never searches; `enable_search_classifier` asks the classifier. */
  private async shouldSearch(request: CompletionRequest, signal: AbortSignal): Promise<boolean> {
    if (!request.search.enabled) return false;
    if (!request.search.classify) return true;
    return this.classifier.needsSearch(request.messages, request.model.upstreamModel, signal);
  }

  private answer(
    request: CompletionRequest,
    { query, queries, results, sources, searched }: Found,
    signal: AbortSignal,
  ): Observable<CompletionEvent> {
    const numSearchQueries = queries.length;
    const checker = this.grounding.checker(sources);
    // Started with the first token, so they run while the answer streams but never
    // delay its request or its first token.
    let extras: Promise<Extras> | undefined;
    const wantsExtras =
      request.returnRelatedQuestions ||
      (searched && (request.returnImages || request.returnVideos));
    const startExtras = () => (extras ??= this.extras(request, query, sources, searched, signal));
    const citationTokens = new IdleValue(() => this.grounding.citationTokens(sources));
    const onFirstToken = () => {
      if (wantsExtras) void startExtras();
      citationTokens.soon();
    };
    const format = request.responseFormat?.format;
    // Built when the answer is asked for, and again only to count it when the upstream reports
    // no usage: the prompt is not held while the answer streams.
    const today = new Date();
    const prompt = () =>
      buildAnswerMessages(request.messages, sources, today, {
        searched,
        audience: request.audience,
        format: format && formatInstructions(format),
      });
    const countPromptTokens = () => countMessageTokens(prompt());
    const answer: AnswerState = {
      started: false,
      tokens: new TokenCounter(),
      finishReason: 'stop',
    };

    const deltas = defer(() => {
      const llmRequest: LlmRequest = {
        task: 'answer',
        model: request.model.upstreamModel,
        messages: prompt(),
        countPromptTokens,
        question: query,
        sources,
        ...request.sampling,
        reasoning: request.model.reasoning ? { queries } : undefined,
        responseFormat: format,
        whenWritable: request.whenWritable,
      };
      return this.answerDeltas(
        this.answerEvents(request, llmRequest, signal),
        request,
        answer,
        checker,
        { timings: request.timings, onFirstToken },
      );
    });

    // Nothing extra asked: the last event follows the answer at once, not a promise later.
    const extrasFound = wantsExtras ? defer(() => from(startExtras())) : of<Extras>({});
    const done = extrasFound.pipe(
      map((found): CompletionEvent => {
        const usage: CompletionUsage = {
          promptTokens: answer.usage?.promptTokens ?? countPromptTokens(),
          completionTokens: answer.usage?.completionTokens ?? answer.tokens.total,
          reasoningTokens: answer.usage?.reasoningTokens ?? 0,
          citationTokens: citationTokens.get(),
          numSearchQueries,
          searchContextSize: request.search.contextSize,
        };
        this.metrics.tokens.inc({ kind: 'prompt' }, usage.promptTokens);
        this.metrics.tokens.inc({ kind: 'completion' }, usage.completionTokens);
        const citationCheck = checker?.report;
        return { type: 'done', finishReason: answer.finishReason, usage, citationCheck, ...found };
      }),
    );

    return leadWith<CompletionEvent>(
      { type: 'sources', results, queries },
      concat(deltas, done),
    ).pipe(finalize(() => citationTokens.cancel()));
  }

  /**
   * The answer's text as `delta` events, through the citation checker when there is one
   * (it may hold a marker or, in strip mode, a sentence until it is complete).
   */
  /** The answer's events: streamed, or asked for whole and checked for `response_format`. */
  private answerEvents(
    request: CompletionRequest,
    llmRequest: LlmRequest,
    signal: AbortSignal,
  ): Observable<LlmEvent> {
    if (!request.responseFormat) return this.llm.stream(llmRequest);
    return structuredAnswer(this.llm, llmRequest, request.responseFormat.check, signal, (errors) =>
      this.logger.warn(`Answer did not conform to response_format (${errors[0]}); retrying once`),
    );
  }

  /**
   * The answer's text as `delta` events: a reasoning model's reasoning first, in its
   * `<think>` block; then the answer through the citation checker when there is one
   * (it may hold a marker or, in strip mode, a sentence until it is complete).
   */
  private answerDeltas(
    events: Observable<LlmEvent>,
    request: CompletionRequest,
    answer: AnswerState,
    checker: CitationChecker | undefined,
    hooks: { timings?: RequestTimings; onFirstToken: () => void },
  ): Observable<CompletionEvent> {
    return new Observable<CompletionEvent>((subscriber) => {
      const startedAt = performance.now();
      const think = new ThinkBlock(request.model.reasoning);
      const emit = (content: string) => {
        if (content) subscriber.next({ type: 'delta', content });
      };
      const ended = () => hooks.timings?.add('llm', performance.now() - startedAt);
      return events.subscribe({
        next: (event: LlmEvent) => {
          if (event.type === 'reasoning') return emit(think.reasoning(event.content));
          emit(think.close());
          if (event.type === 'delta') {
            if (!answer.started && event.content !== '') {
              answer.started = true;
              const ms = performance.now() - startedAt;
              this.metrics.llmTimeToFirstToken.observe({ provider: this.llm.name }, ms / 1000);
              hooks.timings?.add('llm-ttft', ms);
              hooks.onFirstToken();
            }
            answer.tokens.push(event.content);
            emit(checker ? checker.push(event.content) : event.content);
          }
          if (event.type === 'usage') answer.usage = event.usage;
          if (event.type === 'finish') answer.finishReason = event.reason;
        },
        error: (error: unknown) => {
          ended();
          subscriber.error(error);
        },
        complete: () => {
          ended();
          emit(think.close());
          if (checker) emit(checker.end());
          subscriber.complete();
        },
      });
    });
  }

  private async extras(
    request: CompletionRequest,
    query: string,
    sources: NumberedSource[],
    searched: boolean,
    signal: AbortSignal,
  ): Promise<Extras> {
    const { filters } = request.search;
    const [relatedQuestions, images, videos] = await Promise.all([
      request.returnRelatedQuestions
        ? this.related.suggest(query, sources, request.model.upstreamModel, signal)
        : undefined,
      request.returnImages && searched
        ? this.search
            .images(query, filters, MAX_IMAGES, signal, request.imageFilters)
            .catch(() => [])
        : undefined,
      request.returnVideos && searched
        ? this.search.videos(query, filters, MAX_VIDEOS, signal).catch(() => [])
        : undefined,
    ]);
    return { relatedQuestions, images, videos };
  }
}
