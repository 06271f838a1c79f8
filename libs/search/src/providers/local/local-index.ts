import MiniSearch, { type SearchOptions } from 'minisearch';
import type { IndexedDocument } from './load-documents';
import { STOP_WORDS } from './stop-words';

export interface LocalHit {
  document: IndexedDocument;
  /** The document's terms that matched (after prefix and fuzzy expansion), for snippets. */
  terms: string[];
  score: number;
}

/**
 * Ranking settings, chosen with `bench/search.bench.mjs`: BM25 with title and headings
 * boosted; prefix matching on the last term only (the one a user may not have finished),
 * from 3 characters. Fuzzy matching multiplies the candidates, so it is a fallback (below).
 */
export const LOCAL_SEARCH_OPTIONS: SearchOptions = {
  boost: { title: 3, headings: 1.5 },
  prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 3,
  combineWith: 'OR',
};

/** The fallback when exact and prefix matching find too little: one typo in terms of 5+ characters. */
export const FUZZY_SEARCH_OPTIONS: SearchOptions = {
  ...LOCAL_SEARCH_OPTIONS,
  fuzzy: (term) => (term.length >= 5 ? 1 : false),
  maxFuzzy: 1,
};

const processTerm = (term: string): string | null => {
  const lower = term.toLowerCase();
  return lower.length < 2 || STOP_WORDS.has(lower) ? null : lower;
};

/** A BM25 full-text index (MiniSearch) over documents kept in memory for snippets. */
export class LocalIndex {
  private readonly documents: IndexedDocument[] = [];
  private readonly index = new MiniSearch<IndexedDocument & { id: number }>({
    fields: ['title', 'headings', 'text'],
    storeFields: [],
    processTerm,
    searchOptions: LOCAL_SEARCH_OPTIONS,
  });

  get size(): number {
    return this.documents.length;
  }

  add(documents: readonly IndexedDocument[]): void {
    const first = this.documents.length;
    this.documents.push(...documents);
    this.index.addAll(documents.map((document, offset) => ({ ...document, id: first + offset })));
  }

  search(query: string, limit: number, accept: (document: IndexedDocument) => boolean): LocalHit[] {
    const hits: LocalHit[] = [];
    const filter = (result: { id: unknown }) => accept(this.documents[result.id as number]);
    let results = this.index.search(query, { filter });
    if (results.length < limit) {
      results = this.index.search(query, { ...FUZZY_SEARCH_OPTIONS, filter });
    }
    for (const result of results.slice(0, limit)) {
      hits.push({
        document: this.documents[result.id as number],
        terms: result.terms,
        score: result.score,
      });
    }
    return hits;
  }
}
