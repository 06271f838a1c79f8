import { Inject, Injectable } from '@nestjs/common';
import {
  catchError,
  concat,
  defer,
  fromEvent,
  lastValueFrom,
  Observable,
  of,
  takeUntil,
} from 'rxjs';
import { ignoreElements, mergeMap, tap } from 'rxjs/operators';
import { AppError, NotFoundError } from '@answergate/common';
import type { LlmMessage } from '@answergate/llm';
import { CompletionPipeline } from '../completion-pipeline.service';
import { ResponseAssembly } from './response-assembly';
import type { ResponseRequest } from './response-request';
import type { ResponseStore } from './response-store.interface';
import type { ResponseObject, ResponseStreamEvent } from './responses.wire';
import { RESPONSE_STORE } from './responses.tokens';

/** OpenAI's Responses API over the answer pipeline, with stored responses for follow-ups. */
@Injectable()
export class OpenAiResponses {
  constructor(
    private readonly pipeline: CompletionPipeline,
    @Inject(RESPONSE_STORE) private readonly store: ResponseStore,
  ) {}

  /** The stored response `id` of `owner`; 404 when missing, expired or someone else's. */
  async get(id: string, owner: string): Promise<ResponseObject> {
    const stored = await this.store.find(id, owner);
    if (!stored) throw notFound(id, 'response_id');
    return stored.response;
  }

  async create(request: ResponseRequest, abort: AbortSignal): Promise<ResponseObject> {
    const prepared = await this.withHistory(request);
    const assembly = new ResponseAssembly(prepared);
    await lastValueFrom(
      this.pipeline.run(prepared.completion).pipe(
        takeUntil(fromEvent(abort, 'abort')),
        tap((event) => assembly.apply(event)),
        ignoreElements(),
      ),
      { defaultValue: undefined },
    );
    await this.save(prepared, assembly.response);
    return assembly.response;
  }

  /**
   * OpenAI's event sequence. Errors before the first event keep their HTTP status;
   * an error after it becomes `response.failed`, the last event.
   */
  stream(request: ResponseRequest): Observable<ResponseStreamEvent> {
    return defer(() => this.withHistory(request)).pipe(
      mergeMap((prepared) => {
        const assembly = new ResponseAssembly(prepared);
        const events = this.pipeline.run(prepared.completion).pipe(
          mergeMap((event) => assembly.apply(event)),
          catchError((error: unknown) =>
            of(...assembly.fail(error instanceof AppError ? error.message : 'The answer failed.')),
          ),
        );
        const saved = defer(() => this.save(prepared, assembly.response)).pipe(ignoreElements());
        return concat(of(...assembly.start()), events, saved);
      }),
    );
  }

  /** Prepends the instructions and the stored conversation of `previous_response_id`. */
  private async withHistory(request: ResponseRequest): Promise<ResponseRequest> {
    let history: LlmMessage[] = [];
    if (request.previousResponseId) {
      const previous = await this.store.find(request.previousResponseId, request.owner);
      if (!previous) throw notFound(request.previousResponseId, 'previous_response_id');
      history = previous.conversation;
    }
    const conversation = [...history, ...request.conversation];
    const system: LlmMessage[] = request.instructions
      ? [{ role: 'system', content: request.instructions }]
      : [];
    return {
      ...request,
      conversation,
      completion: { ...request.completion, messages: [...system, ...conversation] },
    };
  }

  private async save(request: ResponseRequest, response: ResponseObject): Promise<void> {
    if (!request.store || response.status === 'failed') return;
    const answer: LlmMessage = { role: 'assistant', content: response.output_text };
    await this.store.save({
      owner: request.owner,
      response,
      conversation: [...request.conversation, answer],
    });
  }
}

const notFound = (id: string, param: string): AppError =>
  new NotFoundError(
    `No response with id '${id}' (responses expire, and belong to the key that made them).`,
    'response_not_found',
    param,
  );
