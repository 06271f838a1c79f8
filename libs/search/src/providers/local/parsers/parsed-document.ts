import type { SearchImage } from '../../../search.types';

/** A document as a parser reads it, before the index gives it an id. */
export interface ParsedDocument {
  title: string;
  /** Section headings, indexed with their own boost. */
  headings: string;
  text: string;
  /** Set when the document names its own URL (front matter, a JSON field). */
  url?: string;
  date: string | null;
  lastUpdated: string | null;
  language: string | null;
  /** Front matter `kind:` (`academic`, `sec`), read by `search_mode`. */
  kind: string | null;
  images: SearchImage[];
}

/** What a parser gets: the file's text and a title to fall back on. */
export interface SourceFile {
  content: string;
  fallbackTitle: string;
}
