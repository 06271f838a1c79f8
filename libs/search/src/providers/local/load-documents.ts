import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { Logger } from '@nestjs/common';
import { toDay } from '../../filters/date-filter';
import { parseHtml } from './parsers/parse-html';
import { parseJsonLines } from './parsers/parse-json-lines';
import { parseMarkdown } from './parsers/parse-markdown';
import type { ParsedDocument, SourceFile } from './parsers/parsed-document';
import { parseText } from './parsers/parse-text';

/** A document ready for the index: it always has a URL. */
export type IndexedDocument = ParsedDocument & { url: string };

type Parser = (file: SourceFile) => ParsedDocument[];

const PARSERS: Record<string, Parser> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.mdx': parseMarkdown,
  '.txt': parseText,
  '.text': parseText,
  '.html': parseHtml,
  '.htm': parseHtml,
  '.jsonl': parseJsonLines,
  '.ndjson': parseJsonLines,
};

/** Files bigger than this are skipped: an index of a folder, not of data dumps. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
const logger = new Logger('LocalIndex');

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile() && PARSERS[extname(entry.name).toLowerCase()]) yield path;
  }
}

/**
 * Where a file's citation points: under `baseUrl` (the web address the folder is
 * published at) when given, else `local://<folder>/`, so the domain filter works on the
 * folder's name.
 */
function folderUrl(root: string, baseUrl: string | undefined): string {
  if (baseUrl) return baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const host =
    basename(root)
      .toLowerCase()
      .replace(/[^a-z0-9.-]+/g, '-') || 'local';
  return `local://${host}/`;
}

/**
 * Reads every supported file under `dir`. Documents without their own URL (front-matter
 * `url:` wins) get the folder's URL (`baseUrl`, or `local://<folder>/`) plus their path.
 */
export async function loadDocuments(dir: string, baseUrl?: string): Promise<IndexedDocument[]> {
  const root = resolve(dir);
  const folder = folderUrl(root, baseUrl);
  const documents: IndexedDocument[] = [];
  for await (const path of walk(root)) {
    const info = await stat(path);
    if (info.size > MAX_FILE_BYTES) {
      logger.warn(`${path} is larger than ${MAX_FILE_BYTES} bytes, skipped`);
      continue;
    }
    const relativePath = relative(root, path).split(sep).join('/');
    const parse = PARSERS[extname(path).toLowerCase()];
    const parsed = parse({
      content: await readFile(path, 'utf8'),
      fallbackTitle: basename(path, extname(path)),
    });
    const base = `${folder}${relativePath.split('/').map(encodeURIComponent).join('/')}`;
    parsed.forEach((document, index) => {
      documents.push({
        ...document,
        url: document.url ?? (parsed.length > 1 ? `${base}?item=${index + 1}` : base),
        lastUpdated: document.lastUpdated ?? toDay(info.mtime),
        images: document.images.map((image) => ({ ...image, originUrl: document.url ?? base })),
      });
    });
  }
  return documents;
}
