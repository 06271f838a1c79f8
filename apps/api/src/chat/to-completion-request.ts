import { InvalidRequestError } from '@answergate/common';
import type { CompletionRequest } from '@answergate/completion';
import type { ModelRegistry } from '@answergate/models';
import { toSearchFilters } from '@answergate/search';
import type { ChatCompletionRequestDto } from './dto/chat-completion-request.dto';
import { contentText } from './dto/is-message-content.validator';
import { toResponseFormat } from './to-response-format';
import { countryLanguage, toAudience } from './to-audience';

const DEFAULT_MAX_RESULTS = 6;

/** Turns a validated request body into the pipeline's request; rules that span fields live here. */
export function toCompletionRequest(
  dto: ChatCompletionRequestDto,
  models: ModelRegistry,
): CompletionRequest {
  const model = models.get(dto.model, 'model');
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

  const options = dto.web_search_options;
  const location = options?.user_location;
  const filters = { ...toSearchFilters(dto), mode: dto.search_mode };
  // `user_location` steers the search locale unless the request set it itself.
  filters.country ??= location?.country?.toUpperCase();
  filters.language ??= countryLanguage(location?.country);
  const searchType = options?.search_type;
  const media = dto.media_response?.overrides;

  return {
    model,
    messages,
    search: {
      maxResults: dto.max_results ?? DEFAULT_MAX_RESULTS,
      contextSize: options?.search_context_size ?? 'low',
      pro:
        dto.pro_search ??
        (searchType === 'fast' ? false : searchType === 'pro' ? true : model.search === 'pro'),
      enabled: !dto.disable_search,
      classify: dto.enable_search_classifier ?? false,
      filters,
    },
    reasoningEffort: dto.reasoning_effort,
    responseFormat: toResponseFormat(dto.response_format),
    returnImages: media?.return_images ?? dto.return_images ?? false,
    imageFilters: { domains: dto.image_domain_filter, formats: dto.image_format_filter },
    returnVideos: media?.return_videos ?? false,
    audience: toAudience(dto.language_preference, location),
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
      reasoningEffort: dto.reasoning_effort,
    },
  };
}
