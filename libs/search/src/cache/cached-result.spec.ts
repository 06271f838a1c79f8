import { describe, expect, it } from '@jest/globals';
import { compactEnds } from './cached-result';

describe('compactEnds', () => {
  it('keeps the ends of a text shorter than 64 Ki characters in two bytes each', () => {
    const ends = compactEnds([3, 7, 65_535], 65_535);
    expect(ends).toBeInstanceOf(Uint16Array);
    expect(Array.from(ends)).toEqual([3, 7, 65_535]);
  });

  it('keeps the ends of a longer text in four bytes each, so an end past 65,535 survives', () => {
    const ends = compactEnds([3, 70_000], 70_000);
    expect(ends).toBeInstanceOf(Uint32Array);
    expect(Array.from(ends)).toEqual([3, 70_000]);
  });
});
