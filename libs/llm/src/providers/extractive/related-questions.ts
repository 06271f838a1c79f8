import type { NumberedSource } from '../../llm.types';
import { rankSentences } from './sentence-ranker';
import { isStopword, stem, terms, wordsAsWritten } from './text-analysis';

const MAX_QUESTIONS = 3;
const MIN_TERM_CHARS = 4;
const TOPIC_WORDS = 6;

const ABOUT_TERM = [
  (term: string, topic: string) => `How is ${term} related to ${topic}?`,
  (term: string, topic: string) => `What role does ${term} play in ${topic}?`,
  (term: string, topic: string) => `What should I know about ${term} when it comes to ${topic}?`,
];
const ABOUT_TOPIC = [
  (topic: string) => `What are the latest developments in ${topic}?`,
  (topic: string) => `What are common misconceptions about ${topic}?`,
  (topic: string) => `Where can I learn more about ${topic}?`,
];

const WH_AND_VERB =
  /^(what|which|where|when|why|how|who)\s+(is|are|was|were|does|do|did|can|could|should|would|will|has|have)\s+/i;

/**
 * What the follow-ups are about: "What is the capital of France?" gives "the capital
 * of France"; a question that does not strip that cleanly gives its content words.
 */
function topicOf(question: string): string {
  const bare = question.trim().replace(/[?.!\s]+$/, '');
  const rest = bare.replace(WH_AND_VERB, '');
  const restWords = wordsAsWritten(rest);
  if (rest !== bare && restWords.length <= TOPIC_WORDS && !/^(i|you|we|my|our)\b/i.test(rest)) {
    return rest;
  }
  const content = wordsAsWritten(bare).filter((w) => !isStopword(w.toLowerCase()));
  return content.slice(0, TOPIC_WORDS).join(' ') || 'this topic';
}

/**
 * Words the relevant sources dwell on that the question does not mention: how many
 * sources use them first (titles counting double), then how often; ties alphabetical.
 */
function salientTerms(question: string, sources: readonly NumberedSource[]): string[] {
  const asked = new Set(terms(question));
  const scores = new Map<string, { word: string; sources: number; count: number }>();
  for (const source of sources) {
    const inTitle = new Set(terms(source.title));
    const seen = new Set<string>();
    for (const word of wordsAsWritten(`${source.title}\n${source.snippet}`)) {
      const lower = word.toLowerCase();
      const key = stem(lower);
      if (
        lower.length < MIN_TERM_CHARS ||
        isStopword(lower) ||
        asked.has(key) ||
        /\d/.test(lower)
      ) {
        continue;
      }
      const entry = scores.get(key) ?? { word, sources: 0, count: 0 };
      if (!seen.has(key)) entry.sources += inTitle.has(key) ? 2 : 1;
      seen.add(key);
      entry.count += 1;
      scores.set(key, entry);
    }
  }
  return [...scores.values()]
    .filter((entry) => entry.count > 1 || sources.length === 1)
    .sort((a, b) => b.sources - a.sources || b.count - a.count || a.word.localeCompare(b.word))
    .map((entry) => entry.word);
}

/**
 * Up to three follow-up questions, built from what the sources that match the
 * question talk about; generic ones about the topic when none match. Deterministic.
 */
export function relatedQuestions(question: string, sources: readonly NumberedSource[]): string[] {
  const topic = topicOf(question);
  const matching = new Set(rankSentences(question, sources).map((sentence) => sentence.source));
  const relevant = sources.filter((source) => matching.has(source.index));
  const fromSources = salientTerms(question, relevant)
    .slice(0, MAX_QUESTIONS)
    .map((term, i) => ABOUT_TERM[i](term, topic));
  const general = ABOUT_TOPIC.map((ask) => ask(topic));
  return [...fromSources, ...general].slice(0, MAX_QUESTIONS);
}
