import { isStopword, matchTerms, words, wordsAsWritten } from '@answergate/text';

/** What a source offers the check: its stemmed content terms, its words, its numbers. */
export interface SourceEvidence {
  terms: Set<string>;
  words: Set<string>;
  numbers: Set<string>;
}

/** Share of a sentence's content terms its sources must hold. */
export const MIN_OVERLAP = 0.5;
/** Share each cited source must hold on its own when a sentence cites several. */
export const MIN_SHARE_EACH = 0.25;

const NUMBER = /\d+(?:[.,]\d+)*/g;
const normalizeNumber = (n: string) => n.replace(/,(?=\d{3}\b)/g, '').replace(/\.0+$/, '');

export function evidenceOf(text: string): SourceEvidence {
  return {
    terms: new Set(matchTerms(text)),
    words: new Set(words(text)),
    numbers: new Set((text.match(NUMBER) ?? []).map(normalizeNumber)),
  };
}

/** Names: capitalised words after the first word of the sentence (a sentence's first word is capitalised anyway). */
function namesIn(sentence: string): string[] {
  return wordsAsWritten(sentence)
    .slice(1)
    .filter((word) => /^\p{Lu}/u.test(word) && !isStopword(word.toLowerCase()));
}

/** Why the whole sentence is not supported by its sources together, or null. */
function sentenceProblem(sentence: string, cited: readonly SourceEvidence[], terms: string[]) {
  for (const number of (sentence.match(NUMBER) ?? []).map(normalizeNumber)) {
    if (!cited.some((source) => source.numbers.has(number))) {
      return `number ${number} is not in the source`;
    }
  }
  for (const name of namesIn(sentence)) {
    if (!cited.some((source) => source.words.has(name.toLowerCase()))) {
      return `name ${name} is not in the source`;
    }
  }
  if (terms.length === 0) return null;
  const union = terms.filter((t) => cited.some((source) => source.terms.has(t))).length;
  const share = union / terms.length;
  return share < MIN_OVERLAP
    ? `only ${Math.round(share * 100)}% of its words are in the source`
    : null;
}

/**
 * For each source a sentence cites, why it does not support the sentence (null when it
 * does): the sentence's numbers and names must appear in its sources, and enough of its
 * content words (stemmed); a sentence citing several sources needs a share from each.
 */
export function judgeSentence(
  sentence: string,
  cited: ReadonlyMap<number, SourceEvidence>,
): Map<number, string | null> {
  const terms = [...new Set(matchTerms(sentence))].filter((term) => !/^\d/.test(term));
  const problem = sentenceProblem(sentence, [...cited.values()], terms);
  const verdicts = new Map<number, string | null>();
  for (const [marker, source] of cited) {
    if (problem || cited.size === 1 || terms.length === 0) {
      verdicts.set(marker, problem);
      continue;
    }
    const held = terms.filter((t) => source.terms.has(t)).length / terms.length;
    verdicts.set(
      marker,
      held < MIN_SHARE_EACH ? 'shares too few of its words with this source' : null,
    );
  }
  return verdicts;
}
