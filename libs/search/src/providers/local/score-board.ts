/** A query's terms are told apart by one bit each, so at most this many count. */
export const MAX_QUERY_TERMS = 31;

/** A document and its final score. */
export interface Ranked {
  doc: number;
  score: number;
}

function bitCount(mask: number): number {
  let bits = mask - ((mask >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return (((bits + (bits >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Score accumulators for one query at a time, allocated once per index size and cleared
 * by the list of documents the query touched, so a query allocates almost nothing.
 */
export class ScoreBoard {
  private scores = new Float64Array(0);
  private masks = new Int32Array(0);
  private touched = new Int32Array(0);
  private count = 0;

  /** Empties the board for a query over `size` documents. */
  reset(size: number): this {
    if (this.scores.length < size) {
      this.scores = new Float64Array(size);
      this.masks = new Int32Array(size);
      this.touched = new Int32Array(size);
      this.count = 0;
    }
    for (let i = 0; i < this.count; i += 1) {
      const doc = this.touched[i];
      this.scores[doc] = 0;
      this.masks[doc] = 0;
    }
    this.count = 0;
    return this;
  }

  add(doc: number, score: number, bit: number): void {
    if (this.masks[doc] === 0) this.touched[this.count++] = doc;
    this.scores[doc] += score;
    this.masks[doc] |= bit;
  }

  /** Query terms that matched `doc`, as bits. */
  matched(doc: number): number {
    return this.masks[doc];
  }

  /**
   * The best `limit` accepted documents, best first (ties: lower number first). A score is
   * multiplied by the number of query terms the document matched, as MiniSearch did, so
   * documents with every term come first unless another is much more relevant.
   * `accept` runs only for documents that would enter the current top `limit`.
   */
  top(limit: number, accept: (doc: number) => boolean): Ranked[] {
    const best: Ranked[] = [];
    for (let i = 0; i < this.count; i += 1) {
      const doc = this.touched[i];
      const score = this.scores[doc] * bitCount(this.masks[doc]);
      if (best.length === limit && !beats(score, doc, best[limit - 1])) continue;
      if (!accept(doc)) continue;
      let at = best.length === limit ? limit - 1 : best.length;
      if (best.length < limit) best.push({ doc, score });
      while (at > 0 && beats(score, doc, best[at - 1])) {
        best[at] = best[at - 1];
        at -= 1;
      }
      best[at] = { doc, score };
    }
    return best;
  }
}

const beats = (score: number, doc: number, other: Ranked) =>
  score > other.score || (score === other.score && doc < other.doc);
