// Function words, and the words questions are phrased with: neither says what a text is about.
const STOPWORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each else ever few ' +
    'for from further had has have having he her here hers herself him himself his how i if in ' +
    'into is it its itself just me more most my myself no nor not now of off on once only or ' +
    'other our ours ourselves out over own same she should so some such than that the their ' +
    'theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom whose why will with would you your yours ' +
    'yourself yourselves may might must shall us via per etc ' +
    'tell explain describe give show list please know want need find get make let like many much ' +
    'one use used using way ways thing things lot does mean means called anyone someone something'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** A crude stem so `models`/`model` and `routing`/`routed` meet; only suffixes, never prefixes. */
export function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && (word.endsWith('ing') || word.endsWith('ed'))) {
    return word.replace(/(ing|ed)$/, '');
  }
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The words of `text` in order, in their case, possessives dropped (stopwords included). */
export function wordsAsWritten(text: string): string[] {
  return (text.match(WORD) ?? []).map((w) => w.replace(/['’]s$/i, '').replace(/['’]/g, ''));
}

/** The words of `text` in order, lower-cased (stopwords included). */
export function words(text: string): string[] {
  return wordsAsWritten(text.toLowerCase());
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word) || word.length < 2;
}

/** The content terms of `text`, stemmed, in order (repeats kept, for term frequencies). */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !isStopword(w))
    .map(stem);
}

const SENTENCE_END = /(?<=[.!?]["')\]]*)\s+(?=["'([]?[\p{Lu}\p{N}])/u;
const MIN_SENTENCE_CHARS = 20;
const MAX_SENTENCE_CHARS = 600;

/** Splits prose into sentences; lines are boundaries too (snippets are often lists). */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((s) =>
      s
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
