import { describe, expect, it } from '@jest/globals';
import { rememberedText } from './remembered-text';

/** An upper-casing transform that counts its calls. */
function countingUpper() {
  const calls: string[] = [];
  const transform = (text: string) => {
    calls.push(text);
    return text.toUpperCase();
  };
  return { calls, transform };
}

describe('rememberedText', () => {
  it('answers as the transform does and runs it once per text while the text is remembered', () => {
    const { calls, transform } = countingUpper();
    const upper = rememberedText(transform, 1_000);
    expect(upper('abc')).toBe('ABC');
    expect(upper('abc')).toBe('ABC');
    expect(upper('')).toBe('');
    expect(upper('')).toBe('');
    expect(calls).toEqual(['abc', '']);
  });

  it('forgets the least recently used text once inputs and results pass the character budget', () => {
    const { calls, transform } = countingUpper();
    // Each 10-character text costs 21 characters (input, result, 1): two fit in 50, not three.
    const upper = rememberedText(transform, 50);
    const [a, b, c] = ['a', 'b', 'c'].map((letter) => letter.repeat(10));
    upper(a);
    upper(b);
    upper(a); // a is now the most recently used
    upper(c); // evicts b
    upper(a);
    upper(b);
    expect(calls).toEqual([a, b, c, b]);
  });

  it('does not remember a text whose input and result alone exceed the budget', () => {
    const { calls, transform } = countingUpper();
    const upper = rememberedText(transform, 10);
    upper('long text');
    upper('long text');
    expect(calls).toEqual(['long text', 'long text']);
  });
});
