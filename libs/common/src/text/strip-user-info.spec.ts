import { describe, expect, it } from '@jest/globals';
import { stripUserInfo } from './strip-user-info';

describe('stripUserInfo', () => {
  it('removes user and password from every URL in a text', () => {
    expect(
      stripUserInfo(
        'LLM_BASE_URL (got "ftp://user:secret@llm.internal/v1"), also redis://:pw@r:6379',
      ),
    ).toBe('LLM_BASE_URL (got "ftp://llm.internal/v1"), also redis://r:6379');
  });

  it('removes a password that itself contains @, up to the last @ before the host', () => {
    expect(stripUserInfo('https://me:p@ss@host.example/path?q=a@b')).toBe(
      'https://host.example/path?q=a@b',
    );
  });

  it('leaves URLs without user info and plain e-mail addresses alone', () => {
    const text = 'see https://host.example/a@b and write to ops@example.com';
    expect(stripUserInfo(text)).toBe(text);
  });
});
