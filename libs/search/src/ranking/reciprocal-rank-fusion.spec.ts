import { describe, expect, it } from '@jest/globals';
import type { SearchResult } from '../search.types';
import { normalizeUrl } from './normalize-url';
import { fuseBy, mergeDates } from './reciprocal-rank-fusion';

const hit = (url: string, extra: Partial<SearchResult> = {}): SearchResult => ({
  title: url,
  url,
  snippet: '',
  date: null,
  lastUpdated: null,
  ...extra,
});

describe('normalizeUrl', () => {
  it('ignores scheme, www, case of host, fragment, trailing slash, tracking and param order', () => {
    const a = normalizeUrl('https://www.Example.com/Docs/?b=2&a=1&utm_source=x#top');
    const b = normalizeUrl('http://example.com/Docs?a=1&b=2');
    expect(a).toBe(b);
    expect(a).toBe('example.com/Docs?a=1&b=2');
  });

  it('keeps path case and real parameters apart', () => {
    expect(normalizeUrl('https://a.com/X')).not.toBe(normalizeUrl('https://a.com/x'));
    expect(normalizeUrl('https://a.com/?id=1')).not.toBe(normalizeUrl('https://a.com/?id=2'));
  });
});

/** Fusion as the search service runs it: pages identified by normalised URL, dates merged. */
const fuseRankings = (lists: SearchResult[][]) =>
  fuseBy(lists, (result) => normalizeUrl(result.url), mergeDates);

describe('fuseBy over result lists', () => {
  it('ranks a page found by several queries above pages found once', () => {
    const fused = fuseRankings([
      [hit('https://a.com'), hit('https://shared.com')],
      [hit('https://b.com'), hit('https://www.shared.com/')],
    ]);
    expect(fused.map((r) => r.url)).toEqual([
      'https://shared.com',
      'https://a.com',
      'https://b.com',
    ]);
  });

  it('orders by reciprocal rank: first places beat second places', () => {
    const fused = fuseRankings([
      [hit('https://a1.com'), hit('https://a2.com')],
      [hit('https://b1.com'), hit('https://b2.com')],
    ]);
    expect(fused.map((r) => r.url)).toEqual([
      'https://a1.com',
      'https://b1.com',
      'https://a2.com',
      'https://b2.com',
    ]);
  });

  it('deduplicates by normalised URL, keeps the first text and fills missing dates', () => {
    const fused = fuseRankings([
      [hit('https://a.com/x', { title: 'First' })],
      [hit('http://www.a.com/x/#frag', { title: 'Second', date: '2026-01-02' })],
    ]);
    expect(fused).toHaveLength(1);
    expect(fused[0]).toMatchObject({ title: 'First', date: '2026-01-02' });
  });

  it('keeps one list in order without its duplicates', () => {
    const list = [hit('https://a.com'), hit('https://b.com'), hit('https://a.com/#x')];
    expect(fuseRankings([list]).map((r) => r.url)).toEqual(['https://a.com', 'https://b.com']);
  });
});
