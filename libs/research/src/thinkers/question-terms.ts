import { isStopword, QUESTION_WORDS, wordsAsWritten } from '@answergate/text';

/** The question's content words as written, once each (case-insensitive), in order. */
export function questionTerms(question: string): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const word of wordsAsWritten(question)) {
    const key = word.toLowerCase();
    if (isStopword(key) || QUESTION_WORDS.has(key) || seen.has(key)) continue;
    seen.add(key);
    kept.push(word);
  }
  return kept;
}

/** Whether `text` mentions `term` as a word or a word's start (`index` finds `indexes`). */
export function mentions(text: string, term: string): boolean {
  const escaped = term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}`, 'u').test(text.toLowerCase());
}
