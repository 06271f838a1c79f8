import type { ParsedDocument, SourceFile } from './parsed-document';

/** Plain text: the first non-empty line is the title when it is short enough to be one. */
export function parseText({ content, fallbackTitle }: SourceFile): ParsedDocument[] {
  const firstLine =
    content
      .split(/\r?\n/)
      .find((line) => line.trim())
      ?.trim() ?? '';
  return [
    {
      title: firstLine && firstLine.length <= 120 ? firstLine : fallbackTitle,
      headings: '',
      text: content,
      date: null,
      lastUpdated: null,
      language: null,
      kind: null,
      images: [],
    },
  ];
}
