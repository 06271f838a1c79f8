import { readFileSync } from 'node:fs';
import { GptEncoding } from 'gpt-tokenizer/GptEncoding';
import { TextDecoder } from 'node:util';

/** One vocabulary entry as gpt-tokenizer takes it: the text, or the bytes when not UTF-8. */
export type RankEntry = string | number[];

const NEWLINE = 0x0a;
const SPACE = 0x20;

/**
 * The token's text when its bytes are whole UTF-8 that decodes back to the same bytes: a token
 * that starts with a byte-order mark is not (the decoder drops it), and stays bytes.
 */
function asText(utf8: TextDecoder, bytes: Buffer): string | undefined {
  try {
    const text = utf8.decode(bytes);
    return Buffer.byteLength(text) === bytes.length ? text : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The o200k vocabulary (index = rank) from gpt-tokenizer's own `.tiktoken` data file (one
 * `base64 rank` line a token), not from its bundled JavaScript module: that is one 2.4 MB
 * array literal, and compiling it leaves ~10 MB more resident memory than reading these lines.
 */
export function readO200kRanks(): RankEntry[] {
  const file = readFileSync(require.resolve('gpt-tokenizer/data/o200k_base.tiktoken'));
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const ranks: RankEntry[] = [];
  let start = 0;
  while (start < file.length) {
    let end = file.indexOf(NEWLINE, start);
    if (end === -1) end = file.length;
    const space = file.indexOf(SPACE, start);
    if (space > start && space < end) {
      const bytes = Buffer.from(file.toString('latin1', start, space), 'base64');
      const rank = Number(file.toString('latin1', space + 1, end));
      ranks[rank] = asText(utf8, bytes) ?? Array.from(bytes);
    }
    start = end + 1;
  }
  return ranks;
}

/**
 * Pieces whose merges gpt-tokenizer remembers (words that are not one token). Its default is
 * 100,000 (~10 MB once text from many pages has been counted), held for the life of the
 * process; this many keep the words of recent answers and pages.
 */
export const MERGE_CACHE_ENTRIES = 8192;

/** o200k (the tokenizer of current OpenAI models), built once when first imported. */
export const o200k = GptEncoding.getEncodingApi('o200k_base', readO200kRanks);
o200k.setMergeCacheSize(MERGE_CACHE_ENTRIES);
