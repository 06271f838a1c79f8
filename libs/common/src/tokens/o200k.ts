import { readFileSync } from 'node:fs';
import { O200K_TOKEN_SPLIT_REGEX } from 'gpt-tokenizer/encodingParams/constants';
import { BytePairEncoder } from './byte-pair-encoder';

/**
 * Pieces whose merges are remembered (words that are not one token). gpt-tokenizer's default
 * is 100,000 (~10 MB once text from many pages has been counted), held for the life of the
 * process; this many keep the words of recent answers and pages.
 */
export const MERGE_CACHE_ENTRIES = 8192;

/**
 * o200k (the tokenizer of current OpenAI models), built once when first imported: gpt-tokenizer's
 * own `.tiktoken` data file and pre-tokenizer, held compactly (`BytePairEncoder`).
 */
export const o200k = new BytePairEncoder(
  readFileSync(require.resolve('gpt-tokenizer/data/o200k_base.tiktoken')),
  O200K_TOKEN_SPLIT_REGEX,
  MERGE_CACHE_ENTRIES,
);
