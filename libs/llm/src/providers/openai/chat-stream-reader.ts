import type { SseEvent } from '../../sse/sse-decoder';
import type { LlmEvent, LlmMessage, LlmUsage } from '../../llm.types';
import { countTokens } from '@answergate/common';
import { countMessageTokens } from '../../tokens/count-tokens';
import { readChunk, readErrorEvent, type ChunkContent } from './chat-chunk';
import { LlmUpstreamError } from './llm-upstream.error';

/**
 * Turns the SSE events of one `chat.completion.chunk` stream into `LlmEvent`s.
 * Deltas go out as they come; usage and finish are held to the end, so every
 * stream ends the same way: deltas, usage (the upstream's, or counted), finish.
 */
export class ChatStreamReader {
  private readonly parts: string[] = [];
  private finishReason: string | undefined;
  private usage: LlmUsage | undefined;
  private done = false;

  constructor(
    private readonly where: string,
    private readonly messages: readonly LlmMessage[],
    private readonly emit: (event: LlmEvent) => void,
  ) {}

  /** True once `data: [DONE]` arrived: nothing after it matters. */
  get finished(): boolean {
    return this.done;
  }

  take(event: SseEvent): void {
    if (this.done) return;
    if (event.event === 'error') throw this.reported(readErrorEvent(event.data));
    let chunk: ChunkContent;
    try {
      chunk = readChunk(event.data);
    } catch {
      throw new LlmUpstreamError(`LLM upstream (${this.where}) sent an event that is not JSON`);
    }
    if (chunk.error !== undefined) throw this.reported(chunk.error);
    this.done = chunk.done;
    this.finishReason = chunk.finishReason ?? this.finishReason;
    this.usage = chunk.usage ?? this.usage;
    if (chunk.content) {
      this.parts.push(chunk.content);
      this.emit({ type: 'delta', content: chunk.content });
    }
  }

  /** The body ended: emit usage and finish, or fail if the answer was cut off. */
  end(): void {
    if (!this.done && this.finishReason === undefined) {
      throw new LlmUpstreamError(
        `LLM upstream (${this.where}) closed the stream before the answer was complete`,
      );
    }
    this.emit({ type: 'usage', usage: this.usage ?? this.countedUsage() });
    this.emit({ type: 'finish', reason: this.finishReason ?? 'stop' });
  }

  /** The connection failed mid-answer: never retried, as text may have gone out. */
  brokenOff(cause: unknown): LlmUpstreamError {
    const code = (cause as { code?: unknown } | null)?.code;
    const why = typeof code === 'string' ? ` (${code})` : '';
    return new LlmUpstreamError(
      `LLM upstream (${this.where}) broke off the stream before the answer was complete${why}`,
      { cause },
    );
  }

  private countedUsage(): LlmUsage {
    return {
      promptTokens: countMessageTokens(this.messages),
      completionTokens: countTokens(this.parts.join('')),
    };
  }

  private reported(message: string): LlmUpstreamError {
    return new LlmUpstreamError(`LLM upstream (${this.where}) reported an error: ${message}`);
  }
}
