import type { SseEvent } from '../../sse/sse-decoder';
import type { LlmEvent, LlmMessage, LlmUsage } from '../../llm.types';
import { TokenCounter } from '@answergate/common';
import { countMessageTokens } from '../../tokens/count-tokens';
import { readChunk, readErrorEvent, type ChunkContent } from './chat-chunk';
import { LlmUpstreamError } from './llm-upstream.error';
import { type SplitText, ThinkTagSplitter } from '../../reasoning/think-tag-splitter';

/**
 * Turns the SSE events of one `chat.completion.chunk` stream into `LlmEvent`s.
 * Deltas go out as they come; usage and finish are held to the end, so every
 * stream ends the same way: deltas, usage (the upstream's, or counted), finish.
 */
export class ChatStreamReader {
  // The usage estimate when the upstream reports none, counted as the text goes by.
  private readonly contentTokens = new TokenCounter();
  private readonly reasoningTokens = new TokenCounter();
  private reasoned = false;
  private readonly thinkTags = new ThinkTagSplitter();
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
    if (chunk.reasoning) this.reason(chunk.reasoning);
    if (chunk.content) this.write(this.thinkTags.push(chunk.content));
  }

  /** The body ended: emit usage and finish, or fail if the answer was cut off. */
  end(): void {
    if (!this.done && this.finishReason === undefined) {
      throw new LlmUpstreamError(
        `LLM upstream (${this.where}) closed the stream before the answer was complete`,
      );
    }
    this.write(this.thinkTags.end());
    this.emit({ type: 'usage', usage: this.withReasoning(this.usage ?? this.countedUsage()) });
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

  private write({ reasoning, content }: SplitText): void {
    if (reasoning) this.reason(reasoning);
    if (content) {
      this.contentTokens.push(content);
      this.emit({ type: 'delta', content });
    }
  }

  private reason(text: string): void {
    this.reasoned = true;
    this.reasoningTokens.push(text);
    this.emit({ type: 'reasoning', content: text });
  }

  private countedUsage(): LlmUsage {
    return {
      promptTokens: countMessageTokens(this.messages),
      completionTokens: this.contentTokens.total + this.reasoningTokens.total,
    };
  }

  /** Reasoning tokens as the upstream counted them, else counted here when there was reasoning. */
  private withReasoning(usage: LlmUsage): LlmUsage {
    if (usage.reasoningTokens !== undefined || !this.reasoned) return usage;
    return { ...usage, reasoningTokens: this.reasoningTokens.total };
  }

  private reported(message: string): LlmUpstreamError {
    return new LlmUpstreamError(`LLM upstream (${this.where}) reported an error: ${message}`);
  }
}
