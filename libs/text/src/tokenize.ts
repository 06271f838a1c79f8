import { isStopword } from './stopwords';

/** A word: letters (with their marks) and digits. Punctuation, symbols and spaces split words. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of `text` in order, lower-cased, stop words included. */
export function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** The words of `text` in order, in their case (for names and numbers). */
export function wordsAsWritten(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** The content words of `text`, lower-cased, in order, repeats kept (term frequencies). */
export function contentTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) if (!isStopword(word)) terms.push(word);
  return terms;
}

/** A crude stem so `models`/`model` and `routing`/`routed` meet; only suffixes, never prefixes. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 5 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/**
 * Content words stemmed: what passage ranking and the citation check compare. The local
 * index keeps unstemmed `contentTerms`, since its prefix and one-typo matching do that job.
 */
export function matchTerms(text: string): string[] {
  return contentTerms(text).map(stem);
}
