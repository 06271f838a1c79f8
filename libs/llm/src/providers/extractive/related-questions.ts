import type { NumberedSource } from '../../llm.types';
import { rankSentences } from './sentence-ranker';
import { terms, wordsAsWritten } from './text-analysis';

const MAX_QUESTIONS = 3;
const MIN_WORDS = 4;
const MAX_WORDS = 16;
/** Share of terms above which a found question is the one asked, worded differently. */
const SAME_QUESTION = 0.5;
/** A source is about the question when its best sentence scores this share of the best one. */
const RELEVANT_SHARE = 0.6;
const ASKS =
  /^(what|which|where|when|why|how|who|whom|whose|can|could|should|does|do|is|are|will)\b/i;

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  return shared / Math.max(1, a.size + b.size - shared);
}

/** The questions a text asks in its own words: FAQ entries, headings such as "How do I ...?". */
function questionsIn(text: string): string[] {
  return text
    .split(/(?<=\?)\s+|\n+|(?<=[.!])\s+/)
    .map((line) => line.replace(/^[\s\-*•#>]+/, '').trim())
    .filter((line) => line.endsWith('?') && ASKS.test(line))
    .filter((line) => {
      const count = wordsAsWritten(line).length;
      return count >= MIN_WORDS && count <= MAX_WORDS;
    });
}

/**
 * Follow-up questions that people wrote: the questions the sources matching this one
 * ask themselves (FAQ entries, "How do I ...?" headings), best-matching source first,
 * minus the one asked. None when the sources ask none: no made-up templates. Deterministic.
 */
export function relatedQuestions(question: string, sources: readonly NumberedSource[]): string[] {
  const asked = new Set(terms(question));
  // Only sources that answer the question well: a passing word match is not a topic.
  const ranked = rankSentences(question, sources);
  const bar = (ranked[0]?.score ?? 0) * RELEVANT_SHARE;
  const order: number[] = [];
  for (const sentence of ranked) {
    if (sentence.score < bar) continue;
    if (!order.includes(sentence.source)) order.push(sentence.source);
  }
  const found: string[] = [];
  const foundTerms: Set<string>[] = [];
  for (const index of order) {
    const source = sources.find((s) => s.index === index);
    for (const candidate of questionsIn(source?.snippet ?? '')) {
      const own = new Set(terms(candidate));
      if (own.size === 0 || overlap(own, asked) >= SAME_QUESTION) continue;
      if (foundTerms.some((other) => overlap(own, other) >= SAME_QUESTION)) continue;
      found.push(candidate);
      foundTerms.push(own);
      if (found.length === MAX_QUESTIONS) return found;
    }
  }
  return found;
}
