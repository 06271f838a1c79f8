import { describe, expect, it } from '@jest/globals';
import { countTokens } from '@answergate/common';
import { countMessageTokens } from './count-tokens';

describe('countMessageTokens', () => {
  it('adds the chat framing per message', () => {
    const messages = [
      { role: 'system' as const, content: 'Be brief.' },
      { role: 'user' as const, content: 'hello' },
    ];
    expect(countMessageTokens(messages)).toBe(3 + (3 + countTokens('Be brief.')) + (3 + 1));
  });

  it('counts special-token text in a message instead of throwing', () => {
    const messages = [{ role: 'user' as const, content: 'before <|endoftext|> after' }];
    expect(countMessageTokens(messages)).toBe(6 + countTokens('before <|endoftext|> after'));
  });
});
