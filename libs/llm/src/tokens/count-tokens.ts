import { countTokens } from '@answergate/common';
import type { LlmMessage } from '../llm.types';

/**
 * Prompt tokens of a chat, the one formula for every estimate (providers without usage, the
 * pipeline): contents plus OpenAI's framing (about 3 per message, 3 to prime the reply).
 */
export function countMessageTokens(messages: readonly LlmMessage[]): number {
  return messages.reduce((sum, message) => sum + 3 + countTokens(message.content), 3);
}
