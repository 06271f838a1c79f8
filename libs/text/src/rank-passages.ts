import { Bm25Corpus } from './bm25';
import { matchTerms } from './tokenize';

/**
 * BM25 scores of `passages` against `question`, one per passage in the same order (0 when
 * no content word of the question occurs in it). The passages are their own corpus, so a
 * word every page repeats weighs little.
 */
export function scorePassages(question: string, passages: readonly string[]): number[] {
  const query = [...new Set(matchTerms(question))];
  if (query.length === 0) return passages.map(() => 0);
  const corpus = new Bm25Corpus(passages.map(matchTerms));
  return passages.map((_, doc) => corpus.score(query, doc));
}
