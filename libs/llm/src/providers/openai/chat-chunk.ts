import type { LlmUsage } from '../../llm.types';

/** What one `chat.completion.chunk` (or the final `data: [DONE]`) contributes. */
export interface ChunkContent {
  done: boolean;
  content: string;
  finishReason?: string;
  usage?: LlmUsage;
  /** The upstream's message when it sent `{"error": ...}` instead of a chunk. */
  error?: string;
}

interface RawChunk {
  choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[];
  usage?: { prompt_tokens?: unknown; completion_tokens?: unknown } | null;
  error?: unknown;
}

/** The `usage` object of a chunk or a completion, if it has usable numbers. */
export function readUsage(raw: RawChunk['usage']): LlmUsage | undefined {
  if (typeof raw?.prompt_tokens !== 'number' || typeof raw.completion_tokens !== 'number') {
    return undefined;
  }
  return { promptTokens: raw.prompt_tokens, completionTokens: raw.completion_tokens };
}

/** The message of an OpenAI error envelope, `{"error":{"message"}}`, or of a bare `{"error":"..."}`. */
export function readErrorMessage(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : undefined;
}

/** Reads the `data` of one SSE event; throws a `SyntaxError` when it is not JSON. */
export function readChunk(data: string): ChunkContent {
  if (data.trim() === '[DONE]') return { done: true, content: '' };
  const chunk = JSON.parse(data) as RawChunk;
  if (chunk.error !== undefined && chunk.error !== null) {
    return { done: false, content: '', error: readErrorMessage(chunk.error) ?? 'unknown error' };
  }
  const choice = chunk.choices?.[0];
  const content = choice?.delta?.content;
  const reason = choice?.finish_reason;
  return {
    done: false,
    content: typeof content === 'string' ? content : '',
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
