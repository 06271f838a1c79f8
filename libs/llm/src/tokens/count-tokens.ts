import { countTokens as countBpeTokens } from 'gpt-tokenizer';
import type { LlmMessage } from '../llm.types';

// Text from users may contain `<|endoftext|>` and the like: count it as text, never throw.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** Tokens in `text` with OpenAI's o200k BPE: the usage estimate when an upstream reports none. */
export function countTokens(text: string): number {
  return text ? countBpeTokens(text, AS_TEXT) : 0;
}

/** Prompt tokens of a chat: contents plus OpenAI's framing (about 3 per message, 3 to prime the reply). */
export function countMessageTokens(messages: readonly LlmMessage[]): number {
  return messages.reduce((sum, message) => sum + 3 + countTokens(message.content), 3);
}
