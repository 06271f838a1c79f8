import { isInstructionLike } from '@answergate/common';
import type { NumberedSource } from '../../llm.types';
import { type AnswerType, answerTypeOf, statesAnswerType } from './answer-type';
import { fingerprint, sentences, terms } from './text-analysis';

export interface RankedSentence {
  text: string;
  /** The `[n]` of the source it came from. */
  source: number;
  /** Position within all sentences, for stable ordering. */
  position: number;
  score: number;
  /** Share of the question's weight (idf) this sentence covers, 0..1. */
  coverage: number;
}

const K1 = 1.2;
const B = 0.75;
/** A question term found only in the source's title counts for this much of a match. */
const TITLE_SHARE = 0.3;
/** A sentence that states the kind of fact asked for (a number for "how many") gains this. */
const TYPE_MATCH = 1.6;
const TYPE_MISS = 0.6;
/** Terms of the part of a question being answered, and of the other parts. */
const FOCUS_WEIGHT = 2;
const OTHER_PART_WEIGHT = 0.5;

export interface RankOptions {
  /** The kind of fact wanted; read from the question when not given. */
  type?: AnswerType;
  /** One part of a several-part question: its terms weigh more. */
  focus?: string;
}

/**
 * Not an answer: a question (an FAQ heading would echo the user's question), or a piece
 * cut from the middle of a sentence (a snippet starting in lower case or with `…`).
 */
function isAnswerSentence(text: string): boolean {
  return !/\?["')\]]*$/.test(text) && !/^(\p{Ll}|…|\.\.\.)/u.test(text);
}

interface Candidate {
  text: string;
  source: number;
  position: number;
  terms: string[];
  /** Terms of the source's title: what the sentence is about when it does not say. */
  context: Set<string>;
}

function candidates(sources: readonly NumberedSource[]): Candidate[] {
  const seen = new Set<string>();
  const all: Candidate[] = [];
  for (const source of sources) {
    const context = new Set(terms(source.title));
    // In an FAQ the sentence after a question answers it: it carries the question's terms.
    let askedBefore: string[] = [];
    for (const text of sentences(source.snippet)) {
      if (!isAnswerSentence(text)) {
        askedBefore = /\?["')\]]*$/.test(text) ? terms(text) : [];
        continue;
      }
      // Source text is data: a sentence that gives orders is never quoted as an answer.
      if (isInstructionLike(text)) continue;
      const key = fingerprint(text);
      if (seen.has(key)) continue;
      seen.add(key);
      const own = terms(text);
      const withQuestion = [...own, ...askedBefore.filter((term) => !own.includes(term))];
      askedBefore = [];
      all.push({ text, source: source.index, position: all.length, terms: withQuestion, context });
    }
  }
  return all;
}

/**
 * Ranks every sentence of the sources against the question with BM25 (each sentence
 * a document). Sentences repeated across sources are kept once, under the first source.
 * Sorted best first; ties keep source order, so the result is deterministic.
 */
export function rankSentences(
  question: string,
  sources: readonly NumberedSource[],
  options: RankOptions = {},
): RankedSentence[] {
  const focus = new Set(options.focus ? terms(options.focus) : []);
  const type = options.type ?? answerTypeOf(question);
  const query = [...new Set([...terms(question), ...focus])];
  const weight = (term: string) =>
    focus.size === 0 ? 1 : focus.has(term) ? FOCUS_WEIGHT : OTHER_PART_WEIGHT;
  const docs = candidates(sources);
  if (query.length === 0 || docs.length === 0) return [];

  const documentFrequency = new Map<string, number>();
  for (const doc of docs) {
    for (const term of new Set(doc.terms)) {
      documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
  }
  const idf = (term: string) => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
  };
  const queryWeight = query.reduce((sum, term) => sum + weight(term) * idf(term), 0);
  const averageLength = docs.reduce((sum, doc) => sum + doc.terms.length, 0) / docs.length || 1;

  return docs
    .map((doc) => {
      const counts = new Map<string, number>();
      for (const term of doc.terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      const norm = K1 * (1 - B + (B * doc.terms.length) / averageLength);
      let score = 0;
      let fromTitle = 0;
      let covered = 0;
      for (const term of query) {
        const tf = counts.get(term) ?? 0;
        if (tf > 0) {
          score += (weight(term) * idf(term) * tf * (K1 + 1)) / (tf + norm);
          covered += weight(term) * idf(term);
        } else if (doc.context.has(term)) {
          fromTitle += TITLE_SHARE * weight(term) * idf(term);
        }
      }
      // The title helps a sentence that matches, never makes one match.
      if (score > 0) score += fromTitle;
      if (type !== 'any') score *= statesAnswerType(doc.text, type) ? TYPE_MATCH : TYPE_MISS;
      const coverage = queryWeight > 0 ? Math.min(1, (covered + fromTitle) / queryWeight) : 0;
      return { text: doc.text, source: doc.source, position: doc.position, score, coverage };
    })
    .filter((sentence) => sentence.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position);
}
