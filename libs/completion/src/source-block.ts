import { rememberedText, withoutInstructions } from '@answergate/common';

/**
 * Characters of source texts and their quoted forms remembered (a few MB at most): the same
 * results come back across requests, and quoting runs a dozen patterns over every sentence
 * (~0.1-0.2 ms for a request's sources, twice: the prompt and its token count).
 */
const QUOTED_CHARS_REMEMBERED = 1_000_000;

/** The tags around the prompt's sources; source text can never contain them. */
export const SOURCES_OPEN = '<sources>';
export const SOURCES_CLOSE = '</sources>';

/**
 * Source text made safe to quote inside the sources block: on one line (so nothing
 * in it starts a line that looks like our headers, `[7] ...`, `URL:`,
 * `Instructions from the caller:`), with the `<` of anything that looks like our
 * tags turned into a look-alike (so it cannot open or close a source), and without
 * its instruction-like sentences.
 */
export const quoteSourceText = rememberedText(
  (text) => withoutInstructions(text).replace(/\s+/g, ' ').replace(OUR_TAGS, '‹').trim(),
  QUOTED_CHARS_REMEMBERED,
);

/** The `<` of `<source`, `</sources`, `< / source` and the like, in any case. */
const OUR_TAGS = /<(?=\s*\/?\s*sources?\b)/gi;
