import { toIsoDay } from '../../../filters/date-filter';
import { decodeEntities, htmlToText } from '../../../text/html-to-text';
import type { ParsedDocument, SourceFile } from './parsed-document';

function meta(html: string, ...names: string[]): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const name = /\b(?:name|property|itemprop)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    const content = /\bcontent\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (name && content && names.includes(name.toLowerCase())) return decodeEntities(content);
  }
  return undefined;
}

const inner = (html: string, tag: string): string[] =>
  [...html.matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}\\s*>`, 'gi'))].map((m) =>
    htmlToText(m[1]),
  );

export function parseHtml({ content, fallbackTitle }: SourceFile): ParsedDocument[] {
  const headings = [...inner(content, 'h1'), ...inner(content, 'h2'), ...inner(content, 'h3')];
  const title = inner(content, 'title')[0] || headings[0] || fallbackTitle;
  const time = /<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']/i.exec(content)?.[1];
  const date = toIsoDay(
    meta(content, 'date', 'article:published_time', 'datepublished', 'dc.date') ?? time,
  );
  const images = [...content.matchAll(/<img\b[^>]*>/gi)]
    .map((m) => ({
      imageUrl: /\bsrc\s*=\s*["'](https?:\/\/[^"']+)["']/i.exec(m[0])?.[1] ?? '',
      title: decodeEntities(/\balt\s*=\s*["']([^"']*)["']/i.exec(m[0])?.[1] ?? ''),
      originUrl: '',
    }))
    .filter((image) => image.imageUrl);
  const body = /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(content)?.[1] ?? content;
  return [
    {
      title,
      headings: headings.filter((heading) => heading !== title).join(' \n'),
      text: htmlToText(body),
      url:
        meta(content, 'og:url') ??
        /<link\b[^>]*rel=["']canonical["'][^>]*href=["']([^"']+)/i.exec(content)?.[1],
      date,
      lastUpdated:
        toIsoDay(meta(content, 'article:modified_time', 'datemodified', 'last-modified')) ?? date,
      language: /<html\b[^>]*\blang\s*=\s*["']([^"']+)["']/i.exec(content)?.[1] ?? null,
      kind: null,
      images,
    },
  ];
}
