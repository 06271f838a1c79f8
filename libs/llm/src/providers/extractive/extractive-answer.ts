import type { NumberedSource } from '../../llm.types';
import { answerTypeOf, questionParts } from './answer-type';
import { rankSentences, type RankedSentence } from './sentence-ranker';
import { terms } from './text-analysis';

export const NO_ANSWER = 'The sources found do not answer this question.';

const MAX_SENTENCES = 4;
const MAX_PER_SOURCE = 2;
/** The best sentence must cover this share of the question's weight, or there is no answer. */
const MIN_COVERAGE = 0.3;
/** Later sentences must score this share of the best one, and cover more of the question. */
const MIN_RELATIVE_SCORE = 0.4;
const MIN_FOLLOWING_COVERAGE = 0.5;
const NEAR_DUPLICATE = 0.7;

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** `Paris is the capital.` cited as `Paris is the capital[1].` */
function cite(sentence: RankedSentence): string {
  const match = /[.!?]["')\]]*$/.exec(sentence.text);
  const body = match ? sentence.text.slice(0, match.index) : sentence.text;
  return `${body}[${sentence.source}]${match ? match[0] : '.'}`;
}

/**
 * A question that asks several things ("Who invented X and when?") gets the best sentence
 * for each part, in the order asked; one sentence may answer two parts.
 */
function selectForParts(
  question: string,
  parts: readonly string[],
  sources: readonly NumberedSource[],
): RankedSentence[] {
  const picked: RankedSentence[] = [];
  for (const part of parts) {
    const ranked = rankSentences(question, sources, { type: answerTypeOf(part), focus: part });
    const best = ranked[0];
    if (!best || best.coverage < MIN_COVERAGE) continue;
    if (!picked.some((sentence) => sentence.position === best.position)) picked.push(best);
  }
  return picked;
}

/** Picks the best few sentences: relevant enough, spread over sources, no two saying the same. */
export function selectSentences(
  question: string,
  sources: readonly NumberedSource[],
): RankedSentence[] {
  const parts = questionParts(question);
  if (parts.length > 1) return selectForParts(question, parts, sources);
  const ranked = rankSentences(question, sources);
  const best = ranked[0];
  if (!best || best.coverage < MIN_COVERAGE) return [];
  const picked: RankedSentence[] = [];
  const pickedTerms: Set<string>[] = [];
  const perSource = new Map<number, number>();
  for (const sentence of ranked) {
    if (picked.length === MAX_SENTENCES) break;
    if (sentence.score < best.score * MIN_RELATIVE_SCORE) break;
    if (picked.length > 0 && sentence.coverage < MIN_FOLLOWING_COVERAGE) continue;
    if ((perSource.get(sentence.source) ?? 0) >= MAX_PER_SOURCE) continue;
    const own = new Set(terms(sentence.text));
    if (pickedTerms.some((other) => jaccard(own, other) >= NEAR_DUPLICATE)) continue;
    picked.push(sentence);
    pickedTerms.push(own);
    perSource.set(sentence.source, (perSource.get(sentence.source) ?? 0) + 1);
  }
  return picked;
}

/**
 * The embedded answer: the sources' own sentences that best match the question,
 * best first, each cited; or an honest sentence when none does. Deterministic.
 */
export function extractiveAnswer(question: string, sources: readonly NumberedSource[]): string {
  const picked = selectSentences(question, sources);
  return picked.length === 0 ? NO_ANSWER : picked.map(cite).join(' ');
}
