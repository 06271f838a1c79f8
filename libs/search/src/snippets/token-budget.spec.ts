import { describe, expect, it } from '@jest/globals';
import { cutAtTokens, tokenEnds } from '@answergate/common';
import { type CachedResult, toCachedResult } from '../cache/cached-result';
import type { SearchResult } from '../search.types';
import { withinTokenBudget } from './token-budget';

const result = (snippet: string, n = 0): SearchResult => ({
  title: `Page ${n}`,
  url: `https://example.com/${n}`,
  snippet,
  date: null,
  lastUpdated: null,
});

/** The cut every snippet got when its token boundaries were computed up front, for any budget. */
function eagerBudget(results: SearchResult[], perPage = Infinity, total = Infinity): string[] {
  let remaining = total;
  const kept: string[] = [];
  for (const { snippet } of results) {
    const allowed = Math.min(perPage, remaining);
    if (allowed <= 0) break;
    const ends = tokenEnds(snippet);
    kept.push(cutAtTokens(snippet, ends, allowed));
    remaining -= Math.min(ends.length, allowed);
  }
  return kept;
}

const SNIPPETS = [
  'Retention policies keep archived records for seven years, then delete them.',
  // Four characters, twelve UTF-8 bytes, eight tokens: more tokens than characters.
  '龘龘龘龘',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text, 😀😀😀 and ÆØÅ in one snippet.',
  '',
  'word '.repeat(300).trim(),
];

describe('withinTokenBudget', () => {
  it('cuts exactly as boundaries computed up front did, for every per-page and total budget', () => {
    const results = SNIPPETS.map(result);
    for (const perPage of [undefined, 1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 20, 64, 512]) {
      for (const total of [undefined, 1, 5, 9, 30, 100, 1000]) {
        const lazy = withinTokenBudget(results.map(toCachedResult), perPage, total);
        expect([perPage, total, lazy.map((r) => r.snippet)]).toEqual([
          perPage,
          total,
          eagerBudget(results, perPage, total),
        ]);
      }
    }
  });

  it('cuts a snippet with more tokens than characters although its characters fit the budget', () => {
    const [kept] = withinTokenBudget([toCachedResult(result('龘龘龘龘'))], 5);
    expect(kept.snippet).toBe(cutAtTokens('龘龘龘龘', tokenEnds('龘龘龘龘'), 5));
    expect(kept.snippet.endsWith('…')).toBe(true);
  });

  it('does not tokenize snippets that fit the per-page budget when no total is asked', () => {
    const cached = SNIPPETS.slice(0, 4).map((s, i) => toCachedResult(result(s, i)));
    const kept = withinTokenBudget(cached, 512);
    expect(kept.map((r) => r.snippet)).toEqual(SNIPPETS.slice(0, 4));
    expect(cached.map((c) => c.tokenEnds)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('keeps a snippet whole without its boundaries when its bytes exceed the budget but its tokens fit', () => {
    const snippet = SNIPPETS[4]; // 300 tokens, 1,499 bytes
    const cached = toCachedResult(result(snippet));
    expect(withinTokenBudget([cached], 400).map((r) => r.snippet)).toEqual([snippet]);
    expect(cached.tokenEnds).toBeUndefined();
  });

  it('gives every request for the same cached result and cut size the same cut result, not a copy each', () => {
    const cached: CachedResult = toCachedResult(result(SNIPPETS[4]));
    const [first] = withinTokenBudget([cached], 10);
    const [again] = withinTokenBudget([cached], 10);
    expect(again).toBe(first);
    expect(again.snippet).toBe(cutAtTokens(SNIPPETS[4], tokenEnds(SNIPPETS[4]), 10));
    const [other] = withinTokenBudget([cached], 20);
    expect(other.snippet).toBe(cutAtTokens(SNIPPETS[4], tokenEnds(SNIPPETS[4]), 20));
    expect(withinTokenBudget([cached], 10)[0].snippet).toBe(first.snippet);
  });

  it('tokenizes a cached snippet once, however many cuts are made from it', () => {
    const cached: CachedResult = toCachedResult(result(SNIPPETS[4]));
    withinTokenBudget([cached], 10);
    const first = cached.tokenEnds;
    expect(Array.from(first ?? [])).toEqual(tokenEnds(SNIPPETS[4]));
    withinTokenBudget([cached], 20);
    expect(cached.tokenEnds).toBe(first);
  });

  it("keeps a cached snippet's token ends in two bytes each, the same ends as the tokenizer gives", () => {
    const cached: CachedResult = toCachedResult(result(SNIPPETS[4]));
    withinTokenBudget([cached], 10);
    const ends = tokenEnds(SNIPPETS[4]);
    expect(cached.tokenEnds).toBeInstanceOf(Uint16Array);
    expect(cached.tokenEnds?.byteLength).toBe(2 * ends.length);
    expect(Array.from(cached.tokenEnds ?? [])).toEqual(ends);
  });
});
