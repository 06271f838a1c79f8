import { describe, expect, it } from '@jest/globals';
import { needsSearch } from './search-need';

describe('needsSearch (the extractive rule-based search classifier)', () => {
  it.each([
    'hi',
    'Hello there!',
    'thanks so much',
    'Good morning',
    '2+2',
    'What is 12 * (3 - 1)?',
    'calculate 7 / 8',
    'Rewrite this more politely: send me the report now',
    'Translate "the weather is lovely today" into French',
    'Fix the grammar in: he go to school every days',
  ])('skips search for %j', (message) => {
    expect(needsSearch(message)).toBe(false);
  });

  it.each([
    'What is the population of Lyon?',
    'Who won the 2026 world cup?',
    'hello, what is new in Node 24?',
    'What is 2026 in Roman numerals and when was Rome founded?',
    'Rewrite history of the Roman empire',
    'Summarize the latest news on Redis',
  ])('searches for %j', (message) => {
    expect(needsSearch(message)).toBe(true);
  });
});
