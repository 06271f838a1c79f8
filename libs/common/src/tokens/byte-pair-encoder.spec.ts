import { describe, expect, it } from '@jest/globals';
import { BytePairEncoder } from './byte-pair-encoder';

/** `.tiktoken` lines for `tokens` (text → rank), in the order given. */
const vocabulary = (tokens: [string, number][]) =>
  Buffer.from(
    tokens.map(([text, rank]) => `${Buffer.from(text).toString('base64')} ${rank}`).join('\n'),
  );

describe('BytePairEncoder', () => {
  // Rank 2 is unused and the lines are out of order, as a vocabulary file may have them.
  const encoder = new BytePairEncoder(
    vocabulary([
      ['ab', 3],
      ['a', 0],
      ['b', 1],
      [' ', 4],
      ['abc', 5],
      ['c', 6],
      ['bc', 7],
    ]),
    /\S+|\s+/gu,
    2,
  );

  it('looks a whole piece up, and merges any other from its bytes, the lowest rank first', () => {
    expect(encoder.encode('ab')).toEqual([3]);
    expect(encoder.encode('abab ba')).toEqual([3, 3, 4, 1, 0]);
    // ab (3) merges before bc (7); abc (5) then joins ab and c.
    expect(encoder.encode('abcab')).toEqual([5, 3]);
    expect(encoder.count('abab ba')).toBe(5);
  });

  it('decodes tokens back to their text, an unused rank to nothing', () => {
    expect(encoder.decode([5, 4, 1, 0])).toBe('abc ba');
    expect(encoder.decode([2])).toBe('');
    expect(() => encoder.decode([8])).toThrow(RangeError);
  });

  it('refuses text with a byte that is no token, rather than dropping it', () => {
    expect(() => encoder.encode('abd')).toThrow(/no token/);
  });
});
