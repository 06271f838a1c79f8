import { LRUCache } from 'lru-cache';
import type { NumberedSource } from '@answergate/llm';
import type { ReadPage, SearchResult } from '@answergate/search';

interface Selection {
  results: readonly SearchResult[];
  pages: readonly ReadPage[];
  sources: NumberedSource[];
}

const sameResult = (a: SearchResult, b: SearchResult) =>
  a.url === b.url && a.title === b.title && a.snippet === b.snippet && a.date === b.date;

/**
 * The sources of recent answers, by question and budget, with the results and page texts they
 * were made from. Answers to the same question over the same pages (a search cache hit) get
 * the same sources: one copy of the passages, however many of them stream at once, and no
 * selection to repeat. A hit must match every result and page text, so a page that changed
 * is selected anew. At most `capacity` selections are held (each a few KB to ~30 KB).
 */
export class SelectionMemo {
  private readonly recent: LRUCache<string, Selection>;

  constructor(capacity = 64) {
    this.recent = new LRUCache({ max: capacity });
  }

  get(
    question: string,
    budget: number,
    results: readonly SearchResult[],
    pages: readonly ReadPage[],
  ): NumberedSource[] | undefined {
    const found = this.recent.get(this.key(question, budget, results));
    if (!found || found.results.length !== results.length) return undefined;
    for (let i = 0; i < results.length; i += 1) {
      if (!sameResult(found.results[i], results[i])) return undefined;
      if (found.pages[i]?.text !== pages[i]?.text) return undefined;
    }
    return found.sources;
  }

  set(
    question: string,
    budget: number,
    results: readonly SearchResult[],
    pages: readonly ReadPage[],
    sources: NumberedSource[],
  ): void {
    this.recent.set(this.key(question, budget, results), { results, pages, sources });
  }

  private key(question: string, budget: number, results: readonly SearchResult[]): string {
    return [budget, question, ...results.map((result) => result.url)].join('\n');
  }
}
