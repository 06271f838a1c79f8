import { describe, expect, it } from '@jest/globals';
import { cutSnippet } from './cut-snippet';

const filler = (words: number, word = 'lorem') =>
  Array.from({ length: words }, () => word).join(' ');

describe('cutSnippet', () => {
  it('returns short text whole, with whitespace collapsed', () => {
    expect(cutSnippet('a  short\n\ntext', ['short'], 100)).toBe('a short text');
  });

  it('centres the window on the matched terms and marks the cuts', () => {
    const text = `${filler(200)} The search cache keeps results for five minutes. ${filler(200)}`;
    const snippet = cutSnippet(text, ['cache', 'results'], 160);
    expect(snippet).toContain('search cache keeps results');
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(162);
  });

  it('prefers the window holding the most distinct terms', () => {
    const text = `redis ${filler(100)} alpha redis beta cache gamma ${filler(100)} cache`;
    expect(cutSnippet(text, ['redis', 'cache'], 60)).toContain('redis beta cache');
  });

  it('matches at word starts only and cuts on word boundaries', () => {
    const text = `${filler(50, 'xcache')} cache ${filler(50, 'word')}`;
    const snippet = cutSnippet(text, ['cache'], 80);
    expect(snippet).toMatch(/(^|\s|…)cache\b/);
    expect(
      snippet
        .replace(/…/g, '')
        .split(' ')
        .every((w) => ['xcache', 'cache', 'word'].includes(w)),
    ).toBe(true);
  });

  it('keeps the start when no term matches', () => {
    const snippet = cutSnippet(`Intro sentence. ${filler(100)}`, ['absent'], 40);
    expect(snippet.startsWith('Intro sentence.')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });
});
