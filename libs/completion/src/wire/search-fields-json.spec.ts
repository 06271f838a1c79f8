import { describe, expect, it, jest } from '@jest/globals';
import type { SearchResult } from '@answergate/search';
import { toWireResult } from '../wire-mappers';
import { SearchFieldsJson } from './search-fields-json';

const result = (n: number, snippet = `Snippet ${n}…`): SearchResult => ({
  title: `Page ${n}`,
  url: `https://example.com/${n}`,
  snippet,
  date: n % 2 ? '2026-01-02' : null,
  lastUpdated: null,
});

const expected = (results: SearchResult[]) =>
  JSON.stringify({
    citations: results.map((r) => r.url),
    search_results: results.map(toWireResult),
  });

describe('SearchFieldsJson', () => {
  it('gives the JSON text of citations and search_results', () => {
    const results = [result(1), result(2)];
    expect(new SearchFieldsJson().of(results)).toBe(expected(results));
    expect(new SearchFieldsJson().of([])).toBe('{"citations":[],"search_results":[]}');
  });

  it('serializes once for answers over the same result objects, in another array', () => {
    const fields = new SearchFieldsJson();
    const results = [result(1), result(2)];
    const first = fields.of(results);
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      expect(fields.of([...results])).toBe(first);
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });

  it('serializes anew when a result object is another one, even at the same URLs', () => {
    const fields = new SearchFieldsJson();
    fields.of([result(1), result(2)]);
    const changed = [result(1), result(2, 'A newer snippet.')];
    expect(fields.of(changed)).toBe(expected(changed));
    expect(fields.of([changed[0]])).toBe(expected([changed[0]]));
  });
});
