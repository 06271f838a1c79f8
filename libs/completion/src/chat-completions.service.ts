import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InvalidRequestError } from '@answergate/common';
import { fromEvent, lastValueFrom, Observable, reduce, takeUntil } from 'rxjs';
import type { AnswerRunner } from './answer-runner.interface';
import type { ChatCompletion, ChatCompletionChunk } from './chat-completion.wire';
import { DEEP_RESEARCH_RUNNER } from './completion.tokens';
import type { CompletionEvent, CompletionRequest } from './completion.types';
import { CompletionPipeline } from './completion-pipeline.service';
import { toWireImage, toWireResult, toWireUsage, toWireCitationCheck } from './wire-mappers';
import { UrlCitationScanner, urlCitations } from './wire/url-citations';

const newId = (): string => `chatcmpl-${randomBytes(12).toString('hex')}`;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Speaks OpenAI's protocol over the pipeline: chunks for streams, one object otherwise. */
@Injectable()
export class ChatCompletions {
  constructor(
    private readonly pipeline: CompletionPipeline,
    @Optional() @Inject(DEEP_RESEARCH_RUNNER) private readonly research?: AnswerRunner,
  ) {}

  /** The events that answer `request`: deep research for its models, else the pipeline. */
  private events(request: CompletionRequest): Observable<CompletionEvent> {
    if (request.model.search !== 'research') return this.pipeline.run(request);
    if (!this.research) {
      throw new InvalidRequestError(
        `The model '${request.model.id}' is not available on this server.`,
        'model',
        'model_not_available',
      );
    }
    return this.research.run(request);
  }

  /**
   * Role chunk (with citations and search results), content chunks (the first one with
   * citations and search results again, as LangChain's ChatPerplexity reads them there;
   * `annotations` on the delta that completes a `[n]` marker), finish chunk (citations,
   * search results, usage, related questions and images), then a separate usage chunk
   * when `include_usage` asks for it.
   */
  stream(request: CompletionRequest, includeUsage: boolean): Observable<ChatCompletionChunk> {
    const header = {
      id: newId(),
      object: 'chat.completion.chunk' as const,
      created: nowSeconds(),
      model: request.model.id,
    };
    // One object literal per token (same keys, same order as `chunk`): this is the hot path.
    const contentChunk = (content: string): ChatCompletionChunk => ({
      id: header.id,
      object: header.object,
      created: header.created,
      model: header.model,
      choices: [{ index: 0, delta: { content }, logprobs: null, finish_reason: null }],
    });
    const chunk = (
      delta: ChatCompletionChunk['choices'][0]['delta'],
      finishReason: string | null = null,
      extra: Partial<ChatCompletionChunk> = {},
    ): ChatCompletionChunk => ({
      ...header,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
      ...extra,
    });
    let searchFields: Pick<ChatCompletionChunk, 'citations' | 'search_results'> = {
      citations: [],
      search_results: [],
    };
    let scanner = new UrlCitationScanner([]);
    let contentSent = false;

    let roleSent = false;
    return this.events(request).pipe(
      flatMapSync((event: CompletionEvent): ChatCompletionChunk[] => {
        switch (event.type) {
          case 'sources':
            searchFields = {
              citations: event.results.map((r) => r.url),
              search_results: event.results.map(toWireResult),
            };
            scanner = new UrlCitationScanner(event.results);
            // Deep research knows its sources only at the end: they follow the report.
            if (roleSent) return [chunk({}, null, searchFields)];
            roleSent = true;
            return [chunk({ role: 'assistant', content: '' }, null, searchFields)];
          case 'delta': {
            const annotations = scanner.push(event.content);
            if (contentSent && annotations.length === 0) return [contentChunk(event.content)];
            const delta = annotations.length
              ? { content: event.content, annotations }
              : { content: event.content };
            const first = !contentSent && event.content !== '';
            contentSent ||= first;
            return [chunk(delta, null, first ? searchFields : {})];
          }
          case 'done': {
            const usage = toWireUsage(event.usage);
            const finish = chunk({}, event.finishReason, {
              ...searchFields,
              related_questions: event.relatedQuestions,
              images: event.images?.map(toWireImage),
              citation_check: event.citationCheck && toWireCitationCheck(event.citationCheck),
              usage,
            });
            return includeUsage ? [finish, { ...header, choices: [], usage }] : [finish];
          }
        }
      }),
    );
  }

  /** The whole answer as one `chat.completion`; `abort` cancels the work (client gone). */
  complete(request: CompletionRequest, abort: AbortSignal): Promise<ChatCompletion> {
    const initial: ChatCompletion = {
      id: newId(),
      object: 'chat.completion',
      created: nowSeconds(),
      model: request.model.id,
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: '', refusal: null, annotations: [] },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage: toWireUsage({
        promptTokens: 0,
        completionTokens: 0,
        citationTokens: 0,
        numSearchQueries: 0,
        searchContextSize: request.search.contextSize,
      }),
      citations: [],
      search_results: [],
    };
    return lastValueFrom(
      this.events(request).pipe(
        takeUntil(fromEvent(abort, 'abort')),
        reduce((response, event) => applyEvent(response, event), initial),
      ),
    );
  }
}

/**
 * `mergeMap` to arrays without an inner subscription per value: this runs once per
 * token of every open stream.
 */
function flatMapSync<A, B>(project: (value: A) => B[]) {
  return (source: Observable<A>): Observable<B> =>
    new Observable<B>((subscriber) =>
      source.subscribe({
        next: (value) => {
          let outs: B[];
          try {
            outs = project(value);
          } catch (error) {
            subscriber.error(error);
            return;
          }
          for (const out of outs) subscriber.next(out);
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      }),
    );
}

function applyEvent(response: ChatCompletion, event: CompletionEvent): ChatCompletion {
  const choice = response.choices[0];
  switch (event.type) {
    case 'sources':
      response.citations = event.results.map((r) => r.url);
      response.search_results = event.results.map(toWireResult);
      break;
    case 'delta':
      choice.message.content += event.content;
      break;
    case 'done':
      choice.finish_reason = event.finishReason;
      choice.message.annotations = urlCitations(choice.message.content, response.search_results);
      response.usage = toWireUsage(event.usage);
      if (event.citationCheck) response.citation_check = toWireCitationCheck(event.citationCheck);
      if (event.relatedQuestions) response.related_questions = event.relatedQuestions;
      if (event.images) response.images = event.images.map(toWireImage);
      break;
  }
  return response;
}
