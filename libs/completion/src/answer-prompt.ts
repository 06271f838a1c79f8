import type { LlmMessage, NumberedSource } from '@answergate/llm';
import { callerInstructions, dialogue } from './conversation';
import { formatSources } from './numbered-sources';

const NO_SEARCH_RULES = [
  'You are Answergate, an answer engine. Answer the last user question from your own knowledge:',
  'no web search was made for it, so cite no sources and say so when you are unsure.',
].join('\n');

const RULES = [
  'You are Answergate, an answer engine. Answer the last user question using the numbered sources below.',
  'Cite the sources that support each statement with their numbers in square brackets, like [1] or [2][3].',
  'Use only facts the sources state; if they do not answer the question, say so plainly.',
  'Answer in the language of the question, concisely, without a list of references at the end.',
].join('\n');

export interface AnswerPromptOptions {
  /** False when search was disabled or skipped: no sources block, no citations asked for. */
  searched: boolean;
}

/** The messages for the answer: rules and numbered sources, the caller's system text, the conversation. */
export function buildAnswerMessages(
  messages: LlmMessage[],
  sources: NumberedSource[],
  today: Date,
  options: AnswerPromptOptions = { searched: true },
): LlmMessage[] {
  const instructions = callerInstructions(messages);
  const sourcesBlock = sources.length > 0 ? formatSources(sources) : '(no sources were found)';
  const system = [
    options.searched ? RULES : NO_SEARCH_RULES,
    `Today is ${today.toISOString().slice(0, 10)}.`,
    instructions ? `Instructions from the caller:\n${instructions}` : '',
    options.searched ? `Sources:\n${sourcesBlock}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return [{ role: 'system', content: system }, ...dialogue(messages)];
}
