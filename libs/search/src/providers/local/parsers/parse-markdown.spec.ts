import { describe, expect, it } from '@jest/globals';
import { parseMarkdown } from './parse-markdown';

const textOf = (content: string) => parseMarkdown({ content, fallbackTitle: 'doc' })[0].text;

describe('parseMarkdown text', () => {
  it('keeps placeholders such as <host> and drops HTML tags', () => {
    const text = textOf('Connect with `drift://<host>:6380`, or <b>any</b> host.<br/>Done.');
    expect(text).toContain('drift://<host>:6380,');
    expect(text).toContain('or any host.');
    expect(text).not.toMatch(/<\/?b>|<br/);
  });

  it('drops code and emphasis marks without leaving spaces inside brackets', () => {
    expect(textOf('The TTL (default `300`) is **per key**.')).toContain(
      'The TTL (default 300) is per key.',
    );
  });
});
