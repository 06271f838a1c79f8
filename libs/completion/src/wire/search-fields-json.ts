import { LRUCache } from 'lru-cache';
import type { SearchResult } from '@answergate/search';
import { toWireResult } from '../wire-mappers';

interface Serialized {
  results: readonly SearchResult[];
  json: string;
}

/**
 * The JSON text of a stream's search fields (`citations`, `search_results`), which each
 * stream repeats in its role, first content and finish chunks: ~7-15 KB a stream (asked for
 * again for the finish chunk, not held while the answer streams). Answers
 * over the same result objects (a search cache hit hands every answer the same ones) share
 * one text, serialized once. Results are compared object by object, so other results are
 * always serialized anew. The last `capacity` texts are kept.
 */
export class SearchFieldsJson {
  private readonly recent: LRUCache<string, Serialized>;

  constructor(capacity = 32) {
    this.recent = new LRUCache({ max: capacity });
  }

  of(results: readonly SearchResult[]): string {
    const key = results.map((result) => result.url).join('\n');
    const found = this.recent.get(key);
    if (
      found?.results.length === results.length &&
      found.results.every((result, i) => result === results[i])
    ) {
      return found.json;
    }
    const json = JSON.stringify({
      citations: results.map((r) => r.url),
      search_results: results.map(toWireResult),
    });
    this.recent.set(key, { results: [...results], json });
    return json;
  }
}
