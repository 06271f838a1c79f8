import type { SearchResult } from '../search.types';

/** The usual RRF constant: dampens the gap between first and second place. */
export const RRF_K = 60;

interface Fused<T> {
  item: T;
  score: number;
  order: number;
}

/** Keeps the first-seen result's text and fills in dates the first one lacked. */
export function mergeDates<T extends SearchResult>(kept: T, other: SearchResult): T {
  if (kept.date && kept.lastUpdated) return kept;
  return {
    ...kept,
    date: kept.date ?? other.date,
    lastUpdated: kept.lastUpdated ?? other.lastUpdated,
  };
}

/**
 * Reciprocal-rank fusion (score = sum of 1 / (k + rank)) of lists of anything with a page
 * identity `keyOf`: a page found by several lists rises, and appears once (`merge` combines
 * the copies). Ties keep first-seen order, so one list comes back unchanged but deduplicated.
 */
export function fuseBy<T>(
  lists: readonly (readonly T[])[],
  keyOf: (item: T) => string,
  merge: (kept: T, other: T) => T,
  k = RRF_K,
): T[] {
  // One list (one query, the usual case) fuses to itself: its first copy of each page, in order.
  if (lists.length === 1) return firstOfEach(lists[0], keyOf);
  const fused = new Map<string, Fused<T>>();
  let order = 0;
  for (const list of lists) {
    const seen = new Set<string>();
    let rank = 0;
    for (const item of list) {
      const key = keyOf(item);
      if (seen.has(key)) continue;
      seen.add(key);
      rank += 1;
      const entry = fused.get(key);
      if (entry) {
        entry.score += 1 / (k + rank);
        entry.item = merge(entry.item, item);
      } else {
        fused.set(key, { item, score: 1 / (k + rank), order: order++ });
      }
    }
  }
  return [...fused.values()]
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map((entry) => entry.item);
}

function firstOfEach<T>(list: readonly T[], keyOf: (item: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const key = keyOf(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
