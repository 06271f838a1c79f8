import { htmlToText } from '../text/html-to-text';

/** The media types a page may have; anything else is not read. */
export const READABLE_TYPES = [
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'application/pdf',
] as const;
export type ReadableType = (typeof READABLE_TYPES)[number];

/** `text/html; charset=...` -> its media type, when it is one we read. */
export function readableType(contentType: string | undefined): ReadableType | undefined {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  return (READABLE_TYPES as readonly string[]).includes(type) ? (type as ReadableType) : undefined;
}

function charsetOf(contentType: string | undefined, head: string): string {
  const declared =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1];
  return declared?.toLowerCase() ?? 'utf-8';
}

function decode(bytes: Buffer, contentType: string | undefined): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  try {
    return new TextDecoder(charsetOf(contentType, head)).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * linkedom and Readability: loaded by the first HTML page read (or `preloadHtmlReader`), so a
 * configuration that never reads a page (the local index, `PAGE_FETCH=off`) never holds them.
 */
let htmlLibraries:
  Promise<[typeof import('linkedom'), typeof import('@mozilla/readability')]> | undefined;
const loadHtmlLibraries = () =>
  (htmlLibraries ??= Promise.all([import('linkedom'), import('@mozilla/readability')]));

/** Loads the HTML reader ahead of the first page (the HTTP reader does it at startup). */
export async function preloadHtmlReader(): Promise<void> {
  await loadHtmlLibraries();
}

/** The article of an HTML page as Firefox's reader view finds it, else the whole body's text. */
async function htmlText(html: string, url: string): Promise<string> {
  const [{ parseHTML }, { Readability }] = await loadHtmlLibraries();
  // Neither library's types resolve without the DOM lib: the page is an opaque object here.
  const { document } = parseHTML(html) as unknown as { document: object };
  try {
    // Readability reads `baseURI` for relative links; linkedom documents have none.
    Object.defineProperty(document, 'baseURI', { value: url });
    const article = new Readability(document, {
      charThreshold: 100,
    }).parse();
    if (article?.content) {
      const text = htmlToText(article.content);
      if (text) return text;
    }
  } catch {
    // A page Readability cannot handle still has its body text below.
  }
  return htmlToText(html.replace(/^[\s\S]*?<body\b[^>]*>/i, ''));
}

/**
 * PDF.js is loaded by the first PDF read, not at startup: it holds ~15 MB that most processes
 * never need. That first PDF pays a one-off delay (most of a second, the event loop blocked
 * while PDF.js compiles); later ones do not.
 */
async function pdfText(bytes: Buffer): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    const { text } = await extractText(pdf, { mergePages: true });
    return text;
  } finally {
    await pdf.destroy();
  }
}

/** Readable text of a fetched page, by its media type. */
export async function extractText(
  bytes: Buffer,
  type: ReadableType,
  contentType: string | undefined,
  url: string,
): Promise<string> {
  if (type === 'application/pdf') return normalize(await pdfText(bytes));
  const text = decode(bytes, contentType);
  return normalize(type === 'text/plain' ? text : await htmlText(text, url));
}

const normalize = (text: string) =>
  text
    .replace(/[ \t\f\v\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
