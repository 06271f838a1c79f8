import type { ResponseRequest } from '@answergate/completion';
import type { ModelRegistry } from '@answergate/models';
import { toCompletionRequest } from '../chat/to-completion-request';
import type { CreateResponseRequestDto } from './dto/create-response-request.dto';
import { inputMessages } from './response-input';

/** A validated `POST /v1/responses` body as the pipeline request plus what the object echoes. */
export function toResponseRequest(
  dto: CreateResponseRequestDto,
  models: ModelRegistry,
  owner: string,
): ResponseRequest {
  const conversation = inputMessages(dto.input);
  // Same model, search and sampling rules as chat completions; `input` is the conversation.
  const completion = toCompletionRequest(
    {
      model: dto.model,
      messages: conversation,
      max_tokens: dto.max_output_tokens,
      temperature: dto.temperature,
      top_p: dto.top_p,
      user: dto.user,
    },
    models,
  );
  return {
    completion,
    conversation,
    instructions: dto.instructions ?? null,
    maxOutputTokens: dto.max_output_tokens ?? null,
    temperature: dto.temperature ?? null,
    topP: dto.top_p ?? null,
    previousResponseId: dto.previous_response_id ?? null,
    store: dto.store ?? true,
    metadata: dto.metadata ?? {},
    owner,
  };
}
