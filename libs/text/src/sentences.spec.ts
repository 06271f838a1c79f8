import { describe, expect, it } from '@jest/globals';
import { splitSentences } from './sentences';

const texts = (text: string) => splitSentences(text).map((s) => s.text);

describe('splitSentences', () => {
  it('splits at stops followed by a capital, keeping decimals and lower-case continuations', () => {
    expect(texts('Pi is 3.14 roughly. It is irrational! Is it? e.g. this stays. Yes')).toEqual([
      'Pi is 3.14 roughly.',
      'It is irrational!',
      'Is it? e.g. this stays.',
      'Yes',
    ]);
  });

  it('keeps citation markers written after the stop with their sentence', () => {
    expect(texts('Redis is fast.[1] It caches results. [2][3] Done [4].')).toEqual([
      'Redis is fast.[1]',
      'It caches results. [2][3]',
      'Done [4].',
    ]);
  });

  it('treats line breaks as boundaries and gives offsets into the text', () => {
    const text = '- first item\n\n  Second line here.  ';
    const found = splitSentences(text);
    expect(found.map((s) => s.text)).toEqual(['- first item', 'Second line here.']);
    for (const sentence of found) {
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
  });
});
