import type { LlmUsage } from '../../llm.types';

/** What one `chat.completion.chunk` (or the final `data: [DONE]`) contributes. */
export interface ChunkContent {
  done: boolean;
  content: string;
  /** `delta.reasoning_content` (vLLM, DeepSeek) or `delta.reasoning` (Ollama, OpenRouter). */
  reasoning: string;
  finishReason?: string;
  usage?: LlmUsage;
  /** The upstream's message when it sent `{"error": ...}` instead of a chunk. */
  error?: string;
}

/** A delta or a message: the answer text and, from reasoning servers, the reasoning. */
export interface RawMessage {
  content?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
}

interface RawChunk {
  choices?: { delta?: RawMessage; finish_reason?: unknown }[];
  usage?: RawUsage | null;
  error?: unknown;
}

export interface RawUsage {
  prompt_tokens?: unknown;
  completion_tokens?: unknown;
  reasoning_tokens?: unknown;
  completion_tokens_details?: { reasoning_tokens?: unknown } | null;
}

/** The `usage` object of a chunk or a completion, if it has usable numbers. */
export function readUsage(raw: RawUsage | null | undefined): LlmUsage | undefined {
  if (typeof raw?.prompt_tokens !== 'number' || typeof raw.completion_tokens !== 'number') {
    return undefined;
  }
  const reasoning = raw.completion_tokens_details?.reasoning_tokens ?? raw.reasoning_tokens;
  return {
    promptTokens: raw.prompt_tokens,
    completionTokens: raw.completion_tokens,
    ...(typeof reasoning === 'number' ? { reasoningTokens: reasoning } : {}),
  };
}

/** The reasoning a delta or message carries in a field of its own (vLLM/DeepSeek, Ollama/OpenRouter). */
export function readReasoning(message: RawMessage | undefined): string {
  const value = message?.reasoning_content ?? message?.reasoning;
  return typeof value === 'string' ? value : '';
}

/** The message of an OpenAI error envelope, `{"error":{"message"}}`, or of a bare `{"error":"..."}`. */
export function readErrorMessage(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Reads the `data` of one SSE event; throws a `SyntaxError` when it is not JSON. */
export function readChunk(data: string): ChunkContent {
  if (data.trim() === '[DONE]') return { done: true, content: '', reasoning: '' };
  const chunk = JSON.parse(data) as RawChunk;
  if (chunk.error !== undefined && chunk.error !== null) {
    const error = readErrorMessage(chunk.error) ?? 'unknown error';
    return { done: false, content: '', reasoning: '', error };
  }
  const choice = chunk.choices?.[0];
  const content = choice?.delta?.content;
  const reason = choice?.finish_reason;
  return {
    done: false,
    content: typeof content === 'string' ? content : '',
    reasoning: readReasoning(choice?.delta),
    finishReason: typeof reason === 'string' ? reason : undefined,
    usage: readUsage(chunk.usage),
  };
}

/** The message of an `event: error` SSE event, whose data may be an envelope or plain text. */
export function readErrorEvent(data: string): string {
  try {
    const parsed = JSON.parse(data) as { error?: unknown; message?: unknown };
    return readErrorMessage(parsed.error ?? parsed) ?? data;
  } catch {
    return data;
  }
}
