import type { LlmRequest, ResponseFormat } from '../../llm.types';

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
    reasoning_effort: request.reasoningEffort,
  };
  if (request.responseFormat) body.response_format = wireResponseFormat(request.responseFormat);
  // Without this, OpenAI and vLLM send no usage in a stream.
  if (stream) body.stream_options = { include_usage: true };
  for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
  return body;
}

/** OpenAI's `response_format` for JSON; Sonar's `{type: "regex"}` for a regex (vLLM reads it too). */
function wireResponseFormat(format: ResponseFormat): Record<string, unknown> {
  switch (format.type) {
    case 'json_object':
      return { type: 'json_object' };
    case 'json_schema':
      return { type: 'json_schema', json_schema: format.jsonSchema };
    case 'regex':
      return { type: 'regex', regex: { regex: format.regex } };
  }
}
