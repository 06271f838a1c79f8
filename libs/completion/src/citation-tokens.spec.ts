import { describe, expect, it } from '@jest/globals';
import { countTokens } from '@answergate/common';
import type { NumberedSource } from '@answergate/llm';
import { countCitationTokens } from './citation-tokens';
import { formatSources } from './numbered-sources';

const source = (index: number, snippet: string, date: string | null = null): NumberedSource => ({
  index,
  title: `Page ${index}: caching`,
  url: `https://docs.example/${index}`,
  snippet,
  date,
});

describe('countCitationTokens', () => {
  it('equals the BPE count of the whole sources block, whatever the blocks end with', () => {
    const endings = ['…', ' ', '\n', 'words.', '  \n ', '1234', '/', ')', ''];
    const sources = endings.map((end, i) =>
      source(i + 1, `…the cache keeps results for ${i} minutes${end}`, i % 2 ? '2026-01-02' : null),
    );
    for (let n = 0; n <= sources.length; n++) {
      const some = sources.slice(0, n);
      expect(countCitationTokens(some)).toBe(countTokens(formatSources(some)));
    }
  });

  it('gives the same count when asked again (remembered per block)', () => {
    const sources = [source(1, 'Redis or memory.'), source(2, 'Five minutes by default…')];
    const first = countCitationTokens(sources);
    expect(countCitationTokens(sources)).toBe(first);
    expect(first).toBe(countTokens(formatSources(sources)));
  });
});
