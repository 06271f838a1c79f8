import { toIsoDay } from '../../../filters/date-filter';
import type { SearchImage } from '../../../search.types';
import { pick, pickText, splitFrontMatter } from './front-matter';
import type { ParsedDocument, SourceFile } from './parsed-document';

const ABSOLUTE = /^https?:\/\//i;

function images(body: string): SearchImage[] {
  return [...body.matchAll(/!\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .filter((match) => ABSOLUTE.test(match[2]))
    .map((match) => ({ imageUrl: match[2], originUrl: '', title: match[1] }));
}

const HTML_TAG =
  /<\/?(?:a|abbr|b|br|code|dd|del|details|div|dl|dt|em|h[1-6]|hr|i|img|ins|kbd|li|mark|ol|p|pre|s|small|span|strong|sub|summary|sup|table|tbody|td|th|thead|tr|u|ul)\b[^>]*>|<!--[\s\S]*?-->/gi;

/** Markdown to plain text: what a reader sees, without the syntax. */
function plainText(body: string): string {
  return (
    body
      .replace(/^```.*$/gm, ' ')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      // HTML tags go; placeholders such as `<host>` or `<key>` are text a reader needs.
      .replace(HTML_TAG, ' ')
      // A heading ends its sentence, so snippets and extractive answers do not run it into the next.
      .replace(/^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/gm, (_, heading: string) =>
        /[.!?:]$/.test(heading) ? heading : `${heading}.`,
      )
      .replace(/^\s{0,3}(>|[-*+]|\d+\.)\s+/gm, '')
      .replace(/^\s*\|?[-:| ]+\|?\s*$/gm, ' ')
      // Underscores inside words are identifiers (`API_KEYS`); only emphasis underscores go.
      .replace(/(^|[^\w])_+|_+(?=[^\w]|$)/g, '$1 ')
      // Code and emphasis marks hug their words: `(default \`300\`)` reads `(default 300)`.
      .replace(/[`*~]/g, '')
      .replace(/\|/g, ' ')
      .replace(/[ \t]+/g, ' ')
  );
}

export function parseMarkdown({ content, fallbackTitle }: SourceFile): ParsedDocument[] {
  const { data, body } = splitFrontMatter(content);
  const headingLines = [...body.matchAll(/^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/gm)].map((m) => m[1]);
  const title = pickText(data, 'title') ?? headingLines[0] ?? fallbackTitle;
  const date = toIsoDay(pick(data, 'date', 'published', 'published_date', 'created'));
  return [
    {
      title,
      headings: headingLines.filter((heading) => heading !== title).join(' \n'),
      text: plainText(body),
      url: pickText(data, 'url', 'permalink'),
      date,
      lastUpdated: toIsoDay(pick(data, 'updated', 'last_updated', 'lastmod', 'modified')) ?? date,
      language: pickText(data, 'lang', 'language') ?? null,
      kind: pickText(data, 'kind')?.toLowerCase() ?? null,
      images: images(body),
    },
  ];
}
