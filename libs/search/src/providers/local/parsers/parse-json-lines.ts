import { Logger } from '@nestjs/common';
import { toIsoDay } from '../../../filters/date-filter';
import { pick, pickText } from './front-matter';
import type { ParsedDocument, SourceFile } from './parsed-document';

const logger = new Logger('LocalIndex');

/**
 * One document a line: `{"title","url","text"|"content"|"body","date","last_updated","lang"}`.
 * A bad line is skipped with a warning; the rest of the file still counts.
 */
export function parseJsonLines({ content, fallbackTitle }: SourceFile): ParsedDocument[] {
  const documents: ParsedDocument[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    let row: Record<string, unknown>;
    try {
      row = JSON.parse(line) as Record<string, unknown>;
    } catch {
      logger.warn(`${fallbackTitle}: line ${index + 1} is not JSON, skipped`);
      return;
    }
    const text = pick(row, 'text', 'content', 'body', 'snippet');
    if (typeof text !== 'string' || !text.trim()) return;
    const date = toIsoDay(pick(row, 'date', 'published', 'published_date', 'publishedDate'));
    documents.push({
      title: pickText(row, 'title') ?? `${fallbackTitle} #${index + 1}`,
      headings: '',
      text,
      url: pickText(row, 'url', 'link'),
      date,
      lastUpdated:
        toIsoDay(pick(row, 'last_updated', 'updated', 'lastUpdated', 'modified')) ?? date,
      language: pickText(row, 'lang', 'language') ?? null,
      kind: pickText(row, 'kind')?.toLowerCase() ?? null,
      images: [],
    });
  });
  return documents;
}
