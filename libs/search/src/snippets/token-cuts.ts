import { decode, decodeGenerator, encode } from 'gpt-tokenizer';

/**
 * Where each o200k token of `text` ends, in characters (a token that ends inside a
 * character ends where the last whole character does). Computed once when a result is
 * cached, it turns every later `max_tokens_per_page` cut into a slice.
 */
export function tokenEnds(text: string): number[] {
  const tokens = encode(text);
  const ends: number[] = [];
  let length = 0;
  for (const piece of decodeGenerator(tokens)) {
    length += piece.length;
    ends.push(length);
  }
  if (ends.length === tokens.length) return ends;
  // The decoder yielded other than one piece per token: measure each prefix instead.
  return tokens.map((_, i) => decode(tokens.slice(0, i + 1)).replace(/\uFFFD+$/, '').length);
}

/**
 * `text` cut to at most `maxTokens` tokens, ending with `…` (counted as one token) when
 * something was cut: the same text as `truncateToTokens`, without tokenizing again.
 */
export function cutAtTokens(text: string, ends: readonly number[], maxTokens: number): string {
  if (ends.length <= maxTokens) return text;
  const keep = Math.max(0, maxTokens - 1);
  const kept = keep > 0 ? text.slice(0, ends[keep - 1]) : '';
  return `${kept.replace(/\uFFFD+$/, '').trimEnd()}…`;
}
