import { countTokens } from '@answergate/common';
import { type CachedResult, cutResult, snippetTokenEnds } from '../cache/cached-result';
import type { SearchResult } from '../search.types';

/**
 * True when `snippet` has at most `allowed` tokens: surely so when it has no more UTF-8 bytes
 * (a token is at least one byte), else counted, which is half the work of its boundaries.
 */
function fitsWhole(snippet: string, allowed: number): boolean {
  return Buffer.byteLength(snippet) <= allowed || countTokens(snippet) <= allowed;
}

/**
 * Snippets cut to `perPage` tokens each and to `total` tokens over all results, in rank
 * order; a result left with no budget is dropped (Perplexity's `max_tokens`). Token
 * boundaries are computed only for a snippet that needs a cut, or when a `total` needs its
 * count; a snippet that fits is only counted, or not even that (`fitsWhole`).
 */
export function withinTokenBudget(
  ranked: readonly CachedResult[],
  perPage = Infinity,
  total = Infinity,
): SearchResult[] {
  let remaining = total;
  const kept: SearchResult[] = [];
  for (const cached of ranked) {
    const allowed = Math.min(perPage, remaining);
    if (allowed <= 0) break;
    const { result } = cached;
    if (remaining === Infinity && fitsWhole(result.snippet, allowed)) {
      kept.push(result);
      continue;
    }
    const ends = snippetTokenEnds(cached);
    kept.push(ends.length > allowed ? cutResult(cached, ends, allowed) : result);
    remaining -= Math.min(ends.length, allowed);
  }
  return kept;
}
