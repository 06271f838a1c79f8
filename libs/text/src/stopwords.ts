/**
 * English function words, the one list the whole project uses: they match nearly every
 * text, so dropping them keeps BM25 scores meaningful, candidate sets small, and
 * citation checks about what a sentence says.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each else ever few ' +
    'for from further had has have having he her here hers herself him himself his how i if in ' +
    'into is it its itself just me more most my myself no nor not now of off on once only or ' +
    'other our ours ourselves out over own same she should so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom whose why will with would you your yours ' +
    'yourself yourselves may might must shall us via per etc'
  ).split(' '),
);

/**
 * Words questions are phrased with ("tell me", "explain"): content words in a document, but
 * they say nothing about what a question is after. For query-side filtering only.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    'tell explain describe give show list please know want need find get make let like many much ' +
    'one use used using way ways thing things lot mean means called anyone someone something'
  ).split(' '),
);

/** Stop words and single characters carry no meaning of their own. */
export function isStopword(word: string): boolean {
  return word.length < 2 || STOPWORDS.has(word);
}
