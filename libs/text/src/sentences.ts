/** One sentence of a text, with where it lies in it. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * The end of a sentence: `.`, `!` or `?` (closing quotes and brackets, and citation markers
 * like `[2]` written after the stop, belong to it), then space before something that does not
 * start in lower case; or a line break. Decimals (`3.14`) and `e.g. this` stay whole.
 */
const BOUNDARY =
  /[.!?]+["'”’)\]]*(?:[ \t]*\[\d{1,4}(?:\s*,\s*\d{1,4})*\])*(?=\s+[^\s\p{Ll}]|\s*$)|\n/gu;

/** Splits prose into sentences, in order, trimmed, empty ones dropped; offsets index `text`. */
export function splitSentences(text: string): Sentence[] {
  const found: Sentence[] = [];
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed)
      found.push({ text: trimmed, start: from + lead, end: from + lead + trimmed.length });
  };
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    push(end);
    from = end;
  }
  push(text.length);
  return found;
}
