import { describe, expect, it } from '@jest/globals';
import { countTokens as bpeCount } from 'gpt-tokenizer';
import { COUNT_PIECE_CHARS, countTextTokens, TokenCounter } from './token-counter';

const AS_TEXT = { disallowedSpecial: new Set<string>() };
const exact = (text: string) => bpeCount(text, AS_TEXT);

const PROSE =
  'The search cache keeps results for five minutes; replicas share them through Redis [1]. ' +
  'Grüße aus Köln — naïve café déjà vu, 東京の天気は晴れです。 It costs 1,234.5 USD in 2026!\n' +
  'Special spellings like <|endoftext|> are text here.  Two  spaces, tabs\tand 🙂 emoji. ';

/** `text` in pieces of 1 to 37 characters, as a stream would deliver it. */
function pieces(text: string): string[] {
  const out: string[] = [];
  for (let at = 0, n = 1; at < text.length; at += n, n = (n * 7) % 37 || 1) {
    out.push(text.slice(at, at + n));
  }
  return out;
}

describe('TokenCounter', () => {
  it('counts streamed prose exactly as tokenizing the whole text does', () => {
    const text = PROSE.repeat(60); // ~15,000 characters: many cuts
    const counter = new TokenCounter();
    for (const piece of pieces(text)) counter.push(piece);
    expect(counter.total).toBe(exact(text));
    expect(countTextTokens(text)).toBe(exact(text));
  });

  it('counts a short text without holding it back', () => {
    const counter = new TokenCounter();
    counter.push('hello ');
    counter.push('world');
    expect(counter.total).toBe(exact('hello world'));
    expect(new TokenCounter().total).toBe(0);
  });

  it(`counts a run with no spaces in ${COUNT_PIECE_CHARS}-character pieces (BPE is quadratic in a piece's length)`, () => {
    // Cutting inside its words changes the count (1,043 against 1,040): the cuts show.
    const run = 'Tokenization'.repeat(520);
    const counter = new TokenCounter();
    for (const piece of pieces(run)) counter.push(piece);
    let inPieces = 0;
    for (let at = 0; at < run.length; at += COUNT_PIECE_CHARS) {
      inPieces += exact(run.slice(at, at + COUNT_PIECE_CHARS));
    }
    expect(counter.total).toBe(inPieces);
    expect(countTextTokens(run)).toBe(inPieces);
    // An estimate: within a token per cut of the exact count.
    expect(Math.abs(inPieces - exact(run))).toBeLessThanOrEqual(3);
  });

  it('never cuts a run of astral characters inside a surrogate pair', () => {
    // With one letter first, a pair starts at every odd index: 2047 is the first half of one.
    const run = `x${'🙂'.repeat(1500)}`;
    const counter = new TokenCounter();
    for (const piece of pieces(run)) counter.push(piece);
    const whole =
      exact(run.slice(0, COUNT_PIECE_CHARS - 1)) + exact(run.slice(COUNT_PIECE_CHARS - 1));
    expect(counter.total).toBe(whole);
  });
});
