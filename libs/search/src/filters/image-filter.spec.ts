import { describe, expect, it } from '@jest/globals';
import { createImageFilter, imageFormat } from './image-filter';

const image = (imageUrl: string, originUrl = 'https://page.example.org/a') => ({
  imageUrl,
  originUrl,
  title: '',
});

describe('createImageFilter', () => {
  it('reads the format from the URL path, jpeg as jpg', () => {
    expect(imageFormat('https://cdn.example.com/a/b.JPEG?w=200')).toBe('jpg');
    expect(imageFormat('https://cdn.example.com/b.webp')).toBe('webp');
    expect(imageFormat('https://cdn.example.com/image')).toBeUndefined();
  });

  it('keeps only the formats asked for; an unknown format does not pass', () => {
    const accept = createImageFilter({ formats: ['png', 'jpeg'] });
    expect(accept(image('https://cdn.example.com/a.jpg'))).toBe(true);
    expect(accept(image('https://cdn.example.com/a.png'))).toBe(true);
    expect(accept(image('https://cdn.example.com/a.gif'))).toBe(false);
    expect(accept(image('https://cdn.example.com/a'))).toBe(false);
  });

  it('allows and denies by the image host or its page host', () => {
    const deny = createImageFilter({ domains: ['-gettyimages.com'] });
    expect(deny(image('https://media.gettyimages.com/a.jpg'))).toBe(false);
    expect(deny(image('https://cdn.example.com/a.jpg', 'https://www.gettyimages.com/p'))).toBe(
      false,
    );
    expect(deny(image('https://cdn.example.com/a.jpg'))).toBe(true);
    const allow = createImageFilter({ domains: ['example.com'] });
    expect(allow(image('https://cdn.example.com/a.jpg'))).toBe(true);
    expect(allow(image('https://cdn.other.net/a.jpg', 'https://www.example.com/p'))).toBe(true);
    expect(allow(image('https://cdn.other.net/a.jpg'))).toBe(false);
  });
});
