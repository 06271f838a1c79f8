/** What kind of fact a question asks for, so the sentence that states one ranks first. */
export type AnswerType = 'number' | 'time' | 'person' | 'place' | 'any';

const NUMBER_WORDS =
  /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|hundred|thousand|million|billion|once|twice)\b/i;
const HAS_NUMBER = new RegExp(`\\d|${NUMBER_WORDS.source}`, 'i');
const MONTHS =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;
const HAS_TIME = new RegExp(`\\b(1[5-9]|20)\\d\\d\\b|${MONTHS.source}|\\b(since|until|between)\\b`);
/** Two capitalised words in a row, or an email: a name to contact. */
const HAS_PERSON = /\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+|\b[\w.-]+@[\w.-]+\.\w+/u;
const HAS_PLACE = /\b(in|at|into|from|on|near)\s+(the\s+)?\p{Lu}/u;

/** The answer type of one question (or one part of it), from how it is phrased. */
export function answerTypeOf(question: string): AnswerType {
  const q = question.trim().toLowerCase();
  if (
    /\bhow\s+(long|tall|high|far|big|old|many|much|often|strong|deep|wide|heavy|fast|large)\b/.test(
      q,
    ) ||
    /\bwhat\s+(temperature|size|port|percentage|number|amount)\b|\bwhich\s+port\b/.test(q) ||
    /\bat what temperature\b/.test(q)
  ) {
    return 'number';
  }
  if (/^(and\s+)?when\b|\bwhen\b|\bwhat year\b/.test(q)) return 'time';
  if (/^(and\s+)?(who|whom)\b|\bwho\b/.test(q)) return 'person';
  if (/^(and\s+)?where\b|\bwhere\b/.test(q)) return 'place';
  return 'any';
}

/** Whether `sentence` states a fact of type `type` (a number, a date, a name, a place). */
export function statesAnswerType(sentence: string, type: AnswerType): boolean {
  switch (type) {
    case 'number':
      return HAS_NUMBER.test(sentence);
    case 'time':
      return HAS_TIME.test(sentence);
    case 'person':
      return HAS_PERSON.test(sentence.replace(/^\S+\s+/, ''));
    case 'place':
      return HAS_PLACE.test(sentence);
    default:
      return true;
  }
}

const PART_BREAK =
  /\s*,?\s+(?:and|or)\s+(?=(?:who|whom|when|where|what|which|how|why)\b)|\s*\?\s+(?=\S)/i;

/**
 * The parts of a question that asks several things: "Who invented X and when?" is
 * "Who invented X" and "when"; "Where does it rise, and where does it end?" two wheres.
 */
export function questionParts(question: string): string[] {
  return question
    .split(PART_BREAK)
    .map((part) => part.trim())
    .filter(Boolean);
}
