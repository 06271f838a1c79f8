import { contentTerms } from '@answergate/text';
import type { IndexedDocument } from './load-documents';
import { InvertedIndex } from './inverted-index';
import { exactAndPrefix, oneTypo, type Expansion } from './query-terms';
import { MAX_QUERY_TERMS, ScoreBoard, type Ranked } from './score-board';

export interface LocalHit {
  document: IndexedDocument;
  /** The document's terms that matched (after prefix and fuzzy expansion), for snippets. */
  terms: string[];
  score: number;
}

/**
 * BM25 full-text search over documents kept in memory for snippets. Exact terms, plus
 * prefixes of the last term, are scored in one pass over typed posting lists; one-typo
 * matches are added only when that found fewer results than wanted. Only the top results
 * are filtered and turned into hits. Settings chosen with `bench/search.bench.mjs`.
 */
export class LocalIndex {
  private readonly documents: IndexedDocument[] = [];
  private readonly index = new InvertedIndex();
  private readonly board = new ScoreBoard();

  get size(): number {
    return this.documents.length;
  }

  add(documents: readonly IndexedDocument[]): void {
    for (const document of documents) {
      this.documents.push(document);
      this.index.addDocument([document.title, document.headings, document.text]);
    }
    this.index.finish();
  }

  search(query: string, limit: number, accept: (document: IndexedDocument) => boolean): LocalHit[] {
    const terms = [...new Set(contentTerms(query))].slice(0, MAX_QUERY_TERMS);
    if (terms.length === 0 || limit < 1 || this.size === 0) return [];
    const board = this.board.reset(this.size);
    const acceptDoc = (doc: number) => accept(this.documents[doc]);
    const matched = exactAndPrefix(terms, this.index.dictionary);
    this.score(matched, board);
    let top = board.top(limit, acceptDoc);
    if (top.length < limit) {
      const typos = oneTypo(terms, this.index.dictionary, matched);
      this.score(typos, board);
      matched.push(...typos);
      if (typos.length > 0) top = board.top(limit, acceptDoc);
    }
    return top.map((ranked) => this.hit(ranked, matched, board));
  }

  private score(expansions: readonly Expansion[], board: ScoreBoard): void {
    for (const { id, weight, bit } of expansions) this.index.accumulate(id, weight, bit, board);
  }

  private hit({ doc, score }: Ranked, expansions: readonly Expansion[], board: ScoreBoard) {
    const bits = board.matched(doc);
    const terms = expansions
      .filter(({ id, bit }) => (bits & bit) !== 0 && this.index.contains(id, doc))
      .map(({ term }) => term);
    return { document: this.documents[doc], terms: [...new Set(terms)], score };
  }
}
