import type { LlmMessage } from '../../llm.types';
import { isStopword, stem, terms, wordsAsWritten } from './text-analysis';

/** Words that point back at an earlier turn: the question cannot stand alone. */
const ANAPHORA = new Set(
  'it its they them their theirs this that these those he him his she her there one ones former latter same'.split(
    ' ',
  ),
);
const SHORT_QUESTION_TERMS = 3;
const MAX_EXTRA_TERMS = 4;

const TRANSCRIPT_LINE = /^(user|assistant|system):\s?/i;

/**
 * What the user said, oldest first. A caller may pass the turns as messages, or as
 * one transcript message of `user: ...` / `assistant: ...` lines: both are read.
 */
function userTurns(messages: readonly LlmMessage[]): string[] {
  const turns: string[] = [];
  for (const message of messages.filter((m) => m.role === 'user')) {
    const lines = message.content.split('\n');
    if (!lines.some((line) => TRANSCRIPT_LINE.test(line))) {
      turns.push(message.content.trim());
      continue;
    }
    let role = '';
    for (const line of lines) {
      const prefix = TRANSCRIPT_LINE.exec(line);
      if (prefix) role = prefix[1].toLowerCase();
      if (role === 'user') turns.push(line.replace(TRANSCRIPT_LINE, '').trim());
    }
  }
  return turns.filter(Boolean);
}

/**
 * Rewrites a follow-up as a search query that stands alone: when the question
 * refers back (`its`, `they`) or is very short, it gains the salient words of the
 * earlier user turns, newest first. A question that already stands alone is kept.
 */
export function standaloneQuery(question: string, messages: readonly LlmMessage[]): string {
  const current = question.trim();
  const earlier = userTurns(messages).filter((content) => content !== current);
  if (earlier.length === 0) return current;

  const own = new Set(terms(current));
  const refersBack = wordsAsWritten(current).some((w) => ANAPHORA.has(w.toLowerCase()));
  if (!refersBack && own.size > SHORT_QUESTION_TERMS) return current;

  const extra: string[] = [];
  for (const content of [...earlier].reverse()) {
    for (const word of wordsAsWritten(content)) {
      const key = stem(word.toLowerCase());
      if (isStopword(word.toLowerCase()) || own.has(key)) continue;
      own.add(key);
      extra.push(word);
      if (extra.length === MAX_EXTRA_TERMS) break;
    }
    if (extra.length === MAX_EXTRA_TERMS) break;
  }
  if (extra.length === 0) return current;
  return `${current.replace(/[\s?.!]+$/, '')} ${extra.join(' ')}`;
}
