import { describe, expect, it } from '@jest/globals';
import { cutAtTokens, tokenEnds } from './token-cuts';
import { truncateToTokens } from './truncate-tokens';

const texts = [
  'The search cache keeps results for five minutes; replicas share them through Redis.',
  'Grüße aus Köln — naïve café déjà vu, 東京の天気は晴れです。 ',
  '🙂'.repeat(40),
  'short',
  '',
];

describe('cutAtTokens', () => {
  it('cuts exactly as truncateToTokens does, for every budget', () => {
    for (const text of texts) {
      const ends = tokenEnds(text);
      for (let maxTokens = 1; maxTokens <= ends.length + 2; maxTokens += 1) {
        expect(cutAtTokens(text, ends, maxTokens)).toBe(truncateToTokens(text, maxTokens));
      }
    }
  });

  it('records one end per token, the last at the end of the text', () => {
    const text = texts[1];
    const ends = tokenEnds(text);
    expect(ends.at(-1)).toBe(text.length);
    expect([...ends].sort((a, b) => a - b)).toEqual(ends);
  });
});
