import { withoutInstructions } from '@answergate/common';

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
export function quoteSourceText(text: string): string {
  return withoutInstructions(text).replace(/\s+/g, ' ').replace(OUR_TAGS, '‹').trim();
}

/** The `<` of `<source`, `</sources`, `< / source` and the like, in any case. */
const OUR_TAGS = /<(?=\s*\/?\s*sources?\b)/gi;
