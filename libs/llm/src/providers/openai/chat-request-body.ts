import type { LlmRequest } from '../../llm.types';

/** The JSON body of `POST /chat/completions` for one request; unset options are left out. */
export function chatRequestBody(
  request: LlmRequest,
  fallbackModel: string,
  stream: boolean,
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: request.model || fallbackModel,
    messages: request.messages.map(({ role, content }) => ({ role, content })),
    stream,
    temperature: request.temperature,
    top_p: request.topP,
    max_tokens: request.maxTokens,
    presence_penalty: request.presencePenalty,
    frequency_penalty: request.frequencyPenalty,
    stop: request.stop?.length ? request.stop : undefined,
    user: request.user,
    seed: request.seed,
    top_k: request.topK,
  };
  // Without this, OpenAI and vLLM send no usage in a stream.
  if (stream) body.stream_options = { include_usage: true };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}
