import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { AppError, InvalidRequestError } from '@answergate/common';
import { ChatCompletions } from '@answergate/completion';
import { JobsService, JobWorker, type JobRecord } from '@answergate/jobs';
import { ModelRegistry } from '@answergate/models';
import type { ChatCompletionRequestDto } from '../chat/dto/chat-completion-request.dto';
import { toCompletionRequest } from '../chat/to-completion-request';
import type { AsyncChatRequestDto } from './dto/async-chat-request.dto';

/**
 * The async chat API over the job queue: a request is checked now and answered later
 * by whichever worker takes it, as the same chat.completion a synchronous call returns.
 */
@Injectable()
export class AsyncJobs implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobsService,
    private readonly worker: JobWorker,
    private readonly completions: ChatCompletions,
    private readonly models: ModelRegistry,
  ) {}

  onApplicationBootstrap(): void {
    this.worker.start((request, signal) =>
      this.answer(request as ChatCompletionRequestDto, signal),
    );
  }

  submit(owner: string, body: AsyncChatRequestDto): Promise<JobRecord> {
    if (body.request.stream) {
      throw new InvalidRequestError(
        'An async request cannot stream: leave out stream, then poll the job.',
        'request.stream',
      );
    }
    try {
      toCompletionRequest(body.request, this.models);
    } catch (error) {
      throw prefixParam(error);
    }
    return this.jobs.submit({
      owner,
      model: body.request.model,
      request: body.request,
      idempotencyKey: body.idempotency_key,
    });
  }

  private answer(dto: ChatCompletionRequestDto, signal: AbortSignal) {
    return this.completions.complete(toCompletionRequest(dto, this.models), signal);
  }
}

/** A field of the inner request is named as Perplexity's body has it: `request.<field>`. */
function prefixParam(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.param) return error;
  return new AppError(error.status, error.type, error.code, error.message, {
    param: `request.${error.param}`,
    headers: error.headers,
  });
}
