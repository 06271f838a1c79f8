import { LRUCache } from 'lru-cache';
import { o200k } from './o200k';
import { countTextTokens } from './token-counter';

/**
 * With `token-counter.ts`, the one place that tokenizes, through `o200k.ts` (o200k, the tokenizer of current OpenAI models).
 * Text from users and web pages may contain `<|endoftext|>`, `<|im_start|>` and the like:
 * every function here encodes them as the plain text they are, and never throws on them.
 */

/** The tokens of `text`, special-token spellings encoded as ordinary text. */
export function encodeTokens(text: string): number[] {
  return o200k.encode(text);
}

/** The text of `tokens` (a cut inside a character leaves U+FFFD at the end). */
export function decodeTokens(tokens: readonly number[]): string {
  return o200k.decode(tokens);
}

/** Texts up to this long have their counts remembered (a search result's snippet, a passage). */
const REMEMBERED_MAX_CHARS = 2048;

/**
 * Counts of the last short texts counted: an answer's snippets are counted for their cut at
 * search time, then again against its context budget, before its first token. At most
 * 256 × 2,048 characters are held.
 */
const recentCounts = new LRUCache<string, number>({ max: 256 });

/**
 * Tokens in `text`: the usage estimate when an upstream reports none. Long text is counted in
 * pieces, so a huge run without spaces costs linear time (exact everywhere else).
 */
export function countTokens(text: string): number {
  if (text.length > REMEMBERED_MAX_CHARS) return countTextTokens(text);
  let tokens = recentCounts.get(text);
  if (tokens === undefined) {
    tokens = countTextTokens(text);
    recentCounts.set(text, tokens);
  }
  return tokens;
}

/**
 * Where each token of `text` ends, in characters (a token that ends inside a character
 * ends where the last whole character does). Computed once when a result is cached, it
 * turns every later cut (`cutAtTokens`) into a slice.
 */
export function tokenEnds(text: string): number[] {
  return o200k.tokenEnds(text);
}

/**
 * `text` cut to at most `maxTokens` tokens, ending with `…` (counted as one token) when
 * something was cut; `ends` is `tokenEnds(text)`.
 */
export function cutAtTokens(text: string, ends: ArrayLike<number>, maxTokens: number): string {
  if (ends.length <= maxTokens) return text;
  const keep = Math.max(0, maxTokens - 1);
  const kept = keep > 0 ? text.slice(0, ends[keep - 1]) : '';
  return `${kept.replace(/\uFFFD+$/, '').trimEnd()}…`;
}
