import { decodeTokens, encodeTokens } from '@answergate/common';

/** `text` cut to its first `maxTokens` tokens (o200k); `cut` says whether anything was lost. */
export function cutToTokens(text: string, maxTokens: number): { text: string; cut: boolean } {
  // Every token is at least one byte, so short text needs no tokenizing.
  if (Buffer.byteLength(text) <= maxTokens) return { text, cut: false };
  const tokens = encodeTokens(text);
  if (tokens.length <= maxTokens) return { text, cut: false };
  // A cut inside a multi-byte character decodes to U+FFFD: drop it.
  return { text: decodeTokens(tokens.slice(0, maxTokens)).replace(/\uFFFD+$/, ''), cut: true };
}
