import { decode, encode } from 'gpt-tokenizer';

const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** `text` cut to its first `maxTokens` tokens (o200k); `cut` says whether anything was lost. */
export function cutToTokens(text: string, maxTokens: number): { text: string; cut: boolean } {
  // Every token is at least one byte, so short text needs no tokenizing.
  if (Buffer.byteLength(text) <= maxTokens) return { text, cut: false };
  const tokens = encode(text, AS_TEXT);
  if (tokens.length <= maxTokens) return { text, cut: false };
  // A cut inside a multi-byte character decodes to U+FFFD: drop it.
  return { text: decode(tokens.slice(0, maxTokens)).replace(/\uFFFD+$/, ''), cut: true };
}
