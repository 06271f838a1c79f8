import { decode, encode } from 'gpt-tokenizer';

/**
 * Cuts text to at most `maxTokens` tokens (o200k, the tokenizer of current OpenAI
 * models), ending with `…` when something was cut. The ellipsis counts as one token.
 */
export function truncateToTokens(text: string, maxTokens: number): string {
  // Every token is at least one byte, so short text needs no tokenizing.
  if (Buffer.byteLength(text) <= maxTokens) return text;
  const tokens = encode(text);
  if (tokens.length <= maxTokens) return text;
  const kept = decode(tokens.slice(0, Math.max(0, maxTokens - 1)))
    .replace(/\uFFFD+$/, '')
    .trimEnd();
  return `${kept}…`;
}
