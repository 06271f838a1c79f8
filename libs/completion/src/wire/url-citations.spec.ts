import { describe, expect, it } from '@jest/globals';
import { UrlCitationScanner, urlCitations } from './url-citations';

const sources = [
  { url: 'https://a.example/', title: 'A' },
  { url: 'https://b.example/', title: '' },
];

describe('url citations', () => {
  it('annotates every [n] naming a source with its offsets in the text', () => {
    const text = 'Caches results [1]. Also [2][1], not [3] nor [x].';
    const found = urlCitations(text, sources);
    expect(found.map((a) => a.url_citation.url)).toEqual([
      'https://a.example/',
      'https://b.example/',
      'https://a.example/',
    ]);
    for (const { url_citation: c } of found) {
      expect(text.slice(c.start_index, c.end_index)).toMatch(/^\[\d\]$/);
    }
    expect(found[0].url_citation).toMatchObject({ title: 'A', start_index: 15, end_index: 18 });
  });

  it('falls back to the url when a source has no title', () => {
    expect(urlCitations('x [2]', sources)[0].url_citation.title).toBe('https://b.example/');
  });

  it('reports a marker split over deltas with the delta that completes it', () => {
    const scanner = new UrlCitationScanner(sources);
    const pieces = ['Answer [', '1', '] and [2', ']', ' done [1]'];
    const perDelta = pieces.map((piece) => scanner.push(piece));
    expect(perDelta.map((found) => found.length)).toEqual([0, 0, 1, 1, 1]);
    const text = pieces.join('');
    for (const { url_citation: c } of perDelta.flat()) {
      expect(text.slice(c.start_index, c.end_index)).toMatch(/^\[\d\]$/);
    }
    expect(perDelta.flat().map((a) => a.url_citation.start_index)).toEqual([7, 15, 24]);
  });
});
