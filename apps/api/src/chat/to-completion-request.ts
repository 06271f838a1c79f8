import { InvalidRequestError } from '@answergate/common';
import type { CompletionRequest } from '@answergate/completion';
import type { ModelRegistry } from '@answergate/models';
import { toSearchFilters } from '@answergate/search';
import type { ChatCompletionRequestDto } from './dto/chat-completion-request.dto';
import { contentText } from './dto/is-message-content.validator';

const DEFAULT_MAX_RESULTS = 6;

/** Turns a validated request body into the pipeline's request; rules that span fields live here. */
export function toCompletionRequest(
  dto: ChatCompletionRequestDto,
  models: ModelRegistry,
): CompletionRequest {
  const model = models.get(dto.model, 'model');
  if (dto.reasoning_effort !== undefined && model.search !== 'research') {
    throw new InvalidRequestError(
      `reasoning_effort sets the budget of deep research (sonar-deep-research); the model ` +
        `'${model.id}' does not use it on this server yet. Remove it.`,
      'reasoning_effort',
      'unsupported_parameter',
    );
  }
  const messages = dto.messages.map((message) => ({
    role: message.role === 'developer' ? ('system' as const) : message.role,
    content: contentText(message.content),
  }));
  const last = messages[messages.length - 1];
  if (last.role !== 'user') {
    throw new InvalidRequestError(
      'The last message must have role "user": it is the question to answer.',
      `messages[${messages.length - 1}].role`,
    );
  }
  if (!last.content.trim()) {
    throw new InvalidRequestError(
      'The last user message is empty.',
      `messages[${messages.length - 1}].content`,
    );
  }

  return {
    model,
    messages,
    search: {
      maxResults: dto.max_results ?? DEFAULT_MAX_RESULTS,
      contextSize: dto.web_search_options?.search_context_size ?? 'low',
      pro: dto.pro_search ?? model.search === 'pro',
      enabled: !dto.disable_search,
      classify: dto.enable_search_classifier ?? false,
      filters: { ...toSearchFilters(dto), mode: dto.search_mode },
    },
    reasoningEffort: dto.reasoning_effort,
    returnImages: dto.return_images ?? false,
    returnRelatedQuestions: dto.return_related_questions ?? false,
    sampling: {
      temperature: dto.temperature,
      topP: dto.top_p,
      maxTokens: dto.max_completion_tokens ?? dto.max_tokens,
      seed: dto.seed,
      topK: dto.top_k,
      presencePenalty: dto.presence_penalty,
      frequencyPenalty: dto.frequency_penalty,
      stop: typeof dto.stop === 'string' ? [dto.stop] : dto.stop,
      user: dto.user,
    },
  };
}
