import { cutAtTokens, tokenEnds } from '@answergate/common';
import { normalizeUrl } from '../ranking/normalize-url';
import type { SearchResult } from '../search.types';

/**
 * A search result as the cache keeps it, with the work every cache hit would otherwise
 * repeat done once: the page's identity for fusion when it was fetched, and where the
 * snippet's tokens end (`max_tokens_per_page`) the first time a cut needs it.
 */
export interface CachedResult {
  result: SearchResult;
  /** `normalizeUrl(result.url)`. */
  key: string;
  /**
   * `tokenEnds(result.snippet)`, set by `snippetTokenEnds` when first needed: tokenizing every
   * snippet up front cost each uncached answer ~0.4 ms before its first token, and most
   * snippets never need a cut. Kept compact (see `compactEnds`): a cached snippet's ends
   * live as long as its cache entry.
   */
  tokenEnds?: Uint16Array | Uint32Array;
  /**
   * The result with its snippet cut to `cut.tokens` tokens, the last cut made: answers to a
   * cached question share one copy of each cut snippet for as long as they stream, instead
   * of holding one each.
   */
  cut?: { tokens: number; result: SearchResult };
}

/** Bumped when `CachedResult` changes, so a shared cache never answers in an older shape. */
export const CACHED_RESULT_FORMAT = 3;

export function toCachedResult(result: SearchResult): CachedResult {
  return { result, key: normalizeUrl(result.url) };
}

/**
 * Token ends in two bytes each for a text shorter than 64 Ki characters, else four: a plain
 * array of numbers takes eight bytes an entry, ~3 KB for a 1,000-character snippet's ends.
 */
export function compactEnds(
  ends: readonly number[],
  textLength: number,
): Uint16Array | Uint32Array {
  return endBytes(textLength) === 2 ? Uint16Array.from(ends) : Uint32Array.from(ends);
}

/** Bytes a token end of a text this long takes in `compactEnds`. */
export function endBytes(textLength: number): 2 | 4 {
  return textLength <= 0xffff ? 2 : 4;
}

/** Where the snippet's tokens end, computed once per cached result (in this process). */
export function snippetTokenEnds(cached: CachedResult): ArrayLike<number> {
  const { snippet } = cached.result;
  return (cached.tokenEnds ??= compactEnds(tokenEnds(snippet), snippet.length));
}

/** The result with its snippet cut to `tokens` tokens (`ends` = `snippetTokenEnds`), made once per cut size. */
export function cutResult(
  cached: CachedResult,
  ends: ArrayLike<number>,
  tokens: number,
): SearchResult {
  if (cached.cut?.tokens !== tokens) {
    const snippet = cutAtTokens(cached.result.snippet, ends, tokens);
    cached.cut = { tokens, result: { ...cached.result, snippet } };
  }
  return cached.cut.result;
}
