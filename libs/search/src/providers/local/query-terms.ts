import type SearchableMap from 'minisearch/SearchableMap';

/** One indexed term a query term matched, with the weight its score counts at. */
export interface Expansion {
  /** The indexed term (what snippets look for). */
  term: string;
  id: number;
  weight: number;
  /** The query term it stands for, as a bit. */
  bit: number;
}

/** Weights of inexact matches, MiniSearch's defaults (they ranked the shipped docs before). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Prefix matching on the last term only (the one a user may not have finished), from 3 characters. */
export const MIN_PREFIX_CHARS = 3;
/** One typo, in terms of 5+ characters: shorter ones would match too many other words. */
export const MIN_FUZZY_CHARS = 5;

/** Exact matches of every term, and longer words starting with the last one. */
export function exactAndPrefix(
  terms: readonly string[],
  dictionary: SearchableMap<number>,
): Expansion[] {
  const found: Expansion[] = [];
  terms.forEach((term, index) => {
    const bit = 1 << index;
    const id = dictionary.get(term);
    if (id !== undefined) found.push({ term, id, weight: 1, bit });
    if (index !== terms.length - 1 || term.length < MIN_PREFIX_CHARS) return;
    for (const [longer, longerId] of dictionary.atPrefix(term)) {
      if (longer.length === term.length) continue;
      const distance = longer.length - term.length;
      const weight = (PREFIX_WEIGHT * longer.length) / (longer.length + 0.3 * distance);
      found.push({ term: longer, id: longerId, weight, bit });
    }
  });
  return found;
}

/** Words one edit away from each long enough term, leaving out those already matched. */
export function oneTypo(
  terms: readonly string[],
  dictionary: SearchableMap<number>,
  matched: readonly Expansion[],
): Expansion[] {
  const seen = new Set(matched.map((expansion) => `${expansion.bit}:${expansion.id}`));
  const found: Expansion[] = [];
  terms.forEach((term, index) => {
    if (term.length < MIN_FUZZY_CHARS) return;
    const bit = 1 << index;
    for (const [near, [id, distance]] of dictionary.fuzzyGet(term, 1)) {
      if (distance === 0 || seen.has(`${bit}:${id}`)) continue;
      const weight = (FUZZY_WEIGHT * near.length) / (near.length + distance);
      found.push({ term: near, id, weight, bit });
    }
  });
  return found;
}
