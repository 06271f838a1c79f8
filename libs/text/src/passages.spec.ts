import { describe, expect, it } from '@jest/globals';
import { cutPassages } from './passages';

describe('cutPassages', () => {
  it('groups whole sentences up to about the target size', () => {
    const sentence = (n: number) => `Sentence number ${n} says something useful here.`;
    const text = Array.from({ length: 20 }, (_, i) => sentence(i)).join(' ');
    const passages = cutPassages(text, 200, 400);
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages) {
      expect(passage.length).toBeLessThanOrEqual(400);
      expect(passage).toMatch(/^Sentence number \d+ .*here\.$/);
    }
    expect(passages.join(' ')).toBe(text);
  });

  it('ends a passage at a paragraph break once it is half full', () => {
    const first = 'A'.repeat(60) + ' first paragraph.';
    const second = 'The second paragraph starts here.';
    expect(cutPassages(`${first}\n\n${second}`, 100, 400)).toEqual([first, second]);
    expect(cutPassages(`Short one.\n\n${second}`, 100, 400)).toEqual([`Short one. ${second}`]);
  });

  it('cuts a sentence longer than the maximum at spaces', () => {
    const long = Array.from({ length: 100 }, () => 'word').join(' ');
    const passages = cutPassages(long, 50, 100);
    expect(passages.every((p) => p.length <= 100)).toBe(true);
    expect(passages.join(' ')).toBe(long);
  });
});
