import { splitSentences } from './sentences';

/** Passage size in characters: about 150 tokens, a paragraph's worth of context. */
export const PASSAGE_TARGET_CHARS = 600;
/** A sentence longer than this (a table flattened to text, a code dump) is cut at spaces. */
export const PASSAGE_MAX_CHARS = 1200;

function cutLong(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const space = rest.lastIndexOf(' ', max);
    const at = space > max / 2 ? space : max;
    pieces.push(rest.slice(0, at).trim());
    rest = rest.slice(at).trim();
  }
  if (rest) pieces.push(rest);
  return pieces;
}

/**
 * Cuts a page's text into passages of whole sentences, about `target` characters each,
 * in order. Paragraph breaks end a passage once it is half full, so passages follow the
 * page's own structure where it has one.
 */
export function cutPassages(
  text: string,
  target = PASSAGE_TARGET_CHARS,
  max = PASSAGE_MAX_CHARS,
): string[] {
  const passages: string[] = [];
  let current = '';
  const flush = () => {
    if (current) passages.push(current);
    current = '';
  };
  for (const paragraph of text.split(/\n\s*\n/)) {
    for (const sentence of splitSentences(paragraph)) {
      for (const piece of cutLong(sentence.text.replace(/\s+/g, ' '), max)) {
        if (current && current.length + piece.length + 1 > max) flush();
        current = current ? `${current} ${piece}` : piece;
        if (current.length >= target) flush();
      }
    }
    if (current.length >= target / 2) flush();
  }
  flush();
  return passages;
}
