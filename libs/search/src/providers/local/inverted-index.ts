import SearchableMap from 'minisearch/SearchableMap';
import { bm25Idf, bm25Norm, bm25Tf, contentTerms } from '@answergate/text';
import type { ScoreBoard } from './score-board';

/** Boosts of the indexed fields (title, headings, text): each has a byte in a packed frequency. */
export const FIELD_BOOSTS = [3, 1.5, 1] as const;
const FIELDS = FIELD_BOOSTS.length;
const MAX_TF = 255;

/**
 * Postings in typed arrays: per term `[doc, tf, doc, tf, ...]` in document order, where
 * `tf` packs one byte per field. A fraction of the memory and build time of a map per
 * posting, and scoring is a tight loop over numbers.
 */
export class InvertedIndex {
  /** Every term with its id: prefix and fuzzy lookups walk this tree. */
  readonly dictionary = new SearchableMap<number>();
  private readonly ids = new Map<string, number>();
  private postings: Int32Array[] = [];
  private used: number[] = [];
  /** Per term and field: documents with the term in that field. */
  private readonly fieldDf: number[] = [];
  /** Per document and field: distinct terms (the field's length for BM25). */
  private readonly fieldLength: number[] = [];
  private readonly totalLength = new Array<number>(FIELDS).fill(0);
  private norms = new Float32Array(0);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Indexes one document's fields (title, headings, text) and returns its number. */
  addDocument(fields: readonly string[]): number {
    const doc = this.count++;
    const frequencies = new Map<string, number>();
    for (let field = 0; field < FIELDS; field += 1) {
      const shift = 8 * field;
      let distinct = 0;
      for (const term of contentTerms(fields[field] ?? '')) {
        const packed = frequencies.get(term) ?? 0;
        const tf = (packed >>> shift) & MAX_TF;
        if (tf === 0) distinct += 1;
        if (tf < MAX_TF) frequencies.set(term, packed + (1 << shift));
      }
      this.fieldLength.push(distinct);
      this.totalLength[field] += distinct;
    }
    for (const [term, packed] of frequencies) this.post(this.idOf(term), doc, packed);
    return doc;
  }

  /** Trims the posting lists and precomputes length normalisation; call after adding. */
  finish(): void {
    this.postings = this.postings.map((list, id) => list.slice(0, this.used[id]));
    this.norms = new Float32Array(this.count * FIELDS);
    for (let field = 0; field < FIELDS; field += 1) {
      const average = this.totalLength[field] / Math.max(1, this.count);
      for (let doc = 0; doc < this.count; doc += 1) {
        const length = this.fieldLength[doc * FIELDS + field];
        this.norms[doc * FIELDS + field] = bm25Norm(length, average);
      }
    }
  }

  /**
   * Adds `weight` × BM25+ of term `id` (the shared formula of `@answergate/text`) to every
   * document holding it, marking `bit` as matched.
   */
  accumulate(id: number, weight: number, bit: number, board: ScoreBoard): void {
    const list = this.postings[id];
    const end = this.used[id];
    const [w0, w1, w2] = FIELD_BOOSTS.map((boost, field) => weight * boost * this.idf(id, field));
    const norms = this.norms;
    for (let i = 0; i < end; i += 2) {
      const doc = list[i];
      const tf = list[i + 1];
      const at = doc * FIELDS;
      const t0 = tf & MAX_TF;
      const t1 = (tf >>> 8) & MAX_TF;
      const t2 = tf >>> 16;
      let score = 0;
      if (t0) score += w0 * bm25Tf(t0, norms[at]);
      if (t1) score += w1 * bm25Tf(t1, norms[at + 1]);
      if (t2) score += w2 * bm25Tf(t2, norms[at + 2]);
      board.add(doc, score, bit);
    }
  }

  /** Whether term `id` occurs in `doc` (binary search: postings are in document order). */
  contains(id: number, doc: number): boolean {
    const list = this.postings[id];
    let low = 0;
    let high = this.used[id] / 2 - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = list[middle * 2];
      if (found === doc) return true;
      if (found < doc) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  private idf(id: number, field: number): number {
    return bm25Idf(this.fieldDf[id * FIELDS + field], this.count);
  }

  private idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.postings.length;
      this.ids.set(term, id);
      this.dictionary.set(term, id);
      this.postings.push(new Int32Array(4));
      this.used.push(0);
      for (let field = 0; field < FIELDS; field += 1) this.fieldDf.push(0);
    }
    return id;
  }

  private post(id: number, doc: number, packed: number): void {
    let list = this.postings[id];
    const at = this.used[id];
    if (at + 2 > list.length) {
      const grown = new Int32Array(Math.max(4, list.length * 2));
      grown.set(list);
      this.postings[id] = list = grown;
    }
    list[at] = doc;
    list[at + 1] = packed;
    this.used[id] = at + 2;
    for (let field = 0; field < FIELDS; field += 1) {
      if ((packed >>> (8 * field)) & MAX_TF) this.fieldDf[id * FIELDS + field] += 1;
    }
  }
}
