import { tokenEnds } from '@answergate/common';
import { normalizeUrl } from '../ranking/normalize-url';
import type { SearchResult } from '../search.types';

/**
 * A search result as the cache keeps it, with the work every cache hit would otherwise
 * repeat done once when it was fetched: the page's identity for fusion, and where the
 * snippet's tokens end for `max_tokens_per_page`.
 */
export interface CachedResult {
  result: SearchResult;
  /** `normalizeUrl(result.url)`. */
  key: string;
  tokenEnds: number[];
}

/** Bumped when `CachedResult` changes, so a shared cache never answers in an older shape. */
export const CACHED_RESULT_FORMAT = 2;

export function toCachedResult(result: SearchResult): CachedResult {
  return { result, key: normalizeUrl(result.url), tokenEnds: tokenEnds(result.snippet) };
}
