import type { LlmMessage } from '@answergate/llm';

/** The text of the last user message: the question being answered. */
export function lastQuestion(messages: LlmMessage[]): string {
  return messages[messages.length - 1]?.content ?? '';
}

/** A first turn has no earlier user or assistant message, so there is nothing to rephrase against. */
export function isFirstTurn(messages: LlmMessage[]): boolean {
  return messages.filter((message) => message.role !== 'system').length <= 1;
}

/** The caller's system messages, joined: extra instructions for the answer. */
export function callerInstructions(messages: LlmMessage[]): string {
  return messages
    .filter((message) => message.role === 'system')
    .map((message) => message.content)
    .join('\n\n');
}

/** The conversation without system messages, for transcripts and prompts. */
export function dialogue(messages: LlmMessage[]): LlmMessage[] {
  return messages.filter((message) => message.role !== 'system');
}
