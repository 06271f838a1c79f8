import { describe, expect, it } from '@jest/globals';
import { toWireImage } from './wire-mappers';

const image = { imageUrl: 'https://i.example/a.png', originUrl: 'https://i.example/', title: 'A' };

describe('toWireImage', () => {
  it('sends width and height only as a pair of numbers', () => {
    expect(toWireImage({ ...image, width: 640, height: 480 })).toMatchObject({
      width: 640,
      height: 480,
    });
    for (const size of [{}, { width: 640 }, { width: Number.NaN, height: 480 }]) {
      const wire = toWireImage({ ...image, ...size });
      expect('width' in wire || 'height' in wire).toBe(false);
    }
  });
});
