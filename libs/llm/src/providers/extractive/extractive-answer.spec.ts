import { describe, expect, it } from '@jest/globals';
import { TEST_SOURCES } from './extractive-sources.fixture';
import { extractiveAnswer, NO_ANSWER } from './extractive-answer';

describe('extractiveAnswer', () => {
  it('answers with the best matching sentence of the sources, cited', () => {
    expect(extractiveAnswer('What is the capital of France?', TEST_SOURCES)).toBe(
      'Paris is the capital and largest city of France[1].',
    );
    expect(extractiveAnswer('How do I set a TTL in Redis?', TEST_SOURCES)).toBe(
      'Set a TTL on every key so that stale entries expire on their own[3].',
    );
  });

  it('picks the sentence that answers, not one that only names the subject', () => {
    const answer = extractiveAnswer('What is the population of Paris?', TEST_SOURCES);
    expect(answer).toMatch(/^With an estimated population of 2,102,650 residents.*\[1\]\.$/);
    expect(answer).not.toContain('wine');
  });

  it('cites every sentence, from several sources, with no near-duplicates', () => {
    const answer = extractiveAnswer('Paris', TEST_SOURCES);
    const sentences = answer.split(/(?<=\]\.)\s+/);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    for (const sentence of sentences) expect(sentence).toMatch(/\[[12]\]\.$/);
    expect(answer).toContain('[1]');
    expect(answer).toContain('[2]');
    // "Its capital is Paris ... largest city" and "Paris is the capital and largest city" say one thing.
    expect(answer.match(/largest city/g)).toHaveLength(1);
  });

  it('says plainly when the sources do not answer', () => {
    expect(extractiveAnswer('Who won the 2022 world cup?', TEST_SOURCES)).toBe(NO_ANSWER);
    expect(extractiveAnswer('What is the capital of France?', [])).toBe(NO_ANSWER);
    expect(extractiveAnswer('what is it?', TEST_SOURCES)).toBe(NO_ANSWER);
  });

  it('is deterministic and independent of source order for ties', () => {
    const question = 'Which city is the largest in France?';
    const first = extractiveAnswer(question, TEST_SOURCES);
    for (let i = 0; i < 5; i++) expect(extractiveAnswer(question, TEST_SOURCES)).toBe(first);
  });

  it('keeps at most four sentences, two a source', () => {
    const facts = [
      'The Louvre in Paris shows Renaissance paintings by Leonardo.',
      "The Musée d'Orsay in Paris shows impressionist paintings in a former railway station.",
      'The Centre Pompidou in Paris shows modern paintings beside a public library.',
      'The Orangerie in Paris shows paintings of water lilies by Monet.',
      'The Marmottan in Paris shows paintings from a private collection of Monet works.',
      'The Picasso museum in Paris shows paintings across every period of his life.',
    ];
    const sources = facts.map((snippet, i) => ({
      ...TEST_SOURCES[0],
      index: (i % 3) + 1,
      snippet,
    }));
    const answer = extractiveAnswer('Which paintings does Paris show?', sources);
    const citations = answer.match(/\[\d\]/g) ?? [];
    expect(citations).toHaveLength(4);
    for (const n of ['[1]', '[2]', '[3]']) {
      expect(citations.filter((c) => c === n).length).toBeLessThanOrEqual(2);
    }
  });
});
