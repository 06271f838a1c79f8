import { describe, expect, it } from '@jest/globals';
import type { SearchResult } from '@answergate/search';
import { SearchResponseDto } from './search-response.dto';

const result = (overrides: Partial<SearchResult> = {}): SearchResult => ({
  title: 'Configuration',
  url: 'local://docs/configuration.md',
  snippet: 'SEARCH_CACHE_TTL_SECONDS sets how long results are cached',
  date: '2025-01-15',
  lastUpdated: null,
  ...overrides,
});

/** What `res.json` sent for the object form, with the object form's id swapped for `id`. */
function objectJson(results: SearchResult[], id: string, serverTime?: Date): string {
  const response = SearchResponseDto.from(results, serverTime);
  return JSON.stringify({ ...response, id });
}

describe('SearchResponseDto.json', () => {
  it('is the UTF-8 JSON of the object form, byte for byte, with awkward characters too', () => {
    const results = [
      result(),
      result({
        title: 'Quotes " and \\ backslashes, tabs\t, new\nlines',
        snippet: 'line\u2028separator, emoji 🔎, control \u0001, lone \ud800 surrogate',
        date: null,
        lastUpdated: '2025-03-02',
      }),
    ];
    const serverTime = new Date('2026-11-30T12:00:00.000Z');
    for (const [list, time] of [
      [results, serverTime],
      [results, undefined],
      [[], serverTime],
      [[], undefined],
    ] as const) {
      const bytes = SearchResponseDto.json(list, time);
      const text = bytes.toString('utf8');
      const { id } = JSON.parse(text) as { id: string };
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(text).toBe(objectJson([...list], id, time));
      expect(bytes.equals(Buffer.from(objectJson([...list], id, time), 'utf8'))).toBe(true);
    }
  });

  it('gives every response its own id', () => {
    const ids = [1, 2].map(
      () => (JSON.parse(SearchResponseDto.json([result()]).toString('utf8')) as { id: string }).id,
    );
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('reads a result object once while it is reused, and a new object again', () => {
    let reads = 0;
    const counted = (): SearchResult => {
      const fields = result();
      return {
        ...fields,
        get title() {
          reads += 1;
          return fields.title;
        },
      };
    };
    const cached = counted();
    SearchResponseDto.json([cached]);
    SearchResponseDto.json([cached]);
    expect(reads).toBe(1);
    SearchResponseDto.json([counted()]);
    expect(reads).toBe(2);
  });
});
