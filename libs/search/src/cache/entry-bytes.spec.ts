import { describe, expect, it } from '@jest/globals';
import { type CachedResult, cutResult, snippetTokenEnds, toCachedResult } from './cached-result';
import { entryBytes, heldBytes } from './entry-bytes';

const cachedResults = (count: number, snippetChars: number): CachedResult[] =>
  Array.from({ length: count }, (_, i) =>
    toCachedResult({
      url: `https://site${i}.example.com/page`,
      title: `Result ${i}`,
      snippet: 'word, and more words; '.repeat(Math.ceil(snippetChars / 22)).slice(0, snippetChars),
      date: null,
      lastUpdated: null,
    }),
  );

describe('heldBytes', () => {
  it('counts a string at two bytes a character', () => {
    expect(heldBytes('x'.repeat(1000)) - heldBytes('')).toBe(2000);
  });

  it('counts every string in nested objects and arrays, and a typed array by its bytes', () => {
    const nested = { a: ['x'.repeat(100), { b: 'y'.repeat(50) }], c: new Uint16Array(10) };
    expect(heldBytes(nested)).toBeGreaterThan(2 * 150 + 20);
    expect(heldBytes({ ...nested, d: 'z'.repeat(10) })).toBeGreaterThan(heldBytes(nested) + 20);
  });
});

describe('entryBytes', () => {
  it('covers what a list of cached results holds once every snippet has its token ends and a cut copy', () => {
    const list = cachedResults(10, 1500);
    const counted = entryBytes('search\nkey', list);
    for (const cached of list) cutResult(cached, snippetTokenEnds(cached), 5);
    expect(counted).toBeGreaterThanOrEqual(heldBytes('search\nkey') + heldBytes(list));
  });

  it('covers the most a cached result can grow: one token end a character and a cut copy as long', () => {
    const list = cachedResults(10, 1500);
    const counted = entryBytes('k', list);
    for (const cached of list) {
      const { snippet } = cached.result;
      cached.tokenEnds = new Uint16Array(snippet.length);
      cached.cut = {
        tokens: snippet.length - 1,
        result: { ...cached.result, snippet: `${snippet.slice(1)}.` },
      };
    }
    expect(counted).toBeGreaterThanOrEqual(heldBytes('k') + heldBytes(list));
  });

  it('counts no growth for values that are not cached results', () => {
    const images = [{ imageUrl: 'https://a.com/i.png', originUrl: 'https://a.com', title: 'i' }];
    expect(entryBytes('k', images)).toBe(heldBytes('k') + heldBytes(images));
  });

  it('is not less than the old estimate (the JSON text at two bytes a character) for results', () => {
    const list = cachedResults(10, 800);
    expect(entryBytes('k', list)).toBeGreaterThanOrEqual((JSON.stringify(list).length + 1) * 2);
  });
});
