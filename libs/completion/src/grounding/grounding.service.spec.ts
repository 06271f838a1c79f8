import { describe, expect, it } from '@jest/globals';
import type { AppConfig, Metrics } from '@answergate/common';
import type { PageReader, SearchResult } from '@answergate/search';
import { Grounding } from './grounding.service';

/** Two passages of about 600 characters each, so a selection cuts and joins them anew. */
const longSnippet = (topic: string) =>
  `${topic} keeps answers grounded in passages. `.repeat(15) +
  '\n\n' +
  `${topic} checks every citation it streams. `.repeat(15);
const result = (url: string, snippet: string): SearchResult => ({
  title: url,
  url,
  snippet,
  date: null,
  lastUpdated: null,
});
const snippetReader: PageReader = {
  read: (results) =>
    Promise.resolve(
      results.map((r) => ({ url: r.url, title: r.title, text: r.snippet, origin: 'snippet' })),
    ),
};
const config = { contextTokens: { low: 60, medium: 2000, high: 4000 } } as AppConfig;
const grounding = () => new Grounding(snippetReader, config, {} as Metrics);

describe('Grounding.sources', () => {
  it('gives two questions that pick the same passages of the same pages one shared source while either is held', async () => {
    const g = grounding();
    // Each search returns fresh result objects, as a search cache miss does.
    const results = () => [result('https://a.example/', longSnippet('Answergate'))];
    const first = await g.sources('How is it grounded?', results(), 'low');
    const second = await g.sources('How is it grounded, again?', results(), 'low');
    expect(second[0].snippet).not.toBe(results()[0].snippet);
    expect(second[0]).toBe(first[0]);
  });

  it('keeps sources apart that share passages but differ in URL', async () => {
    const g = grounding();
    const text = longSnippet('Answergate');
    const [a] = await g.sources('q one', [result('https://a.example/', text)], 'low');
    const [b] = await g.sources('q two', [result('https://b.example/', text)], 'low');
    expect(a.url).toBe('https://a.example/');
    expect(b.url).toBe('https://b.example/');
  });
});
