import type { SearchResult } from '../search.types';
import { normalizeUrl } from './normalize-url';

/** The usual RRF constant: dampens the gap between first and second place. */
export const RRF_K = 60;

interface Fused<T> {
  result: T;
  score: number;
  order: number;
}

/** Keeps the first-seen result's text and fills in dates the first one lacked. */
function merge<T extends SearchResult>(kept: T, other: T): T {
  if (kept.date && kept.lastUpdated) return kept;
  return {
    ...kept,
    date: kept.date ?? other.date,
    lastUpdated: kept.lastUpdated ?? other.lastUpdated,
  };
}

/**
 * Merges ranked lists by reciprocal-rank fusion (score = sum of 1 / (k + rank)),
 * deduplicating by normalised URL: a page found by several queries rises, and
 * appears once. Ties keep first-seen order, so one list comes back unchanged but deduplicated.
 */
export function fuseRankings<T extends SearchResult>(lists: readonly T[][], k = RRF_K): T[] {
  const fused = new Map<string, Fused<T>>();
  let order = 0;
  for (const list of lists) {
    const seen = new Set<string>();
    let rank = 0;
    for (const result of list) {
      const key = normalizeUrl(result.url);
      if (seen.has(key)) continue;
      seen.add(key);
      rank += 1;
      const entry = fused.get(key);
      if (entry) {
        entry.score += 1 / (k + rank);
        entry.result = merge(entry.result, result);
      } else {
        fused.set(key, { result, score: 1 / (k + rank), order: order++ });
      }
    }
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((entry) => entry.result);
}

/** One list without its duplicates, order kept. */
export function dedupeResults<T extends SearchResult>(list: T[]): T[] {
  return fuseRankings([list]);
}
