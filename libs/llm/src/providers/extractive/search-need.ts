/** The answers the `classify` task gives, for the LLM and the rule-based classifier alike. */
export const SEARCH = 'SEARCH';
export const NO_SEARCH = 'NO_SEARCH';

const GREETING =
  /^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening|night)|thanks?(?: you)?|thank you(?: very much)?|thx|cheers|bye|goodbye|see you|ok(?:ay)?|cool|great|nice)(?:\s+(?:there|all|so much|again))?[\s!.,?]*$/i;
/** "2+2", "what is 12 * (3 - 1)?", "calculate 7/8": digits and operators only. */
const ARITHMETIC =
  /^(?:(?:what(?:'s| is)|how much is|calculate|compute|evaluate|solve)\s+)?[\d\s.,+\-*/x×÷^%()=]+\??$/i;
const OPERATOR = /\d\s*[+\-*/x×÷^%]\s*\(?\s*\d/;
/** A request to rework text the user supplied: the verb first, then the text after a colon or in quotes. */
const REWRITE =
  /^(?:please\s+)?(?:rewrite|rephrase|paraphrase|reword|proofread|shorten|simplify|translate|summari[sz]e|fix(?: the)? (?:grammar|spelling|typos)(?: in)?|correct|make (?:this|it) (?:shorter|longer|clearer|more \w+))\b[^:"“]*(?::\s*\S|["“][^"”]{12,})/is;

/**
 * The rule-based search classifier of the extractive answerer: greetings, arithmetic and
 * rewriting the user's own text need no search; everything else does. Deliberately
 * conservative: when unsure, search.
 */
export function needsSearch(message: string): boolean {
  const text = message.trim();
  if (!text) return false;
  if (GREETING.test(text)) return false;
  if (ARITHMETIC.test(text) && OPERATOR.test(text)) return false;
  return !REWRITE.test(text);
}

/** `SEARCH` or `NO_SEARCH`, as the `classify` task replies. */
export function classifySearchNeed(message: string): string {
  return needsSearch(message) ? SEARCH : NO_SEARCH;
}
