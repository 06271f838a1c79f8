import { describe, expect, it } from '@jest/globals';
import { decodeEntities, htmlToText } from './html-to-text';

describe('htmlToText', () => {
  it('drops scripts, styles, comments and tags, and breaks lines at block tags', () => {
    const html =
      '<div><script>var x = "<b>";</script><style>p { color: red }</style>' +
      '<!-- note --><p>First <b>bold</b> line</p><p>Second</p></div>';
    expect(htmlToText(html)).toBe('First bold line\nSecond');
  });

  it('decodes entities after the tags are gone, so an escaped tag stays as text', () => {
    expect(htmlToText('<i>1 &lt; 2 &amp;&amp; 3 &gt; 2</i> &#39;q&#x27;&nbsp;ok')).toBe(
      "1 < 2 && 3 > 2 'q' ok",
    );
  });

  it('collapses the whitespace of text with no markup and no entities', () => {
    expect(htmlToText('  A\tsnippet  with\f spaces \n\n  and  lines  ')).toBe(
      'A snippet with spaces\nand lines',
    );
  });

  it('decodes the entities of text with no tags', () => {
    expect(htmlToText('Fish &amp;  chips')).toBe('Fish & chips');
  });
});

describe('decodeEntities', () => {
  it('leaves an unknown named entity as it was written', () => {
    expect(decodeEntities('a &bogus; b &copy;')).toBe('a &bogus; b &copy;');
  });
});
