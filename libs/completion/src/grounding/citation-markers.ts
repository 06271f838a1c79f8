/** `[3]`, `[1][2]` (two markers), `[1, 2]` (one group of two). */
export const MARKER = /\[(\d{1,4}(?:\s*,\s*\d{1,4})*)\]/g;

/** The source numbers a sentence cites, each once, in order of appearance. */
export function citedNumbers(sentence: string): number[] {
  const numbers: number[] = [];
  for (const match of sentence.matchAll(MARKER)) {
    for (const part of match[1].split(',')) {
      const n = Number(part.trim());
      if (!numbers.includes(n)) numbers.push(n);
    }
  }
  return numbers;
}

/** The sentence without its markers (what the citation check reads). */
export function withoutMarkers(sentence: string): string {
  return sentence.replace(MARKER, ' ');
}

/**
 * Removes the given source numbers from every marker of `text` (a group keeps its other
 * numbers), with the space before a marker that disappears entirely.
 */
export function removeMarkers(text: string, remove: ReadonlySet<number>): string {
  if (remove.size === 0) return text;
  return text.replace(
    /(\s*)\[(\d{1,4}(?:\s*,\s*\d{1,4})*)\]/g,
    (_whole, space: string, list: string) => {
      const kept = list
        .split(',')
        .map((part) => part.trim())
        .filter((part) => !remove.has(Number(part)));
      if (kept.length === 0) return '';
      return `${space}[${kept.join(', ')}]`;
    },
  );
}

/** Where a marker may be starting at the end of streamed text: held back until it is whole. */
export function partialMarkerStart(text: string): number {
  const match = /\[[\d,\s]{0,24}$/.exec(text);
  return match ? match.index : text.length;
}
