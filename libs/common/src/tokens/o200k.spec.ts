import { describe, expect, it } from '@jest/globals';
import bundledRanks from 'gpt-tokenizer/bpeRanks/o200k_base';
import * as bundled from 'gpt-tokenizer';
import { MERGE_CACHE_ENTRIES, o200k, readO200kRanks } from './o200k';

const AS_TEXT = { disallowedSpecial: new Set<string>() };

describe('o200k read from the .tiktoken data file', () => {
  it('has exactly the vocabulary of gpt-tokenizer’s bundled o200k module, rank by rank', () => {
    const ranks = readO200kRanks();
    expect(ranks.length).toBe(bundledRanks.length);
    const differing: number[] = [];
    for (let rank = 0; rank < bundledRanks.length; rank += 1) {
      if (JSON.stringify(ranks[rank]) !== JSON.stringify(bundledRanks[rank])) differing.push(rank);
    }
    expect(differing).toEqual([]);
    // Tokens that are not whole UTF-8 characters are kept as bytes, as the bundled module does.
    expect(ranks.filter((entry) => Array.isArray(entry)).length).toBeGreaterThan(0);
  });

  it('encodes, counts and decodes like gpt-tokenizer’s own o200k', () => {
    const texts = [
      'How does Answergate cache search results?',
      'Ünïcödé — “quotes”, emoji 🧭🚀, 中文分词, русский текст, عربى',
      'special spellings as text: <|endoftext|> <|im_start|>user',
      `${'x'.repeat(300)} tabs\tand\nnewlines\r\n`,
    ];
    for (const text of texts) {
      const tokens = o200k.encode(text, AS_TEXT);
      expect(tokens).toEqual(bundled.encode(text, AS_TEXT));
      expect(o200k.countTokens(text, AS_TEXT)).toBe(tokens.length);
      expect(o200k.decode(tokens)).toBe(text);
    }
  });

  it('remembers the merges of at most MERGE_CACHE_ENTRIES pieces, however many different words it counts', () => {
    const core = (
      o200k as unknown as { bytePairEncodingCoreProcessor: { mergeCache?: Map<string, number[]> } }
    ).bytePairEncodingCoreProcessor;
    // Made-up words of letters only (one pre-tokenizer piece each) that are no single token,
    // so each one is merged and remembered.
    const letters = (n: number) =>
      [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    const words = Array.from({ length: MERGE_CACHE_ENTRIES + 500 }, (_, i) => ` zq${letters(i)}xv`);
    o200k.countTokens(words.join(''), AS_TEXT);
    expect(core.mergeCache?.size).toBe(MERGE_CACHE_ENTRIES);
    expect(MERGE_CACHE_ENTRIES).toBeLessThanOrEqual(10_000);
  });
});
