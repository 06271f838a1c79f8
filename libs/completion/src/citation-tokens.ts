import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { countTokens } from '@answergate/common';
import type { NumberedSource } from '@answergate/llm';
import { formatSource, SOURCE_SEPARATOR } from './numbered-sources';

/** Distinct source blocks remembered; a key is a 27-character hash, a value a number. */
const MAX_REMEMBERED = 4096;
const counted = new LRUCache<string, number>({ max: MAX_REMEMBERED });

/** BPE count of one block, remembered by the block's hash: answers keep citing the same pages. */
function blockTokens(block: string): number {
  const key = createHash('sha1').update(block).digest('base64');
  let tokens = counted.get(key);
  if (tokens === undefined) {
    tokens = countTokens(block);
    counted.set(key, tokens);
  }
  return tokens;
}

/**
 * Tokens of the prompt's sources block (`formatSources`), as the sum over its sources.
 * Exact, not an estimate: every block after a separator starts with `[n]`, which always
 * begins a new pre-tokenizer piece, so no BPE merge crosses a block boundary when each
 * block is counted with the separator that follows it.
 */
export function countCitationTokens(sources: readonly NumberedSource[]): number {
  return sources.reduce((sum, source, i) => {
    const block = formatSource(source);
    return sum + blockTokens(i < sources.length - 1 ? block + SOURCE_SEPARATOR : block);
  }, 0);
}
