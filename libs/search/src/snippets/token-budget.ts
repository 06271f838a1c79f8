import { cutAtTokens } from '@answergate/common';
import { type CachedResult, snippetTokenEnds } from '../cache/cached-result';
import type { SearchResult } from '../search.types';

/**
 * Snippets cut to `perPage` tokens each and to `total` tokens over all results, in rank
 * order; a result left with no budget is dropped (Perplexity's `max_tokens`). A snippet is
 * tokenized only when it may need a cut, or when a `total` needs its count: a token is at
 * least one UTF-8 byte, so a snippet of no more bytes than it is allowed tokens is whole.
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
    if (remaining === Infinity && Buffer.byteLength(result.snippet) <= allowed) {
      kept.push(result);
      continue;
    }
    const ends = snippetTokenEnds(cached);
    kept.push(
      ends.length > allowed
        ? { ...result, snippet: cutAtTokens(result.snippet, ends, allowed) }
        : result,
    );
    remaining -= Math.min(ends.length, allowed);
  }
  return kept;
}
