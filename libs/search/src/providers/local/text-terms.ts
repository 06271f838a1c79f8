import { STOP_WORDS } from './stop-words';

/** Splits on whitespace and punctuation, as MiniSearch does (the index used it before). */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/** A token as the index keeps it: lower case, or null for stop words and single characters. */
export function processTerm(token: string): string | null {
  const lower = token.toLowerCase();
  return lower.length < 2 || STOP_WORDS.has(lower) ? null : lower;
}

/** The indexed terms of `text`, in order, repeats kept (documents and queries alike). */
export function termsOf(text: string): string[] {
  const terms: string[] = [];
  for (const token of text.split(SPACE_OR_PUNCTUATION)) {
    const term = processTerm(token);
    if (term) terms.push(term);
  }
  return terms;
}
