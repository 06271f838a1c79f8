/** BM25+ parameters (MiniSearch's, which ranked the shipped docs before the index was ours). */
export const BM25 = { k1: 1.2, b: 0.7, delta: 0.5 } as const;

/** Inverse document frequency of a term found in `df` of `count` documents. */
export function bm25Idf(df: number, count: number): number {
  return df === 0 ? 0 : Math.log(1 + (count - df + 0.5) / (df + 0.5));
}

/** The length normalisation of a document of `length` terms, against the corpus average. */
export function bm25Norm(length: number, averageLength: number): number {
  return BM25.k1 * (1 - BM25.b + (BM25.b * length) / (averageLength || 1));
}

/** One term's saturated frequency, to be multiplied by its idf; `norm` from `bm25Norm`. */
export function bm25Tf(tf: number, norm: number): number {
  return BM25.delta + (tf * (BM25.k1 + 1)) / (tf + norm);
}

/**
 * BM25+ over a small corpus held as term lists (passages of a few pages, sentences):
 * built per question, so it keeps plain maps and no postings.
 */
export class Bm25Corpus {
  private readonly counts: Map<string, number>[];
  private readonly norms: number[];
  private readonly df = new Map<string, number>();

  constructor(documents: readonly (readonly string[])[]) {
    const total = documents.reduce((sum, terms) => sum + terms.length, 0);
    const average = total / Math.max(1, documents.length);
    this.counts = documents.map((terms) => {
      const counts = new Map<string, number>();
      for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
      for (const term of counts.keys()) this.df.set(term, (this.df.get(term) ?? 0) + 1);
      return counts;
    });
    this.norms = documents.map((terms) => bm25Norm(terms.length, average));
  }

  get size(): number {
    return this.counts.length;
  }

  idf(term: string): number {
    return bm25Idf(this.df.get(term) ?? 0, this.counts.length);
  }

  /** Score of document `doc` for the distinct query terms; 0 when none occurs in it. */
  score(query: readonly string[], doc: number): number {
    const counts = this.counts[doc];
    let score = 0;
    for (const term of query) {
      const tf = counts.get(term);
      if (tf) score += this.idf(term) * bm25Tf(tf, this.norms[doc]);
    }
    return score;
  }
}
