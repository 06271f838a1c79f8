import { describe, expect, it } from '@jest/globals';
import { countTokens } from '@answergate/common';
import { OMISSION, selectPassages } from './select-passages';

const filler = (topic: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) => `Paragraph ${i} talks about ${topic} and nothing else at all.`,
  ).join('\n\n');

describe('selectPassages', () => {
  const question = 'When was the lighthouse built?';
  const long = `${filler('weather', 200)}\n\nThe lighthouse was built in 1871.\n\n${filler('lighthouse history', 200)}`;
  const short = 'A lighthouse guide: the lighthouse keeper lived on site.';

  it('keeps the matching passage of a long page, within the budget', () => {
    const [text] = selectPassages(question, [{ text: long }], 300, countTokens);
    expect(text).toContain('The lighthouse was built in 1871.');
    expect(text).not.toContain('Paragraph 0 talks about weather');
    expect(countTokens(text)).toBeLessThanOrEqual(300);
  });

  it('spreads the budget so a long page cannot crowd out the others', () => {
    const texts = selectPassages(question, [{ text: long }, { text: short }], 400, countTokens);
    expect(texts[1]).toBe(short);
    expect(countTokens(texts.join(''))).toBeLessThanOrEqual(400);
  });

  it('gives a source without a matching passage its lead passage', () => {
    const texts = selectPassages(
      question,
      [{ text: 'Nothing relevant here.' }, { text: short }],
      400,
      countTokens,
    );
    expect(texts[0]).toBe('Nothing relevant here.');
  });

  it('keeps short sources whole without counting a token when their bytes fit the budget', () => {
    const counted: string[] = [];
    const count = (text: string) => (counted.push(text), countTokens(text));
    const snippets = [short, 'Nothing   relevant\nhere.', 'Grüße: the lighthouse café.'];
    const kept = [short, 'Nothing relevant here.', 'Grüße: the lighthouse café.'];
    const bytes = kept.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    const texts = selectPassages(
      question,
      snippets.map((text) => ({ text })),
      bytes,
      count,
    );
    expect(texts).toEqual(kept);
    expect(counted).toEqual([]);
    // One byte less and they are counted (and, counted, they still fit).
    expect(
      selectPassages(
        question,
        snippets.map((text) => ({ text })),
        bytes - 1,
        count,
      ),
    ).toEqual(texts);
    expect(counted.length).toBeGreaterThan(0);
  });

  it('cuts a first passage down to its fair share when the budget is nearly spent', () => {
    const big = 'The lighthouse was built ' + 'with many stones '.repeat(60) + 'long ago.';
    const texts = selectPassages(
      question,
      [{ text: big }, { text: big }, { text: big }],
      240,
      countTokens,
    );
    for (const text of texts) expect(text.length).toBeGreaterThan(0);
    expect(countTokens(texts.join(''))).toBeLessThanOrEqual(240);
  });

  it('marks left-out text with ASCII dots, so passages of Latin-1 pages stay Latin-1 (one byte a character in V8)', () => {
    const page = `The lighthouse was built in 1871.\n\n${filler('weather', 50)}\n\nThe lighthouse was built of stone.\n\n${filler('weather', 50)}`;
    const [gapped] = selectPassages(question, [{ text: page }], 400, countTokens);
    expect(gapped).toContain(`\n${OMISSION}\n`);
    const big = 'The lighthouse was built ' + 'with many stones '.repeat(60) + 'long ago.';
    const [cut] = selectPassages(question, [{ text: big }, { text: short }], 60, countTokens);
    expect(cut.endsWith(OMISSION)).toBe(true);
    expect(OMISSION).toBe('...');
    const latin1 = (text: string) => [...text].every((c) => c.charCodeAt(0) <= 0xff);
    for (const text of [gapped, cut]) expect(latin1(text)).toBe(true);
  });
});
