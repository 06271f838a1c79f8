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

  it('keeps no buffer longer than its limit after encoding a longer piece', () => {
    const small = new BytePairEncoder(
      vocabulary([
        ['a', 0],
        ['b', 1],
        ['ab', 2],
      ]),
      /\S+|\s+/gu,
      0,
      12,
    );
    const held = () => {
      const buffers = small as unknown as { scratch: Uint8Array; piece: Uint8Array };
      return Math.max(buffers.scratch.byteLength, buffers.piece.byteLength);
    };
    expect(small.encode('ab')).toEqual([2]);
    expect(small.encode('abababab')).toEqual([2, 2, 2, 2]);
    expect(small.encode('ab'.repeat(50))).toEqual(Array.from({ length: 50 }, () => 2));
    expect(held()).toBeLessThanOrEqual(12);
    expect(small.count('ab'.repeat(50))).toBe(50);
    expect(held()).toBeLessThanOrEqual(12);
    expect(small.encode('ba')).toEqual([1, 0]);
  });
});
