import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as bundled from 'gpt-tokenizer';
import { RECENT_PIECES } from './byte-pair-encoder';
import { MERGE_CACHE_ENTRIES, o200k } from './o200k';

const AS_TEXT = { disallowedSpecial: new Set<string>() };

/** Deterministic pseudo-random text mixing scripts, emoji, digits, spaces and punctuation. */
function mixedText(seed: number, length: number): string {
  const alphabet = [
    ...'abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,;:!?\'"()[]{}<>|/\\-_=+*&^%$#@~`\n\r\t',
    ...'äöüßéèçñ ÆØÅ ĳœ ſ',
    ...'東京の天気は晴れです 中文分词 русский текст عربى हिन्दी',
    '😀',
    '🧭',
    '👩‍👩‍👧',
    '\u{1d518}',
    '\u200b',
    '<|endoftext|>',
    '<|im_start|>',
  ];
  let state = seed;
  let text = '';
  while (text.length < length) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

const docs = readdirSync(join(__dirname, '../../../../docs')).map((file) =>
  readFileSync(join(__dirname, '../../../../docs', file), 'utf8'),
);

const texts = [
  '',
  'How does Answergate cache search results?',
  'Ünïcödé — “quotes”, emoji 🧭🚀, 中文分词, русский текст, عربى',
  'special spellings as text: <|endoftext|> <|im_start|>user <|fim_prefix|>',
  `${'x'.repeat(300)} tabs\tand\nnewlines\r\n`,
  'lone surrogates \ud800 and \udfff stay text',
  ' '.repeat(50) + '\n\n\n' + '1234567890'.repeat(5),
  ...docs,
  ...Array.from({ length: 40 }, (_, i) => mixedText(i + 1, 400)),
];

describe('o200k (BytePairEncoder over gpt-tokenizer’s o200k data)', () => {
  it('encodes, counts and decodes exactly like gpt-tokenizer’s own o200k, on the docs and on mixed scripts', () => {
    for (const text of texts) {
      const tokens = o200k.encode(text);
      expect([text.slice(0, 40), tokens]).toEqual([
        text.slice(0, 40),
        bundled.encode(text, AS_TEXT),
      ]);
      expect(o200k.count(text)).toBe(tokens.length);
      expect(o200k.decode(tokens)).toBe(bundled.decode(tokens));
    }
  });

  it('gives where each token ends at the last whole character its bytes complete', () => {
    // Each token's bytes from the .tiktoken file itself, decoded as a stream: the decoder holds
    // a character cut between tokens until the token that completes it.
    const file = readFileSync(require.resolve('gpt-tokenizer/data/o200k_base.tiktoken'), 'latin1');
    const tokenBytes = new Map<number, Buffer>();
    for (const line of file.split('\n')) {
      const [base64, rank] = line.split(' ');
      if (rank) tokenBytes.set(Number(rank), Buffer.from(base64, 'base64'));
    }
    for (const text of texts) {
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      let length = 0;
      const expected = bundled
        .encode(text, AS_TEXT)
        .map((token) => (length += decoder.decode(tokenBytes.get(token), { stream: true }).length));
      expect([text.slice(0, 40), o200k.tokenEnds(text)]).toEqual([text.slice(0, 40), expected]);
    }
    // A four-byte character split over two tokens ends with the second, never inside its pair.
    expect(o200k.tokenEnds('emoji 🧭').at(-1)).toBe('emoji 🧭'.length);
  });

  it('encodes a byte-order mark by its bytes, as tiktoken does (gpt-tokenizer decodes and drops it)', () => {
    // 5574 is the token of exactly EF BB BF.
    expect(o200k.encode('\ufeff')).toEqual([5574]);
    expect(o200k.decode([5574])).toBe('\ufeff');
    expect(bundled.encode('\ufeff', AS_TEXT)).not.toEqual([5574]);
    const text = 'a\ufeffb';
    expect(o200k.decode(o200k.encode(text))).toBe(text);
  });

  it('holds the vocabulary in typed arrays of under 6 MB', () => {
    const held = o200k as unknown as { bytes: Uint8Array; starts: Uint32Array; table: Int32Array };
    const bytes = held.bytes.byteLength + held.starts.byteLength + held.table.byteLength;
    expect(bytes).toBeLessThan(6 * 1024 * 1024);
    expect(held.starts.length).toBeGreaterThan(199_990);
  });

  it('refuses to decode a token that is not in the vocabulary', () => {
    expect(() => o200k.decode([199_999])).toThrow(RangeError);
  });

  it('remembers the merges of at most MERGE_CACHE_ENTRIES pieces and the lookups of at most RECENT_PIECES, however many different words it counts', () => {
    const merged = (o200k as unknown as { merged: Map<string, number[]> }).merged;
    // Made-up words of letters only (one pre-tokenizer piece each) that are no single token,
    // so each one is merged and remembered.
    const letters = (n: number) =>
      [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    const words = Array.from({ length: MERGE_CACHE_ENTRIES + 500 }, (_, i) => ` zq${letters(i)}xv`);
    o200k.count(words.join(''));
    expect(merged.size).toBe(MERGE_CACHE_ENTRIES);
    const recent = (o200k as unknown as { recentPieces: Map<string, number> }).recentPieces;
    expect(recent.size).toBeGreaterThan(0);
    expect(recent.size).toBeLessThanOrEqual(RECENT_PIECES);
    expect(MERGE_CACHE_ENTRIES).toBeLessThanOrEqual(10_000);
  });
});
