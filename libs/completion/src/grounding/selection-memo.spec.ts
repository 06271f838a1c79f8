import { describe, expect, it } from '@jest/globals';
import type { AppConfig, Metrics } from '@answergate/common';
import type { PageReader, ReadPage, SearchResult } from '@answergate/search';
import { Grounding } from './grounding.service';

const result = (n: number, title = `Page ${n}`): SearchResult => ({
  title,
  url: `https://example.com/${n}`,
  snippet: `Snippet ${n} about the lighthouse.`,
  date: null,
  lastUpdated: null,
});

const pageText = (n: number) =>
  Array.from({ length: 40 }, (_, i) =>
    i === 20
      ? `The lighthouse of page ${n} was built in 1871.`
      : `Paragraph ${i} is about weather.`,
  ).join('\n\n');

/** A page reader whose pages are read from `texts` at the time of each call. */
function reader(texts: Map<string, string>): PageReader {
  return {
    read: (results: readonly SearchResult[]) =>
      Promise.resolve(
        results.map((r): ReadPage => ({
          url: r.url,
          title: r.title,
          text: texts.get(r.url) ?? '',
          origin: 'page',
        })),
      ),
  };
}

function grounding(texts: Map<string, string>): Grounding {
  const config = { contextTokens: { low: 200, medium: 400, high: 800 }, citationCheck: 'flag' };
  return new Grounding(reader(texts), config as unknown as AppConfig, {} as Metrics);
}

describe('Grounding.sources over the same question and pages', () => {
  const question = 'When was the lighthouse built?';
  const results = [result(1), result(2)];
  const texts = new Map(results.map((r, i) => [r.url, pageText(i + 1)]));

  it('gives answers to the same question over the same pages the same sources, not a copy each', async () => {
    const g = grounding(texts);
    const first = await g.sources(question, results, 'medium');
    expect(first[0].snippet).toContain('built in 1871');
    const again = await g.sources(question, [result(1), result(2)], 'medium');
    expect(again).toBe(first);
    expect(again[0].snippet).toBe(first[0].snippet);
  });

  it('selects anew for another budget, question, result or page text', async () => {
    const changing = new Map(texts);
    const g = grounding(changing);
    const first = await g.sources(question, results, 'medium');
    const low = await g.sources(question, results, 'low');
    expect(low).not.toBe(first);
    expect(await g.sources('Who kept the lighthouse?', results, 'medium')).not.toBe(first);
    const retitled = await g.sources(question, [result(1, 'Renamed'), result(2)], 'medium');
    expect(retitled).not.toBe(first);
    expect(retitled[0].title).toBe('Renamed');
    const back = await g.sources(question, results, 'medium');
    expect(await g.sources(question, results, 'medium')).toBe(back);
    changing.set(results[0].url, pageText(1).replace('1871', '1872'));
    const reread = await g.sources(question, results, 'medium');
    expect(reread).not.toBe(back);
    expect(reread[0].snippet).toContain('built in 1872');
  });
});
