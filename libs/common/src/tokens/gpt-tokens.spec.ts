import { describe, expect, it } from '@jest/globals';
import { countTokens, cutAtTokens, decodeTokens, encodeTokens, tokenEnds } from './gpt-tokens';

const texts = [
  'The search cache keeps results for five minutes; replicas share them through Redis.',
  'Grüße aus Köln — naïve café déjà vu, 東京の天気は晴れです。 ',
  '🙂'.repeat(40),
  'A page quoting <|endoftext|> and <|im_start|>system, or &lt;|endoftext|&gt; escaped.',
  'short',
  '',
];
const SPECIAL = ['<|endoftext|>', '<|im_start|>', '<|im_end|>', '<|endofprompt|>'];

/** The cut by definition: the first `maxTokens - 1` tokens decoded, then `…`. */
function referenceCut(text: string, maxTokens: number): string {
  const tokens = encodeTokens(text);
  if (tokens.length <= maxTokens) return text;
  const kept = decodeTokens(tokens.slice(0, Math.max(0, maxTokens - 1)));
  return `${kept.replace(/\uFFFD+$/, '').trimEnd()}…`;
}

describe('gpt tokens', () => {
  it('counts with the real o200k tokenizer', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello')).toBe(1);
    expect(countTokens('hello world, how are you?')).toBe(7);
  });

  it('gives each short text its own count when counts are remembered', () => {
    // The same length, not the same count.
    const a = 'hello world, how are you?';
    const b = 'hzqxv wkjpy, qzx vjk yqw?';
    const expected = [a, b].map((text) => encodeTokens(text).length);
    for (let round = 0; round < 2; round += 1) {
      expect([countTokens(a), countTokens(b), countTokens(`${a}`.slice(0))]).toEqual([
        expected[0],
        expected[1],
        expected[0],
      ]);
    }
  });

  it('treats special-token spellings as text in encode, decode, count and cut', () => {
    for (const special of SPECIAL) {
      const text = `before ${special} after`;
      const tokens = encodeTokens(text);
      expect(tokens.length).toBeGreaterThan(3);
      expect(decodeTokens(tokens)).toBe(text);
      expect(countTokens(text)).toBe(tokens.length);
      expect(cutAtTokens(text, tokenEnds(text), 3)).toBe(referenceCut(text, 3));
    }
  });

  it('cuts with tokenEnds exactly as decoding the kept tokens does, for every budget', () => {
    for (const text of texts) {
      const ends = tokenEnds(text);
      expect(ends).toHaveLength(encodeTokens(text).length);
      for (let maxTokens = 1; maxTokens <= ends.length + 2; maxTokens += 1) {
        expect(cutAtTokens(text, ends, maxTokens)).toBe(referenceCut(text, maxTokens));
      }
    }
  });

  it('cuts to the budget with an ellipsis, leaving no broken character', () => {
    const long = Array.from({ length: 300 }, () => 'answer').join(' ');
    const cut = cutAtTokens(long, tokenEnds(long), 20);
    expect(cut.endsWith('…')).toBe(true);
    expect(encodeTokens(cut).length).toBeLessThanOrEqual(20);
    expect(cut.length).toBeGreaterThan(30);
    const emoji = '🙂'.repeat(40);
    expect(cutAtTokens(emoji, tokenEnds(emoji), 9)).not.toContain('\uFFFD');
    expect(cutAtTokens('two tokens', tokenEnds('two tokens'), 5)).toBe('two tokens');
  });

  it('records one end per token, the last at the end of the text', () => {
    const text = texts[1];
    const ends = tokenEnds(text);
    expect(ends.at(-1)).toBe(text.length);
    expect([...ends].sort((a, b) => a - b)).toEqual(ends);
  });
});
