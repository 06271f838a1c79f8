import {
  contentTerms,
  isStopword as isFunctionWord,
  QUESTION_WORDS,
  splitSentences,
  stem,
  words,
  wordsAsWritten,
} from '@answergate/text';

export { stem, wordsAsWritten };

/** Function words and the words questions are phrased with: neither says what is asked about. */
export function isStopword(word: string): boolean {
  return isFunctionWord(word) || QUESTION_WORDS.has(word);
}

/** The content terms of `text`, stemmed, in order (repeats kept, for term frequencies). */
export function terms(text: string): string[] {
  return contentTerms(text)
    .filter((word) => !QUESTION_WORDS.has(word))
    .map(stem);
}

const MIN_SENTENCE_CHARS = 20;
const MAX_SENTENCE_CHARS = 600;

/** Prose split into sentences (lines are boundaries too: snippets are often lists). */
export function sentences(text: string): string[] {
  return splitSentences(text)
    .map((sentence) =>
      sentence.text
        .replace(/\s+/g, ' ')
        .replace(/^[\s\-*•#>]+/, '')
        .trim(),
    )
    .filter((s) => s.length >= MIN_SENTENCE_CHARS && s.length <= MAX_SENTENCE_CHARS);
}

/** A key two texts share when they say the same thing modulo case and punctuation. */
export function fingerprint(text: string): string {
  return words(text).join(' ');
}
