import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { InvalidRequestError } from '@answergate/common';
import type { SearchResult } from '@answergate/search';
import { fromEvent, lastValueFrom, Observable, reduce, takeUntil } from 'rxjs';
import type { AnswerRunner } from './answer-runner.interface';
import type { ChatCompletion } from './chat-completion.wire';
import { DEEP_RESEARCH_RUNNER } from './completion.tokens';
import type { CompletionEvent, CompletionRequest } from './completion.types';
import { CompletionPipeline } from './completion-pipeline.service';
import {
  toWireCitationCheck,
  toWireImage,
  toWireResult,
  toWireUsage,
  toWireVideo,
} from './wire-mappers';
import { ChunkJson } from './wire/chunk-json';
import { SearchFieldsJson } from './wire/search-fields-json';
import { UrlCitationScanner, urlCitations } from './wire/url-citations';

const newId = (): string => `chatcmpl-${randomBytes(12).toString('hex')}`;
const nowSeconds = (): number => Math.floor(Date.now() / 1000);

/** Speaks OpenAI's protocol over the pipeline: chunks for streams, one object otherwise. */
@Injectable()
export class ChatCompletions {
  private readonly searchFieldsJson = new SearchFieldsJson();

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
   * The stream's chunks, each as its JSON text (what `JSON.stringify` makes of the
   * `ChatCompletionChunk`): role chunk (with citations and search results), content chunks
   * (the first one with citations and search results again, as LangChain's ChatPerplexity
   * reads them there; `annotations` on the delta that completes a `[n]` marker), finish chunk
   * (citations, search results, usage, related questions and images), then a separate usage
   * chunk when `include_usage` asks for it. The search fields are serialized once, not per
   * chunk that carries them, and a content chunk is one template around its text.
   */
  stream(request: CompletionRequest, includeUsage: boolean): Observable<string> {
    const json = new ChunkJson({
      id: newId(),
      object: 'chat.completion.chunk',
      created: nowSeconds(),
      model: request.model.id,
    });
    let results: readonly SearchResult[] = [];
    // The search fields' text (~7-15 KB) is dropped once the first content chunk has carried
    // it, and made again from the results for the finish chunk: an answer that streams for
    // seconds does not hold it all that time.
    let searchFields: string | undefined;
    const fields = () => (searchFields ??= this.searchFieldsJson.of(results));
    let scanner = new UrlCitationScanner([]);
    let contentSent = false;
    let roleSent = false;
    return this.events(request).pipe(
      eachSync((event: CompletionEvent, emit: (chunk: string) => void): void => {
        switch (event.type) {
          case 'sources':
            results = event.results;
            searchFields = undefined;
            scanner = new UrlCitationScanner(event.results);
            // Deep research knows its sources only at the end: they follow the report.
            if (roleSent) return emit(json.chunk({}, null, fields()));
            roleSent = true;
            return emit(json.chunk({ role: 'assistant', content: '' }, null, fields()));
          case 'delta': {
            const annotations = scanner.push(event.content);
            if (contentSent && annotations.length === 0) return emit(json.content(event.content));
            const delta = annotations.length
              ? { content: event.content, annotations }
              : { content: event.content };
            const first = !contentSent && event.content !== '';
            contentSent ||= first;
            if (!first) return emit(json.chunk(delta, null, '{}'));
            emit(json.chunk(delta, null, fields()));
            searchFields = undefined;
            return;
          }
          case 'done': {
            const usage = toWireUsage(event.usage);
            const rest = {
              related_questions: event.relatedQuestions,
              images: event.images?.map(toWireImage),
              videos: event.videos?.map(toWireVideo),
              citation_check: event.citationCheck && toWireCitationCheck(event.citationCheck),
              usage,
            };
            emit(json.chunk({}, event.finishReason, fields(), JSON.stringify(rest)));
            if (includeUsage) emit(json.usage(usage));
            return;
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
        reasoningTokens: 0,
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
 * Each value handed to `project`, which emits what it makes of it: no inner subscription and
 * no array per value, as this runs once per token of every open stream.
 */
function eachSync<A, B>(project: (value: A, emit: (out: B) => void) => void) {
  return (source: Observable<A>): Observable<B> =>
    new Observable<B>((subscriber) => {
      const emit = (out: B) => subscriber.next(out);
      return source.subscribe({
        next: (value) => {
          try {
            project(value, emit);
          } catch (error) {
            subscriber.error(error);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
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
      if (event.videos) response.videos = event.videos.map(toWireVideo);
      break;
  }
  return response;
}
