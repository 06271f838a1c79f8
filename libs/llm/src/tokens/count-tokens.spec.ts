import { describe, expect, it } from '@jest/globals';
import { countMessageTokens, countTokens } from './count-tokens';

describe('countTokens', () => {
  it('counts with the real o200k tokenizer', () => {
    expect(countTokens('')).toBe(0);
    expect(countTokens('hello')).toBe(1);
    expect(countTokens('hello world, how are you?')).toBe(7);
  });

  it('counts special-token text as text instead of throwing', () => {
    expect(countTokens('before <|endoftext|> after')).toBeGreaterThan(3);
  });

  it('adds the chat framing per message', () => {
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'hello' },
    ];
    expect(countMessageTokens(messages)).toBe(3 + (3 + countTokens('Be brief.')) + (3 + 1));
  });
});
